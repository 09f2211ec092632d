package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser gets the Danish error page for unknown addresses and records; the API keeps its problem details. */
@IntegrationTest
class PageErrorsIT {

    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort int port;
    @Autowired TestStaff staff;

    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @BeforeEach
    void signIn() throws Exception {
        var u = staff.user(Role.CASEWORKER, staff.team("pageerr"));
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login", BROWSER_ACCEPT).body());
        assertThat(m.find()).isTrue();
        String form = "username=" + enc(u.username()) + "&password=" + enc(u.password()) + "&_csrf=" + enc(m.group(1));
        var r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void unknownAddressIsTheDanishErrorPage() throws Exception {
        var r = get("/findes-ikke", BROWSER_ACCEPT);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).contains("Der opstod en fejl (404)").contains("Siden findes ikke.").contains("lang=\"da\"");
    }

    @Test
    void unknownRecordShowsTheDomainMessage() throws Exception {
        var r = get("/people/987654321", BROWSER_ACCEPT);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).contains("Der opstod en fejl (404)").contains("(987654321)");
    }

    @Test
    void malformedIdInThePathIsNotFound() throws Exception {
        var r = get("/people/abc", BROWSER_ACCEPT);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("Der opstod en fejl (404)").doesNotContain("Failed to convert");
    }

    @Test
    void apiAndNonBrowserClientsKeepProblemDetails() throws Exception {
        var api = get("/api/v1/findes-ikke", "application/json");
        assertThat(api.headers().firstValue("Content-Type").orElse("")).doesNotStartWith("text/html");
        var curl = get("/people/987654321", "*/*");
        assertThat(curl.statusCode()).isEqualTo(404);
        assertThat(curl.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }
}
