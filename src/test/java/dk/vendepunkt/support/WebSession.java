package dk.vendepunkt.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without the browser: a signed-in form-login session that gets pages and posts forms with the CSRF token. */
public final class WebSession {

    public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String csrf;

    private WebSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Signs in through the login form; fails the test when the login is refused. */
    public static WebSession signIn(int port, TestStaff.User user) {
        WebSession s = new WebSession(port);
        String form = form(Map.of("username", user.username(), "password", user.password(), "_csrf", s.token("/login")));
        var r = s.send(HttpRequest.newBuilder(URI.create(s.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        s.csrf = s.token("/");
        return s;
    }

    private String token(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"").matcher(get(page).body());
        assertThat(m.find()).as("CSRF token on " + page).isTrue();
        return m.group(1);
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A form post ({@code application/x-www-form-urlencoded}). */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, "application/x-www-form-urlencoded", form(fields).getBytes(StandardCharsets.UTF_8));
    }

    /** A form post with one file ({@code multipart/form-data}). */
    public HttpResponse<String> postFile(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        String boundary = "vp" + UUID.randomUUID();
        var out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** A post with any body; a null content type sends none. */
    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return client.send(b.header("Accept", BROWSER_ACCEPT).header("Accept-Language", "da").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
