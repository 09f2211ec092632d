package dk.vendepunkt.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests: HTTP Basic as the given user (or an API token), JSON in and out. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;
    private final String auth;

    private Api(String base, String auth) {
        this.base = base;
        this.auth = auth;
    }

    public static Api at(int port) {
        return new Api("http://localhost:" + port, null);
    }

    public Api as(String username, String password) {
        return new Api(base, "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code Authorization: Bearer <token>}: an API token instead of a password. */
    public Api bearer(String token) {
        return new Api(base, "Bearer " + token);
    }

    public record Response(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Response put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    /** Posts a file as the request body; a null content type sends no Content-Type header. */
    public Response postFile(String path, String contentType, byte[] content) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(content));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b);
    }

    /** Any method with a raw body; a null content type sends no Content-Type header. */
    public Response send(String method, String path, String contentType, byte[] content) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.ofByteArray(content));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b);
    }

    /** Like {@link #send}, but streamed with {@code Transfer-Encoding: chunked}: no Content-Length tells the body's size. */
    public Response sendChunked(String method, String path, String contentType, byte[] content) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).version(java.net.http.HttpClient.Version.HTTP_1_1)
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(content)));
        if (contentType != null) b.header("Content-Type", contentType);
        return send(b);
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    private Response send(HttpRequest.Builder b) {
        if (auth != null) b.header("Authorization", auth);
        b.header("Accept-Language", "da");
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
