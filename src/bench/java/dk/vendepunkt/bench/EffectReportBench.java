package dk.vendepunkt.bench;

import dk.vendepunkt.VendepunktApplication;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The effect report over 100 000 forløb and 1 000 000 register events (goal ≤ 0.5 s), and the bulk import
 * rate of the register extract. Starts Vendepunkt on a fresh embedded PostgreSQL in
 * {@code /tmp/outcomes-bench}, generates the three contract files (seeded, synthetic), imports them through
 * {@code POST /api/v1/imports/{kind}}, then times {@code GET /api/v1/reports/effect} and
 * {@code /survival} over HTTP (warm-up runs, then the median of the timed runs).
 *
 * <pre>./mvnw -Pbench test-compile exec:java -Dexec.mainClass=dk.vendepunkt.bench.EffectReportBench [-Dexec.args="100000 1000000 9"]</pre>
 */
public final class EffectReportBench {

    static final String USER = "bench-admin", PASSWORD = "bench-admin-password-1";

    public static void main(String[] args) throws Exception {
        int enrolments = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        Path dir = Files.createDirectories(Path.of("/tmp/outcomes-bench"));
        if (Files.exists(dir.resolve("data"))) {
            try (var walk = Files.walk(dir.resolve("data"))) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        ConfigurableApplicationContext app = SpringApplication.run(VendepunktApplication.class,
                "--server.port=0", "--vendepunkt.data-dir=" + dir.resolve("data"), "--vendepunkt.embedded-db.clean=true",
                "--vendepunkt.demo-data=false", "--vendepunkt.bootstrap-admin.username=" + USER,
                "--vendepunkt.bootstrap-admin.password=" + PASSWORD, "--vendepunkt.outcomes.match-initial-delay=86400000",
                "--logging.level.root=WARN", "--logging.level.dk.vendepunkt.outcomes=INFO");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Generated g = generate(dir, enrolments, events, new Random(20260101));
            post(port, "enrolments", g.enrolments());
            post(port, "follow-ups", g.followUps());
            long t0 = System.nanoTime();
            post(port, "register-events", g.events());
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("register-events import: %,d rows in %.1f s = %,.0f rows/s%n", events, importSeconds, events / importSeconds);

            String report = "/api/v1/reports/effect?programme=EXIT&asOf=2026-01-01&disclosure=internal";
            String survival = "/api/v1/reports/effect/survival?programme=EXIT&asOf=2026-01-01";
            System.out.println("report: " + get(port, report).substring(0, 400) + " ...");
            time(port, "effect report over HTTP", report, runs);
            time(port, "survival curve over HTTP", survival, runs);
            // every API request authenticates with HTTP Basic (bcrypt): the same cost without any figures
            time(port, "authenticated request without figures (baseline)", "/api/v1/reports/effect/reference-groups", runs);
            inProcess(app, runs);
        } finally {
            app.close();
        }
    }

    /**
     * The report service called in-process (no HTTP, no password hashing), as an analyst: reflection because
     * the service is internal to the outcomes module.
     */
    static void inProcess(ConfigurableApplicationContext app, int runs) throws Exception {
        Object service = app.getBean("effectReportService");
        var report = service.getClass().getDeclaredMethod("report", String.class, LocalDate.class, String.class, String.class);
        var survival = service.getClass().getDeclaredMethod("survival", String.class, LocalDate.class, String.class, boolean.class);
        report.setAccessible(true);
        survival.setAccessible(true);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("bench", null,
                        List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ANALYST"))));
        LocalDate asOf = LocalDate.of(2026, 1, 1);
        timeCall("effect report in-process", runs, () -> report.invoke(service, "EXIT", asOf, "internal", null));
        timeCall("survival curve in-process", runs, () -> survival.invoke(service, "EXIT", asOf, "internal", false));
    }

    interface Call {
        Object run() throws Exception;
    }

    static void timeCall(String name, int runs, Call call) throws Exception {
        for (int i = 0; i < 2; i++) call.run();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call.run();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        print(name, runs, ms);
    }

    static void print(String name, int runs, List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%s: median %.0f ms over %d runs (min %.0f, max %.0f) %s%n", name, sorted[sorted.length / 2], runs,
                sorted[0], sorted[sorted.length - 1], Arrays.toString(ms.stream().mapToLong(Math::round).toArray()));
    }

    record Generated(Path enrolments, Path events, Path followUps) {}

