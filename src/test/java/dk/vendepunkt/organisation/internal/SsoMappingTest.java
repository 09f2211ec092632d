package dk.vendepunkt.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.organisation.Role;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claims and attributes of single sign-on mapped to Vendepunkt's roles and teams (ADR 0015). */
class SsoMappingTest {

    static final String CVR = "29189846";
    static final String CASEWORKER = "http://kombit.dk/roles/usersystemrole/vendepunkt_sagsbehandler/1";
    static final String MANAGER = "http://kombit.dk/roles/usersystemrole/vendepunkt_programleder/1";
    static final String ORG_UNIT = "http://sts.kombit.dk/constraints/orgenhed/1";

    /** A basic privilege profile as KOMBIT's adgangsstyring sends it: one group per scope and constraint. */
    static String privileges(String... groups) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<bpp:PrivilegeList xmlns:bpp=\"http://itst.dk/oiosaml/basic_privilege_profile\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" + String.join("", groups) + "</bpp:PrivilegeList>";
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String group(String cvr, String constraintValue, String... privileges) {
        StringBuilder g = new StringBuilder("<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:" + cvr + "\">");
        for (String p : privileges) g.append("<Privilege>").append(p).append("</Privilege>");
        if (constraintValue != null) g.append("<Constraint Name=\"").append(ORG_UNIT).append("\">").append(constraintValue).append("</Constraint>");
        return g.append("</PrivilegeGroup>").toString();
    }

    static SsoProperties.Saml kombit() {
        return new SsoProperties.Saml(CVR, null, null, null, null,
                Map.of(CASEWORKER, Role.CASEWORKER, MANAGER, Role.PROGRAMME_MANAGER), ORG_UNIT, Map.of(),
                Map.of("b1a5e3c0-0000-4000-8000-000000000001", "Exit-teamet Nord"), "https://saml.adgangsstyring.stoettesystemerne.dk");
    }

    static Map<String, List<Object>> attributes(String username, String privileges) {
        return Map.of("urn:oid:0.9.2342.19200300.100.1.1", List.of(username), "urn:oid:2.5.4.3", List.of("Anna Andersen"),
                "urn:oid:0.9.2342.19200300.100.1.3", List.of("anna@kommune.dk"),
                OiosamlPrivileges.OIOSAML2_ATTRIBUTE, List.of(privileges));
    }

    @Test
    void kombitPrivilegesOfTheMunicipalityBecomeRolesAndTheirOrganisationalUnitTeams() {
        String bpp = privileges(
                group(CVR, "b1a5e3c0-0000-4000-8000-000000000001", CASEWORKER),
                group(CVR, "ffffffff-0000-4000-8000-00000000000f", "http://kombit.dk/roles/usersystemrole/andet_system/1"),
                group("11111111", "b1a5e3c0-0000-4000-8000-000000000002", MANAGER));
        var id = SsoMapping.saml("idp", "ignored-name-id", attributes("anna", bpp), kombit());
        assertThat(id.username()).isEqualTo("anna");
        assertThat(id.displayName()).isEqualTo("Anna Andersen");
        assertThat(id.email()).isEqualTo("anna@kommune.dk");
        // another municipality's (CVR) programme manager privilege does not count here; nor another system's unit
        assertThat(id.roles()).containsExactly(Role.CASEWORKER);
        assertThat(id.teamNames()).containsExactly("Exit-teamet Nord");
    }

    @Test
    void privilegesCanNameTeamsAndTheOiosaml3AttributeAndTheNameIdAreRead() {
        var cfg = new SsoProperties.Saml(CVR, null, null, null, null, Map.of(MANAGER, Role.PROGRAMME_MANAGER), null,
                Map.of("http://kombit.dk/roles/jobfunktionsrolle/ssp-teamet/1", "SSP-teamet"), Map.of(), "idp");
        String bpp = privileges(group(CVR, null, MANAGER, "http://kombit.dk/roles/jobfunktionsrolle/ssp-teamet/1"));
        var id = SsoMapping.saml("idp", "bo@kommune.dk", Map.of(OiosamlPrivileges.OIOSAML3_ATTRIBUTE, List.of(bpp)), cfg);
        assertThat(id.username()).isEqualTo("bo@kommune.dk");
        assertThat(id.roles()).containsExactly(Role.PROGRAMME_MANAGER);
        assertThat(id.teamNames()).containsExactly("SSP-teamet");
    }

    @Test
    void withoutAMappedPrivilegeThereIsNoRole() {
        var id = SsoMapping.saml("idp", "x", attributes("cy", privileges(group(CVR, "u", "http://kombit.dk/roles/other/1"))), kombit());
        assertThat(id.roles()).isEmpty();
        assertThat(id.teamNames()).isEmpty();
        assertThat(SsoMapping.saml("idp", "x", Map.of(), kombit()).roles()).isEmpty();
    }

    @Test
    void privilegesWithADoctypeOrThatAreNoPrivilegeListAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<PrivilegeList><PrivilegeGroup Scope=\"s\"><Privilege>&e;</Privilege></PrivilegeGroup></PrivilegeList>";
        assertThatThrownBy(() -> OiosamlPrivileges.parse(Base64.getEncoder().encodeToString(xxe.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(OiosamlPrivileges.Unreadable.class);
        assertThatThrownBy(() -> OiosamlPrivileges.parse("<Other/>")).isInstanceOf(OiosamlPrivileges.Unreadable.class);
        assertThatThrownBy(() -> OiosamlPrivileges.parse("not base64 %%")).isInstanceOf(OiosamlPrivileges.Unreadable.class);
    }

    @Test
    void oidcRolesAndTeamsFromConfiguredClaimsANestedPathAndRoleNames() {
        var named = new SsoProperties.Oidc("i", "c", null, null, null, "email", "realm_access.roles", "groups", null, null);
        var id = SsoMapping.oidc("i", Map.of("email", "Anna@Kommune.dk", "name", "Anna",
                "realm_access", Map.of("roles", List.of("caseworker", "offline_access")), "groups", List.of("Exit-teamet")), named);
        assertThat(id.username()).isEqualTo("Anna@Kommune.dk");
        assertThat(id.roles()).containsExactly(Role.CASEWORKER);
        assertThat(id.teamNames()).containsExactly("Exit-teamet");

        // with a configured mapping only its entries count: a provider's "admin" is not Vendepunkt's ADMIN
        var mapped = new SsoProperties.Oidc("i", "c", null, null, null, null, null, null,
                Map.of("vp-analytiker", Role.ANALYST), Map.of("grp-17", "Analyseteamet"));
        var other = SsoMapping.oidc("i", Map.of("preferred_username", "bo", "roles", List.of("admin", "vp-analytiker"),
                "groups", "grp-17"), mapped);
        assertThat(other.roles()).containsExactly(Role.ANALYST);
        assertThat(other.teamNames()).containsExactly("Analyseteamet");
    }

    @Test
    void usernamesFromAProviderAreLowerCasedAndCheckedLikeLocalOnes() {
        assertThat(SsoProvisioning.username(" Anna@Kommune.dk ")).isEqualTo("anna@kommune.dk");
        assertThat(SsoProvisioning.username("a b")).isNull();
        assertThat(SsoProvisioning.username(null)).isNull();
    }
}
