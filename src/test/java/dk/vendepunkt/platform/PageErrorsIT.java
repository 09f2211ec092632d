package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A browser gets the Danish error page for unknown addresses and records; the API keeps its problem details. */
@IntegrationTest
class PageErrorsIT {

    static final String BROWSER_ACCEPT = WebSession.BROWSER_ACCEPT;

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    WebSession web;

    HttpResponse<String> get(String path, String accept) {
        return web.get(path, accept);
    }

    @BeforeEach
    void signIn() {
        web = WebSession.signIn(port, staff.user(Role.CASEWORKER, staff.team("pageerr")));
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
