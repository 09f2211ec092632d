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

/**
 * A browser without the browser, over real HTTP: cookies kept, redirects not followed, pages asked for as a browser
 * asks (HTML, Danish). Sign in through the login form ({@link #signIn}, or {@link #login} to see the answer), then
 * get pages and post forms; posts carry the CSRF token of the session.
 */
public final class WebSession {

    public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private String csrf;

    /** A session that is not signed in. */
    public WebSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A signed-in session; fails the test when the login is refused. */
    public WebSession(int port, TestStaff.User user) {
        this(port);
        var r = login(user.username(), user.password());
        assertThat(r.headers().firstValue("Location").orElse("")).as("login of " + user.username()).doesNotContain("error");
    }

    public static WebSession signIn(int port, TestStaff.User user) {
        return new WebSession(port, user);
    }

    /** Posts the login form; the answer is the redirect after the login. */
    public HttpResponse<String> login(String username, String password) {
        String token = csrf(get("/login").body());
        return postForm("/login", form(Map.of("username", username, "password", password, "_csrf", token)));
    }

    public HttpResponse<String> get(String path) {
        return get(path, BROWSER_ACCEPT);
    }

    /** A GET asking for {@code accept} (an API client, curl's {@code *}{@code /*}) instead of what a browser asks for. */
    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), accept);
    }

    /** A GET whose body is kept as bytes (a download: Excel, PDF). */
    public HttpResponse<byte[]> download(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same as {@link #get}: the page as a browser gets it. */
    public HttpResponse<String> page(String path) {
        return get(path);
    }

    /** A form post with the body as given (the caller adds a {@code _csrf} field where one is wanted). */
    public HttpResponse<String> postForm(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A form post ({@code application/x-www-form-urlencoded}) with the session's CSRF token. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, "application/x-www-form-urlencoded", form(fields).getBytes(StandardCharsets.UTF_8));
    }

    /** Posts the form as the page {@code from} would (with its CSRF token); extra headers as name, value. */
    public HttpResponse<String> post(String from, String path, Map<String, String> fields, String... headers) {
        String token = csrf(get(from).body());
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(token) + "&" + form(fields)));
        if (headers.length > 0) b.headers(headers);
        return send(b);
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

    /** A post with any body and the session's CSRF token in the header; a null content type sends none. */
    public HttpResponse<String> post(String path, String contentType, byte[] body) {
        if (csrf == null) csrf = csrf(get("/").body());
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b);
    }

    /** A download (Excel, PDF) as bytes. */
    public HttpResponse<byte[]> bytes(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "*/*").header("Accept-Language", "da").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        return send(b, BROWSER_ACCEPT);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String accept) {
        try {
            return client.send(b.header("Accept", accept).header("Accept-Language", "da").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token of a page (a form's hidden field or the page's meta tag). */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("CSRF token on the page").isTrue();
        return m.group(1);
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
