package dk.vendepunkt.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Browser-side protections: form login with CSRF, security headers, no access without a session. */
@IntegrationTest
class WebSecurityIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;

    WebSession web;

    @BeforeEach
    void newSession() {
        web = new WebSession(port);
    }

    HttpResponse<String> get(String path) {
        return web.get(path);
    }

    HttpResponse<String> postForm(String path, String form) {
        return web.postForm(path, form);
    }

    @Test
    void pagesRequireLoginAndCarrySecurityHeaders() {
        var home = get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        var login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'").contains("frame-ancestors 'none'");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.body()).contains("lang=\"da\"").contains("Log ind");
    }

    @Test
    void formPostsWithoutTheCsrfTokenAreRefused() {
        long team = staff.team("csrf");
        var u = staff.user(Role.CASEWORKER, team);
        String token = WebSession.csrf(get("/login").body());
        var loggedIn = postForm("/login", "username=" + WebSession.enc(u.username()) + "&password=" + WebSession.enc(u.password()) + "&_csrf=" + WebSession.enc(token));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(get("/people").statusCode()).isEqualTo(200);

        String form = "cpr=" + WebSession.enc(TestStaff.uniqueCpr()) + "&firstName=C&lastName=Srf&teamId=" + team;
        assertThat(postForm("/people", form).statusCode()).isEqualTo(403);
        String pageToken = WebSession.csrf(get("/people/new").body());
        var ok = postForm("/people", form + "&_csrf=" + WebSession.enc(pageToken));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).matches(".*/people/\\d+");
    }

    @Test
    void wrongPasswordShowsTheDanishErrorOnTheLoginPage() {
        String token = WebSession.csrf(get("/login").body());
        var r = postForm("/login", "username=nobody&password=wrong&_csrf=" + WebSession.enc(token));
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(get("/login?error").body()).contains("Forkert brugernavn eller adgangskode");
    }
}
