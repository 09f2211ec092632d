package dk.vendepunkt.bench;

import dk.vendepunkt.VendepunktApplication;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.organisation.StaffFunction;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Many caseworkers at once on "Min sagsstamme": starts Vendepunkt on a fresh embedded PostgreSQL in
 * {@code /tmp/caseload-bench} (application pool of 10 connections, the audit log's own pool of 2), creates one team
 * with N caseworkers and P referrals (so each caseload shows P persons and writes one audit entry naming them), signs
 * every caseworker in through the login form, then lets all N load {@code GET /caseload} R times at once and prints
 * p50/p95/p99/max latency, throughput and errors, and whether the audit chain verifies afterwards.
 *
 * <pre>./mvnw -Pbench test-compile exec:java -Dexec.mainClass=dk.vendepunkt.bench.CaseloadBench [-Dexec.args="50 20 40"]</pre>
 */
public final class CaseloadBench {

    static final String ADMIN = "bench-admin", ADMIN_PASSWORD = "bench-admin-password-1", PASSWORD = "bench-caseworker-password-1";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int persons = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Path dir = Files.createDirectories(Path.of("/tmp/caseload-bench"));
        if (Files.exists(dir.resolve("data"))) {
            try (var walk = Files.walk(dir.resolve("data"))) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        ConfigurableApplicationContext app = SpringApplication.run(VendepunktApplication.class,
                "--server.port=0", "--vendepunkt.data-dir=" + dir.resolve("data"), "--vendepunkt.embedded-db.clean=true",
                "--vendepunkt.demo-data=false", "--vendepunkt.bootstrap-admin.username=" + ADMIN,
                "--vendepunkt.bootstrap-admin.password=" + ADMIN_PASSWORD, "--logging.level.root=WARN");
        try {
            String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
            StaffAdministration staff = app.getBean(StaffAdministration.class);
            long team = staff.createTeam("bench-team", "SOF", null);
            List<String> names = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                String name = "bench-cw-" + u;
                staff.createUser(new StaffAdministration.NewUser(name, "Bench " + u, null, PASSWORD, Set.of(Role.CASEWORKER),
                        Set.of(StaffFunction.SSP_CONSULTANT), Set.of(team)));
                names.add(name);
            }
            HttpClient setup = HttpClient.newHttpClient();
            String basic = "Basic " + Base64.getEncoder().encodeToString((names.get(0) + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            LocalDate today = LocalDate.now();
            for (int p = 0; p < persons; p++) {
                String body = """
                        {"cpr":"%s","firstName":"Bench","lastName":"Person","programme":"EXIT","teamId":%d,"channel":"POLICE",
                         "referredOn":"%s","referrer":"Station City","reason":"Bench","legalBasis":"CONSENT","consentOn":"%s"}"""
                        .formatted(cpr(p), team, today.minusDays(5), today.minusDays(5));
                var r = setup.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/referrals")).header("Authorization", basic)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 201) throw new IllegalStateException("referral: " + r.statusCode() + " " + r.body());
            }

            List<HttpClient> sessions = new ArrayList<>();
            for (String name : names) sessions.add(login(base, name));
            for (HttpClient c : sessions) get(c, base + "/caseload"); // warm-up, one each

            List<Double> ms = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger errors = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            long t0;
            try (ExecutorService pool = Executors.newFixedThreadPool(users)) {
                for (HttpClient c : sessions) {
                    pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < requests; i++) {
                            long s = System.nanoTime();
                            int status;
                            try {
                                status = get(c, base + "/caseload");
                            } catch (Exception e) {
                                status = -1;
                            }
                            ms.add((System.nanoTime() - s) / 1e6);
                            if (status != 200) errors.incrementAndGet();
                        }
                        return null;
                    });
                }
                t0 = System.nanoTime();
                start.countDown();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<Double> sorted = new ArrayList<>(ms);
            Collections.sort(sorted);
            System.out.printf("GET /caseload, %d users x %d requests, %d persons each: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms, "
                            + "%.0f requests/s, errors %d of %d%n", users, requests, persons, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                    sorted.get(sorted.size() - 1), sorted.size() / seconds, errors.get(), sorted.size());
            String adminAuth = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            var verify = setup.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audit/verify")).header("Authorization", adminAuth).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("audit verify: " + verify.body());
        } finally {
            app.close();
        }
    }

    static HttpClient login(String base, String username) throws Exception {
        HttpClient c = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = c.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) throw new IllegalStateException("no CSRF token on the login page");
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        String form = "username=" + enc(username) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(token);
        var r = c.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) throw new IllegalStateException("login failed for " + username + ": " + location);
        return c;
    }

    static int get(HttpClient c, String url) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Synthetic CPR numbers with real dates (born 1990-1999, serial below 4000 = 1900s). */
    static String cpr(int i) {
        return String.format("%02d%02d%02d-%04d", 1 + i % 28, 1 + (i / 28) % 12, 90 + (i / 336) % 10, 1000 + i % 3000);
    }
}