    /** CPR-shaped keys with fake serials (date part real, serial 0000-3999 reused across dates). */
    static String cpr(int i) {
        LocalDate birth = LocalDate.of(1985, 1, 1).plusDays(i % 5000);
        return String.format("%02d%02d%02d-%04d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100, (i / 5000) % 4000);
    }

    static Generated generate(Path dir, int enrolments, int events, Random rnd) throws IOException {
        int persons = (int) (enrolments * 0.8);
        Path e = dir.resolve("enrolments.csv"), r = dir.resolve("register-events.csv"), f = dir.resolve("follow-ups.csv");
        LocalDate[] lastEnd = new LocalDate[persons];
        String[] reasons = {"COMPLETED", "COMPLETED", "COMPLETED", "DROPPED_OUT", "MOVED", "IMPRISONED", "TRANSFERRED", "OTHER", "DECEASED"};
        java.util.Set<String> followUpKeys = new java.util.HashSet<>();
        try (BufferedWriter w = Files.newBufferedWriter(e); BufferedWriter fw = Files.newBufferedWriter(f)) {
            w.write("enrolment_ref,person_key,programme,start_date,end_date,closure_reason,gang_related\n");
            fw.write("person_key,status_date,status\n");
            for (int i = 0; i < enrolments; i++) {
                int p = i < persons ? i : rnd.nextInt(persons);
                LocalDate start = LocalDate.of(2010, 1, 1).plusDays(rnd.nextInt(365 * 15));
                boolean ongoing = rnd.nextInt(20) == 0;
                LocalDate end = start.plusDays(90 + rnd.nextInt(600));
                if (end.isAfter(LocalDate.of(2025, 12, 31))) ongoing = true;
                w.write("bench-e-" + i + "," + cpr(p) + ",EXIT," + start + "," + (ongoing ? "" : end) + ","
                        + (ongoing ? "" : reasons[rnd.nextInt(reasons.length)]) + "," + (rnd.nextInt(4) == 0) + "\n");
                if (!ongoing) {
                    lastEnd[p] = end;
                    LocalDate fuDate = end.plusDays(60 + rnd.nextInt(61));
                    if (rnd.nextInt(10) < 8 && followUpKeys.add(p + "|" + fuDate)) {
                        String st = switch (rnd.nextInt(20)) {
                            case 0, 1, 2, 3 -> "EDUCATION";
                            case 4, 5, 6 -> "EMPLOYMENT";
                            case 7, 8 -> "ACTIVATION";
                            default -> "NONE";
                        };
                        fw.write(cpr(p) + "," + fuDate + "," + st + "\n");
                    }
                }
            }
        }
        String[] codes = {"STRFL-244", "STRFL-245", "STRFL-288", "STRFL-276-INDBRUD", "STRFL-266", "STRFL-291-2", "STRFL-276", "STRFL-276",
                "STRFL-290", "STRFL-291-1", "LEF-BESIDDELSE", "FAERDSL", "VAABENL", "STRFL-293"};
        try (BufferedWriter w = Files.newBufferedWriter(r)) {
            w.write("event_ref,person_key,event_type,event_date,offence_code,ssp_level\n");
            for (int i = 0; i < events; i++) {
                int p = rnd.nextInt(persons);
                LocalDate base = lastEnd[p] != null ? lastEnd[p] : LocalDate.of(2012, 1, 1);
                LocalDate date = base.plusDays(rnd.nextInt(3000) - 1500);
                boolean explicit = rnd.nextInt(10) == 0;
                w.write("bench-r-" + i + "," + cpr(p) + "," + (rnd.nextInt(3) == 0 ? "CONVICTION" : "CHARGE") + "," + date + ","
                        + codes[rnd.nextInt(codes.length)] + "," + (explicit ? String.valueOf(1 + rnd.nextInt(4)) : "") + "\n");
            }
        }
        return new Generated(e, r, f);
    }

    static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    static void post(int port, String kind, Path file) throws Exception {
        var res = HttpClient.newHttpClient().send(request(port, "/api/v1/imports/" + kind).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) throw new IllegalStateException(kind + ": " + res.statusCode() + " " + res.body().substring(0, Math.min(2000, res.body().length())));
        System.out.println(kind + ": " + res.body());
    }

    static String get(int port, String path) throws Exception {
        var res = HttpClient.newHttpClient().send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) throw new IllegalStateException(path + ": " + res.statusCode() + " " + res.body());
        return res.body();
    }

    static void time(int port, String name, String path, int runs) throws Exception {
        for (int i = 0; i < 2; i++) get(port, path);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            get(port, path);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        print(name, runs, ms);
    }
}
