package dk.vendepunkt.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session: form login with the CSRF token, then GETs and form POSTs with the session cookie. */
public final class WebSession {
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;

    public WebSession(int port, TestStaff.User user) {
        this.base = "http://localhost:" + port;
        try {
            String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
            assertThat(m.find()).as("csrf token on the login page").isTrue();
            String form = "username=" + enc(user.username()) + "&password=" + enc(user.password()) + "&_csrf=" + enc(m.group(1));
            client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public int get(String path) {
        return page(path).statusCode();
    }

    /** The page as a browser gets it (asking for HTML). */
    public HttpResponse<String> page(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "da")
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the form with the CSRF token of the page {@code from} (as the page's script does); extra headers as name, value. */
    public HttpResponse<String> post(String from, String path, Map<String, String> form, String... headers) {
        Matcher m = Pattern.compile("name=\"_csrf\"\\s+content=\"([^\"]+)\"").matcher(page(from).body());
        assertThat(m.find()).as("csrf token on " + from).isTrue();
        StringBuilder body = new StringBuilder("_csrf=" + enc(m.group(1)));
        form.forEach((k, v) -> body.append('&').append(enc(k)).append('=').append(enc(v)));
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "da")
                    .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            if (headers.length > 0) b.headers(headers);
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
