package dk.vendepunkt.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Browser-side protections: form login with CSRF, security headers, no access without a session. */
@IntegrationTest
class WebSecurityIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;

    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("csrf token in form").isTrue();
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void pagesRequireLoginAndCarrySecurityHeaders() throws Exception {
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
    void formPostsWithoutTheCsrfTokenAreRefused() throws Exception {
        long team = staff.team("csrf");
        var u = staff.user(Role.CASEWORKER, team);
        String token = csrf(get("/login").body());
        var loggedIn = postForm("/login", "username=" + enc(u.username()) + "&password=" + enc(u.password()) + "&_csrf=" + enc(token));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(get("/people").statusCode()).isEqualTo(200);

        String form = "cpr=" + enc(TestStaff.uniqueCpr()) + "&firstName=C&lastName=Srf&teamId=" + team;
        assertThat(postForm("/people", form).statusCode()).isEqualTo(403);
        String pageToken = csrf(get("/people/new").body());
        var ok = postForm("/people", form + "&_csrf=" + enc(pageToken));
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).matches(".*/people/\\d+");
    }

    @Test
    void wrongPasswordShowsTheDanishErrorOnTheLoginPage() throws Exception {
        String token = csrf(get("/login").body());
        var r = postForm("/login", "username=nobody&password=wrong&_csrf=" + enc(token));
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(get("/login?error").body()).contains("Forkert brugernavn eller adgangskode");
    }
}
