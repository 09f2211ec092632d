package dk.vendepunkt.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a TLS-terminating proxy ({@code server.forward-headers-strategy=native}, the proxy on a trusted
 * internal address): HTTPS requests get a Secure session cookie and HSTS, plain ones neither; every
 * response, the container's own error pages included, carries the security headers. Real HTTP.
 */
@IntegrationTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
class TransportSecurityIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;

    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (headers.length > 0) b.headers(headers);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void httpsThroughTheProxyGetsASecureCookieAndHsts() throws Exception {
        var https = get("/login", "X-Forwarded-Proto", "https");
        assertThat(https.statusCode()).isEqualTo(200);
        assertThat(https.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=");
        assertThat(https.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));

        var plain = get("/login");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").doesNotContain("Secure"));
    }

    static void assertSecurityHeaders(String what, HttpHeaders h) {
        assertThat(h.firstValue("Permissions-Policy")).as(what).hasValueSatisfying(v -> assertThat(v).contains("camera=()").contains("geolocation=()"));
        assertThat(h.firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
        assertThat(h.firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
        assertThat(h.firstValue("X-Frame-Options")).as(what).contains("DENY");
    }

    @Test
    void pagesApiAndErrorPagesCarryTheSecurityHeaders() throws Exception {
        var u = staff.user(Role.ANALYST);
        WebSession s = new WebSession(port);
        s.login(u.username(), u.password());
        var page = s.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertSecurityHeaders("page", page.headers());
        var missing = s.get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertSecurityHeaders("404", missing.headers());
        assertSecurityHeaders("login", get("/login").headers());
        assertSecurityHeaders("/error", get("/error").headers());
        var api = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/persons")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertSecurityHeaders("api 401", api.headers());
    }

    @Test
    void theContainersOwnErrorPagesCarryTheSecurityHeadersToo() throws Exception {
        // refused by Tomcat before the application sees them
        for (String path : List.of("/a/%2e%2e/%2e%2e/b", "/x%zz", "/%00")) {
            Raw r = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n");
            assertThat(r.status).as(path).isEqualTo(400);
            assertThat(r.header("permissions-policy")).as(path).contains("camera=()");
            assertThat(r.header("x-content-type-options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("x-frame-options")).as(path).isEqualTo("DENY");
            assertThat(r.header("content-security-policy")).as(path).contains("frame-ancestors 'none'");
            assertThat(r.header("strict-transport-security")).as(path).contains("max-age=");
        }
        Raw trace = raw("TRACE /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(trace.status).isEqualTo(405);
        assertThat(trace.header("permissions-policy")).contains("camera=()");
        assertThat(trace.header("x-frame-options")).isEqualTo("DENY");
    }

    record Raw(int status, String head) {
        String header(String name) {
            return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
        }
    }

    /** A request written byte for byte (java.net.http refuses malformed URIs). */
    Raw raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            String response = buf.toString(StandardCharsets.ISO_8859_1);
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
            return new Raw(Integer.parseInt(head.split(" ", 3)[1]), head);
        }
    }
}
