package dk.vendepunkt.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on configured with Spring Boot's own {@code spring.security.oauth2.client.*} properties instead of
 * {@code vendepunkt.sso.oidc.*}: the same login button and provisioning, roles from the default {@code roles}
 * claim by their names; local login stays on.
 */
@IntegrationTest
class SsoBootPropertiesIT {

    @DynamicPropertySource
    static void sso(DynamicPropertyRegistry p) {
        p.add("spring.security.oauth2.client.registration.rathus.client-id", () -> SsoOidcIT.CLIENT_ID);
        p.add("spring.security.oauth2.client.registration.rathus.client-secret", () -> "hemmelig");
        p.add("spring.security.oauth2.client.registration.rathus.scope", () -> "openid,profile,email");
        p.add("spring.security.oauth2.client.provider.rathus.issuer-uri", () -> SsoOidcIT.IDP.issuerUrl(SsoOidcIT.ISSUER_ID).toString());
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void theLoginPageOffersBothAndAnSsoUserIsProvisionedWithTheRoleNamedInTheClaim() {
        var browser = new SsoOidcIT.Browser(port);
        var login = browser.get("/login");
        assertThat(login.body()).contains("href=\"/oauth2/authorization/rathus\"").contains("type=\"password\"");

        String username = "sso-boot-" + System.nanoTime() % 1000000;
        var home = browser.signIn("rathus", Map.of("preferred_username", username, "roles", List.of("analyst", "ukendt")));
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(jdbc.sql("select roles::text || ' ' || sso_issuer from org_user where username = ?").param(username)
                .query(String.class).single()).isEqualTo("{ANALYST} " + SsoOidcIT.IDP.issuerUrl(SsoOidcIT.ISSUER_ID));
    }
}
