package dk.vendepunkt.bench;

import dk.vendepunkt.VendepunktApplication;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 200 concurrent requests for the annual Sikker By report PDF (issue: p50 6.6 s, p99 8.0 s). Starts Vendepunkt
 * with its demo data on a fresh embedded PostgreSQL in {@code /tmp/report-load-bench}, signs in once as the demo
 * analyst (form login, one session: the figures are the report's cost, not 200 password hashes), then fires
 * the requests all at once, in several rounds, and prints p50, p99 and max of each round. The warm-up asks for another
 * year's report, so with the report cache the first round shows one render that 199 requests wait for, the later
 * rounds cache hits.
 *
 * <pre>./mvnw -Pbench test-compile exec:java -Dexec.mainClass=dk.vendepunkt.bench.ReportLoadBench [-Dexec.args="200 3 2010"]</pre>
 */
public final class ReportLoadBench {

    public static void main(String[] args) throws Exception {
        int concurrent = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int year = args.length > 2 ? Integer.parseInt(args[2]) : 2010;
        Path dir = Files.createDirectories(Path.of("/tmp/report-load-bench"));
        if (Files.exists(dir.resolve("data"))) {
            try (var walk = Files.walk(dir.resolve("data"))) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        ConfigurableApplicationContext app = SpringApplication.run(VendepunktApplication.class,
                "--server.port=0", "--vendepunkt.data-dir=" + dir.resolve("data"), "--vendepunkt.embedded-db.clean=true",
                "--vendepunkt.demo-data=true", "--logging.level.root=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://localhost:" + port;
            HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(30)).build();
            waitUntilReady(client, base);
            String[] analyst = Files.readAllLines(dir.resolve("data/demo-logins.txt")).stream().map(String::trim)
                    .filter(l -> l.startsWith("ANALYST")).findFirst().orElseThrow().split("\\s+");
            signIn(client, base, analyst[1], analyst[2]);
            // warm-up with another year's report (class loading, fonts), so the first round finds the year's report not yet rendered
            String warmUp = "/portfolio/report/" + (year + 1) + ".pdf";
            HttpResponse<byte[]> first = client.send(HttpRequest.newBuilder(URI.create(base + warmUp)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (first.statusCode() != 200) throw new IllegalStateException(warmUp + ": " + first.statusCode());
            String path = "/portfolio/report/" + year + ".pdf";
            System.out.printf("%s, %d concurrent requests per round%n", path, concurrent);
            try (ExecutorService pool = Executors.newFixedThreadPool(concurrent)) {
                for (int round = 1; round <= rounds; round++) round(client, pool, base + path, concurrent, round);
            }
        } finally {
            app.close();
        }
    }

    static void round(HttpClient client, ExecutorService pool, String url, int concurrent, int round) {
        List<CompletableFuture<Double>> calls = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < concurrent; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                long t = System.nanoTime();
                try {
                    HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) failed.incrementAndGet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return (System.nanoTime() - t) / 1e6;
            }, pool));
        }
        double[] ms = calls.stream().mapToDouble(CompletableFuture::join).sorted().toArray();
        double wall = (System.nanoTime() - start) / 1e6;
        System.out.printf("round %d: p50 %.0f ms, p99 %.0f ms, max %.0f ms, all %d done in %.0f ms, %d not 200%n", round,
                percentile(ms, 50), percentile(ms, 99), ms[ms.length - 1], ms.length, wall, failed.get());
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static void waitUntilReady(HttpClient client, String base) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            var r = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains("\"UP\"")) return;
            Thread.sleep(1000);
        }
        throw new IllegalStateException("demo data not loaded within 10 minutes");
    }

    static void signIn(HttpClient client, String base, String username, String password) throws Exception {
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        if (!m.find()) throw new IllegalStateException("no CSRF token on the login page");
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        var r = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + location);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
