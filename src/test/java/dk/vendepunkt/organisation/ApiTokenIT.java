package dk.vendepunkt.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dk.vendepunkt.organisation.internal.ApiTokens;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * API tokens (ADR 0014) over real HTTP: the register and police imports with a token, 401 for an unknown,
 * expired or revoked token (audited), 403 for a token without the role, creation and revocation audited, the
 * secret shown once, and no password hash computed for a token request.
 */
@IntegrationTest
class ApiTokenIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @MockitoSpyBean PasswordEncoder encoder;

    /** Header only: the import runs (so the caller got past authentication and the role check) and stores nothing. */
    static final byte[] NO_ROWS = "this,is,not,the,header\n".getBytes(StandardCharsets.UTF_8);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    LocalDate inDays(int days) {
        return LocalDate.now(clock.withZone(Zones.ZONE)).plusDays(days);
    }

    Api.Response importAs(String token, String kind) {
        return Api.at(port).bearer(token).postFile("/api/v1/imports/" + kind, "text/csv", NO_ROWS);
    }

    @Test
    void theRegisterAndPoliceImportsWorkWithATokenThatHasTheRole() {
        var manager = staff.user(Role.PROGRAMME_MANAGER);
        String personal = tokens.createPersonal(manager.username(), "registerudtræk", Set.of(Role.PROGRAMME_MANAGER), inDays(30)).token();
        String police = tokens.createSystem("police-" + System.nanoTime(), Set.of(Role.ANALYST), inDays(30)).token();

        // 422: the import ran and refused the file's header; nothing is stored
        assertThat(importAs(personal, "register-events").status()).isEqualTo(422);
        assertThat(importAs(police, "crime-reports").status()).isEqualTo(422);
        // wrong scope: authenticated, but the role is missing
        assertThat(importAs(police, "register-events").status()).isEqualTo(403);
        assertThat(importAs(personal, "crime-reports").status()).isEqualTo(403);
        assertThat(Api.at(port).bearer(police).get("/api/v1/admin/users").status()).isEqualTo(403);
    }

    @Test
    void aPersonalTokenCarriesOnlyTheRolesItsOwnerStillHasAndDiesWithTheAccount() {
        var manager = staff.user(Role.PROGRAMME_MANAGER);
        String token = tokens.createPersonal(manager.username(), "nat", Set.of(Role.PROGRAMME_MANAGER), inDays(30)).token();
        assertThat(importAs(token, "register-events").status()).isEqualTo(422);

        jdbc.sql("update org_user set roles = '{ANALYST}' where username = ?").param(manager.username()).update();
        assertThat(importAs(token, "register-events").status()).isEqualTo(403);

        jdbc.sql("update org_user set roles = '{PROGRAMME_MANAGER}', enabled = false where username = ?").param(manager.username()).update();
        assertThat(importAs(token, "register-events").status()).isEqualTo(401);
        assertThat(refusals(manager.username())).contains("ejerens konto er deaktiveret");
    }

    @Test
    void expiredRevokedAndUnknownTokensAre401AndAudited() {
        var manager = staff.user(Role.PROGRAMME_MANAGER);
        String expiring = tokens.createPersonal(manager.username(), "kort", Set.of(Role.PROGRAMME_MANAGER), inDays(1)).token();
        var revoked = tokens.createPersonal(manager.username(), "gammel", Set.of(Role.PROGRAMME_MANAGER), inDays(30));
        assertThat(importAs(expiring, "register-events").status()).isEqualTo(422);
        assertThat(importAs(revoked.token(), "register-events").status()).isEqualTo(422);

        tokens.revoke(revoked.id(), manager.username());
        var refused = importAs(revoked.token(), "register-events");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("API-tokenet er ukendt, udløbet eller tilbagekaldt");

        clock.advance(Duration.ofDays(2));
        assertThat(importAs(expiring, "register-events").status()).isEqualTo(401);
        assertThat(importAs("vpt_" + "x".repeat(43), "register-events").status()).isEqualTo(401);
        assertThat(Api.at(port).bearer("").get("/api/v1/programmes").status()).isEqualTo(401);

        assertThat(refusals(manager.username())).contains("tilbagekaldt", "udløbet");
        assertThat(jdbc.sql("select count(*) from aud_event where action = 'CREATE' and subject like ?")
                .param("%API-token%for " + manager.username()).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from aud_event where action = 'DELETE' and subject like ? and reason like ?")
                .params("%\"gammel\" for " + manager.username(), "%tilbagekaldt%").query(Integer.class).single()).isEqualTo(1);
    }

    java.util.List<String> refusals(String actor) {
        return jdbc.sql("select reason from aud_event where action = 'LOGIN_FAILED' and actor = ? and subject like 'API-token %'")
                .param(actor).query(String.class).list();
    }

    @Test
    void aTokenRequestComputesNoPasswordHash() {
        var manager = staff.user(Role.PROGRAMME_MANAGER);
        String token = tokens.createPersonal(manager.username(), "hurtig", Set.of(Role.PROGRAMME_MANAGER), inDays(30)).token();
        clearInvocations(encoder);
        for (int i = 0; i < 3; i++) {
            assertThat(Api.at(port).bearer(token).get("/api/v1/programmes").status()).isEqualTo(200);
        }
        verify(encoder, never()).matches(any(), any());

        // the same request with HTTP Basic checks the password (so the spy does see the provider's checks)
        assertThat(Api.at(port).as(manager.username(), manager.password()).get("/api/v1/programmes").status()).isEqualTo(200);
        verify(encoder, atLeastOnce()).matches(any(), any());
    }

    @Test
    void aPersonalTokenGetsOnlyRolesItsOwnerHasAndAnExpiryWithinTheLimit() {
        var analyst = staff.user(Role.ANALYST);
        assertThat(codes(() -> tokens.createPersonal(analyst.username(), "for meget", Set.of(Role.ADMIN), inDays(30))))
                .contains("apiToken.roles.notYours");
        assertThat(codes(() -> tokens.createPersonal(analyst.username(), " ", Set.of(), inDays(0))))
                .contains("apiToken.name.invalid", "apiToken.roles.required", "apiToken.expires.invalid");
        assertThat(codes(() -> tokens.createPersonal(analyst.username(), "lang", Set.of(Role.ANALYST), inDays(tokens.maxDays() + 1))))
                .contains("apiToken.expires.invalid");
    }

    static java.util.List<String> codes(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e.problems().stream().map(ValidationException.FieldProblem::code).toList();
        }
        throw new AssertionError("no ValidationException");
    }

    @Test
    void theAdminPageShowsANewSystemTokenOnceAndRevokesIt() {
        var admin = staff.user(Role.ADMIN);
        var web = WebSession.signIn(port, admin);
        String name = "dst-" + System.nanoTime();
        var created = web.post("/admin/tokens", "/admin/tokens", Map.of("name", name, "roles", "PROGRAMME_MANAGER",
                "expires", inDays(90).toString()));
        assertThat(created.statusCode()).isEqualTo(200);
        var m = Pattern.compile("id=\"token-secret\">(vpt_[A-Za-z0-9_-]{43})<").matcher(created.body());
        assertThat(m.find()).as("the secret on the answer to the POST").isTrue();
        String secret = m.group(1);

        assertThat(importAs(secret, "register-events").status()).isEqualTo(422);
        var list = web.get("/admin/tokens");
        assertThat(list.body()).contains(name).doesNotContain(secret);

        long id = jdbc.sql("select id from org_api_token where name = ?").param(name).query(Long.class).single();
        var revoked = web.post("/admin/tokens", "/admin/tokens/" + id + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(importAs(secret, "register-events").status()).isEqualTo(401);
        assertThat(jdbc.sql("select actor from aud_event where action = 'CREATE' and subject = ?")
                .param("system-API-token \"" + name + "\"").query(String.class).single()).isEqualTo(admin.username());
    }

    @Test
    void aUserManagesOwnTokensOnTheAccountPageButNotOthers() {
        var analyst = staff.user(Role.ANALYST);
        var other = staff.user(Role.ANALYST);
        long othersToken = tokens.createPersonal(other.username(), "andens", Set.of(Role.ANALYST), inDays(5)).id();
        var web = WebSession.signIn(port, analyst);
        var page = web.get("/account/tokens");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Der er ingen API-tokens endnu.").doesNotContain("andens");

        var bad = web.post("/account/tokens", "/account/tokens", Map.of("name", "x", "roles", "ADMIN", "expires", inDays(5).toString()));
        assertThat(bad.body()).contains("Du kan kun give tokenet roller, du selv har.").doesNotContain("token-secret");
        var ok = web.post("/account/tokens", "/account/tokens", Map.of("name", "mit", "roles", "ANALYST", "expires", inDays(5).toString()));
        assertThat(ok.body()).contains("token-secret");

        assertThat(web.post("/account/tokens", "/account/tokens/" + othersToken + "/revoke", Map.of()).statusCode()).isEqualTo(404);
        assertThat(web.get("/admin/tokens").statusCode()).isEqualTo(403);
    }
}
