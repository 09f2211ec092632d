package dk.vendepunkt.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
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
import tools.jackson.databind.JsonNode;

/**
 * One rule for the parameters of every report download (crime key figures, effect, Sikker By annual
 * report, Tryghedsindeks and urolige områder, published reports): an unknown {@code disclosure} or
 * format is a 400 naming the parameter, with a Danish message quoting a short excerpt of the value; a
 * browser on the page addresses gets the Danish error page with that message.
 */
@IntegrationTest
class ReportParametersIT {

    static final String CRIME = "?from=2024-01-01&to=2024-03-31";

    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort int port;
    @Autowired TestStaff staff;

    TestStaff.User user;
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void signIn() throws Exception {
        user = staff.user(Role.ANALYST);
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page("/login").body());
        assertThat(m.find()).isTrue();
        String form = "username=" + enc(user.username()) + "&password=" + enc(user.password()) + "&_csrf=" + enc(m.group(1));
        var r = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    HttpResponse<String> page(String path) throws Exception {
        return get(path, BROWSER_ACCEPT);
    }

    /** A JSON request of the signed-in page session (the page's own data endpoints). */
    Api.Response json(String path) throws Exception {
        var r = get(path, "application/json");
        return new Api.Response(r.statusCode(), r.body());
    }

    HttpResponse<String> get(String path, String accept) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept)
                .header("Accept-Language", "da").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    Api analyst() {
        return Api.at(port).as(user.username(), user.password());
    }

    /** A browser on a page address gets the Danish error page (400) with the message. */
    void refusedPage(String path, String value) throws Exception {
        var r = page(path);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(r.body()).contains("Der opstod en fejl (400)").contains("Ukendt").contains("»" + value + "«");
    }

    /** The request is refused as a validation error of {@code field}, with a Danish message naming the bad value. */
    static void refused(Api.Response r, String field, String value) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        JsonNode errors = r.json().get("errors");
        assertThat(errors).as(r.toString()).hasSize(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
        String message = errors.get(0).get("message").asString();
        assertThat(message).startsWith("Ukendt").contains("»" + value + "«");
    }

    @Test
    void crimeKeyFigures() throws Exception {
        Api a = analyst();
        refused(a.get("/api/v1/crime/report.pdf" + CRIME + "&disclosure=foo"), "disclosure", "foo");
        refusedPage("/crime/report.xlsx" + CRIME + "&disclosure=foo", "foo");
        refused(a.get("/api/v1/crime/report.doc" + CRIME), "format", "doc");
        refusedPage("/crime/report.doc" + CRIME, "doc");
    }

    @Test
    void effectReport() throws Exception {
        Api a = analyst();
        refused(a.get("/api/v1/reports/effect?programme=EXIT&disclosure=foo"), "disclosure", "foo");
        refused(a.get("/api/v1/reports/effect/survival?programme=EXIT&disclosure=foo"), "disclosure", "foo");
        refused(json("/effect/data?programme=EXIT&disclosure=foo"), "disclosure", "foo");
        refusedPage("/effect/export/doc?programme=EXIT", "doc");
        // the export offers PDF and Excel only
        var html = page("/effect/export/html?programme=EXIT");
        assertThat(html.statusCode()).isEqualTo(400);
        assertThat(html.body()).contains("»html«").contains("pdf, xlsx").doesNotContain("html, pdf");
    }

    @Test
    void annualSikkerByReport() throws Exception {
        Api a = analyst();
        refused(a.get("/api/v1/portfolio/report/2024.pdf?disclosure=foo"), "disclosure", "foo");
        refusedPage("/portfolio/report/2024.html?disclosure=foo", "foo");
        refused(a.get("/api/v1/portfolio/report/2024.doc"), "format", "doc");
    }

    @Test
    void safetyIndexReports() throws Exception {
        Api a = analyst();
        refused(a.get("/api/v1/safety-index/report?year=2024&format=doc"), "format", "doc");
        refusedPage("/safety-index/report/doc?year=2024", "doc");
        refused(a.get("/api/v1/safety-index/unrest-report?year=2024&half=1&disclosure=foo"), "disclosure", "foo");
        refused(a.get("/api/v1/safety-index/unrest-report?year=2024&half=1&format=doc"), "format", "doc");
        refusedPage("/safety-index/unrest/report/pdf?year=2024&half=1&disclosure=foo", "foo");
        refusedPage("/safety-index/unrest/report/doc?year=2024&half=1", "doc");
    }

    @Test
    void publishedReports() throws Exception {
        Api a = analyst();
        refused(a.get("/api/v1/reports/published/1/doc"), "format", "doc");
        refusedPage("/reports/1/doc", "doc");
        refused(json("/reports/1/doc"), "format", "doc");
    }

    @Test
    void aLongBadValueIsQuotedOnlyAsAShortExcerpt() {
        String bad = "x".repeat(300);
        var r = analyst().get("/api/v1/crime/report.pdf" + CRIME + "&disclosure=" + bad);
        refused(r, "disclosure", "x".repeat(20) + "…");
        assertThat(r.body()).doesNotContain("x".repeat(21));
    }
}
