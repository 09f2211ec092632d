package dk.vendepunkt.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Self-service password change ({@code /account/password}): the user's other sessions end, the one that changed it
 * continues; an administrator's reset ends all the user's sessions; wrong input gives Danish field errors.
 */
@IntegrationTest
class PasswordChangeIT {

    static final String NEW = "fire glade heste i sneen";

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired StaffAdministration admin;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    WebSession signedIn(TestStaff.User u, String password) {
        WebSession s = new WebSession(port);
        assertThat(s.login(u.username(), password).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(s.get("/").statusCode()).isEqualTo(200);
        return s;
    }

    static void assertSentToLogin(WebSession s, String path) {
        var r = s.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    HttpResponse<String> change(WebSession s, String current, String next, String repeat) {
        return s.post("/account/password", "/account/password",
                Map.of("currentPassword", current, "newPassword", next, "newPasswordRepeat", repeat));
    }

    @Test
    void theHeaderLinksToThePasswordPageForEveryRole() {
        for (Role role : Role.values()) {
            WebSession s = signedIn(staff.user(role), TestStaff.PASSWORD);
            assertThat(s.get("/").body()).as(role.name()).contains("href=\"/account/password\"");
            assertThat(s.get("/account/password").statusCode()).as(role.name()).isEqualTo(200);
        }
    }

    @Test
    void changingTheOwnPasswordEndsTheOtherSessionsAndKeepsThisOne() {
        var u = staff.user(Role.CASEWORKER, staff.team("pw-change"));
        WebSession here = signedIn(u, u.password());
        WebSession elsewhere = signedIn(u, u.password());

        var r = change(here, u.password(), NEW, NEW);

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
        assertThat(here.get("/account/password").body()).contains("Din adgangskode er skiftet");
        assertThat(here.get("/people").statusCode()).isEqualTo(200);
        assertSentToLogin(elsewhere, "/people");
        assertSentToLogin(elsewhere, "/");
        assertThat(here.get("/people").statusCode()).as("this session continues").isEqualTo(200);
        // the new password signs in, the old one no longer does
        assertThat(new WebSession(port).login(u.username(), u.password()).headers().firstValue("Location").orElseThrow()).contains("error");
        WebSession again = signedIn(u, NEW);
        assertThat(again.get("/people").statusCode()).isEqualTo(200);
        assertThat(here.get("/people").statusCode()).isEqualTo(200);

        var rows = jdbc.sql("select actor, action, reason from aud_event where subject = ? order by id")
                .param("medarbejder " + u.username()).query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
        assertThat(rows).contains(u.username() + " UPDATE egen adgangskode skiftet; brugerens øvrige sessioner afsluttet");
        assertThat(rows).noneMatch(x -> x.contains("heste"));
    }

    @Test
    void thePasswordPageIsReachedFromTheHeaderAndAccessible() {
        var u = staff.user(Role.DPO);
        try (Browser b = new Browser(port)) {
            b.login(u.username(), u.password());
            b.driver().findElement(By.linkText("Skift adgangskode")).click();
            b.waitForText("Nuværende adgangskode");
            assertThat(b.path()).isEqualTo("/account/password");
            b.checkAccessibility();
            b.type("currentPassword", "forkert-forkert").type("newPassword", NEW).type("newPasswordRepeat", NEW);
            b.submit("Skift adgangskode");
            assertThat(b.field("currentPassword-error").getText()).isEqualTo("Den nuværende adgangskode er forkert.");
            b.type("currentPassword", u.password()).type("newPassword", NEW).type("newPasswordRepeat", NEW);
            b.submit("Skift adgangskode");
            assertThat(b.text()).contains("Din adgangskode er skiftet");
        }
    }

    @Test
    void anAdministratorsResetSignsTheUserOut() {
        var u = staff.user(Role.ANALYST);
        WebSession first = signedIn(u, u.password());
        WebSession second = signedIn(u, u.password());

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null, List.of()));
        admin.setPassword(u.id(), NEW);

        assertSentToLogin(first, "/");
        assertSentToLogin(second, "/account/password");
        assertThat(signedIn(u, NEW).get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void wrongCurrentPasswordAndPolicyViolationsGiveDanishFieldErrors() {
        var u = staff.user(Role.READER);
        WebSession s = signedIn(u, u.password());

        var wrong = change(s, "ikke-den-rigtige", NEW, NEW);
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("id=\"currentPassword-error\"").contains("Den nuværende adgangskode er forkert.");

        var weak = change(s, u.password(), "123456789012", "123456789012");
        assertThat(weak.body()).contains("id=\"newPassword-error\"").contains("gentagne eller fortløbende tegn")
                .doesNotContain("currentPassword-error");
        var common = change(s, u.password(), "password2024!", "password2024!");
        assertThat(common.body()).contains("id=\"newPassword-error\"").contains("for almindelig");
        var mismatch = change(s, u.password(), NEW, NEW + " og mere");
        assertThat(mismatch.body()).contains("id=\"newPasswordRepeat-error\"").contains("De to nye adgangskoder er ikke ens.");
        var same = change(s, u.password(), u.password(), u.password());
        assertThat(same.body()).contains("Den nye adgangskode skal være en anden end den nuværende.");

        // nothing was changed, and the session is still signed in
        assertThat(s.get("/").statusCode()).isEqualTo(200);
        assertThat(signedIn(u, u.password()).get("/").statusCode()).isEqualTo(200);
    }

    /**
     * A wrong current password counts as a failed login: at the lock-out limit (5, the default) the account is
     * locked, the session that kept guessing ends, and the right password no longer signs in.
     */
    @Test
    void guessingTheCurrentPasswordLocksTheAccountAndEndsTheSession() {
        var u = staff.user(Role.READER);
        WebSession s = signedIn(u, u.password());
        for (int i = 0; i < 4; i++) {
            assertThat(change(s, "gæt nummer " + i, NEW, NEW).body()).contains("Den nuværende adgangskode er forkert.");
        }
        assertThat(s.get("/").statusCode()).as("four wrong guesses: still signed in").isEqualTo(200);
        change(s, "gæt nummer 5", NEW, NEW);
        assertSentToLogin(s, "/");
        WebSession again = new WebSession(port);
        assertThat(again.login(u.username(), u.password()).headers().firstValue("Location").orElseThrow()).contains("error");
        assertThat(jdbc.sql("select locked_until is not null from org_user where username = ?").param(u.username())
                .query(Boolean.class).single()).isTrue();
    }
}
