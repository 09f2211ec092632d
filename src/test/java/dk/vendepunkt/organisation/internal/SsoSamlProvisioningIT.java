package dk.vendepunkt.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A SAML sign-in's OIOSAML attributes (KOMBIT's basic privilege profile) through the mapping and just-in-time
 * provisioning to a staff account that team rules apply to. The SAML protocol itself (the signed response at
 * the ACS endpoint) needs OpenSAML, which Maven Central does not serve (ADR 0015).
 */
@IntegrationTest
class SsoSamlProvisioningIT {

    @Autowired SsoProvisioning provisioning;
    @Autowired TestStaff staff;
    @Autowired PersonDirectory people;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aKombitCaseworkerWithAnOrganisationalUnitSeesThatTeamsPersonOnly() {
        long teamX = staff.team("saml-x");
        long teamY = staff.team("saml-y");
        long inX = people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr()).orElseThrow(), "Saml", "X", "D01", teamX);
        long inY = people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr()).orElseThrow(), "Saml", "Y", "D01", teamY);
        String unit = "5e1f0c2a-0000-4000-8000-" + String.format("%012d", teamX);
        var cfg = new SsoProperties.Saml(SsoMappingTest.CVR, null, null, null, null,
                Map.of(SsoMappingTest.CASEWORKER, Role.CASEWORKER), SsoMappingTest.ORG_UNIT, Map.of(),
                Map.of(unit, teamName(teamX)), "https://idp.kombit.test");
        String username = "saml-anna-" + System.nanoTime() % 1000000;
        String bpp = SsoMappingTest.privileges(SsoMappingTest.group(SsoMappingTest.CVR, unit, SsoMappingTest.CASEWORKER));

        var member = provisioning.signIn(SsoMapping.saml(cfg.entityId(), null, SsoMappingTest.attributes(username, bpp), cfg));
        assertThat(member.roles()).containsExactly(Role.CASEWORKER);
        assertThat(member.teamIds()).containsExactly(teamX);
        assertThat(jdbc.sql("select sso_issuer from org_user where id = ?").param(member.id()).query(String.class).single())
                .isEqualTo("https://idp.kombit.test");

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority(Role.CASEWORKER.authority()))));
        assertThat(people.canAccess(inX)).isTrue();
        assertThat(people.canAccess(inY)).isFalse();
    }

    @Test
    void anIdentityProviderNeverTakesOverAnotherProvidersAccount() {
        var cfg = SsoMappingTest.kombit();
        String username = "saml-bo-" + System.nanoTime() % 1000000;
        String bpp = SsoMappingTest.privileges(SsoMappingTest.group(SsoMappingTest.CVR, null, SsoMappingTest.CASEWORKER));
        provisioning.signIn(SsoMapping.saml("https://idp-a.test", null, SsoMappingTest.attributes(username, bpp), cfg));
        assertThatThrownBy(() -> provisioning.signIn(SsoMapping.saml("https://idp-b.test", null, SsoMappingTest.attributes(username, bpp), cfg)))
                .isInstanceOf(SsoProvisioning.Refused.class);
        assertThat(jdbc.sql("select sso_issuer from org_user where username = ?").param(username).query(String.class).single())
                .isEqualTo("https://idp-a.test");
    }

    @Test
    void aFirstSignInInSeveralTabsAtOnceMakesOneAccount() throws Exception {
        var cfg = SsoMappingTest.kombit();
        String username = "saml-cy-" + System.nanoTime() % 1000000;
        var identity = SsoMapping.saml("https://idp-a.test", null, SsoMappingTest.attributes(username,
                SsoMappingTest.privileges(SsoMappingTest.group(SsoMappingTest.CVR, null, SsoMappingTest.CASEWORKER))), cfg);
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            var signIns = java.util.stream.IntStream.range(0, 6).mapToObj(i -> pool.submit(() -> {
                start.await();
                return provisioning.signIn(identity).id();
            })).toList();
            start.countDown();
            for (var f : signIns) assertThat(f.get()).isPositive();
        }
        assertThat(jdbc.sql("select count(*) from org_user where username = ?").param(username).query(Long.class).single()).isEqualTo(1);
    }

    private String teamName(long team) {
        return jdbc.sql("select name from org_team where id = ?").param(team).query(String.class).single();
    }
}
