package dk.vendepunkt.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Start-up time and memory of the packaged jar (issue: ready ≤ 10 s after the first start, heap ≤ 512 MB): starts
 * {@code target/vendepunkt.jar} twice on the same fresh data dir ({@code /tmp/startup-bench}; the first start
 * creates the embedded PostgreSQL and loads the demo data, the second finds them), measures the time from launching
 * the JVM to {@code /readyz} answering UP, then forces a full GC ({@code jcmd GC.run}) and reads
 * the heap in use from {@code /actuator/prometheus} (and the process's resident set from /proc). Prints the machine's
 * load average before each start. Build the jar first.
 *
 * <pre>./mvnw -DskipTests package && ./mvnw -Pbench test-compile exec:java -Dexec.mainClass=dk.vendepunkt.bench.StartupBench [-Dexec.args="-Xmx512m"]</pre>
 * The arguments are extra JVM options for the started application.
 */
public final class StartupBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String SCRAPER = "Basic " + Base64.getEncoder().encodeToString("bench-scraper:bench-scrape-password".getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("target/vendepunkt.jar").toAbsolutePath();
        if (!Files.exists(jar)) throw new IllegalStateException("build the jar first: ./mvnw -DskipTests package");
        Path dataDir = Path.of("/tmp/startup-bench");
        deleteRecursively(dataDir);
        for (String start : List.of("first start (new database, demo data)", "second start (existing data)")) {
            System.out.printf("%s%n  load average before: %s", start, Files.readString(Path.of("/proc/loadavg")));
            measure(jar, dataDir, List.of(args));
        }
    }

    static void measure(Path jar, Path dataDir, List<String> jvmOptions) throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--vendepunkt.data-dir=" + dataDir,
                "--vendepunkt.bootstrap-admin.password=bench-admin-password",
                "--vendepunkt.metrics.username=bench-scraper", "--vendepunkt.metrics.password=bench-scrape-password"));
        Path log = Files.createTempFile("startup-bench", ".log");
        long t0 = System.nanoTime();
        Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String base = "http://localhost:" + port;
            while (!ready(base)) {
                if (!app.isAlive()) throw new IllegalStateException("the application stopped; see " + log);
                if (System.nanoTime() - t0 > Duration.ofMinutes(10).toNanos()) throw new IllegalStateException("not ready in 10 minutes; see " + log);
                Thread.sleep(50);
            }
            double readySeconds = (System.nanoTime() - t0) / 1e9;
            Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(app.pid()), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor();
            String scrape = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).header("Authorization", SCRAPER).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            double heapUsed = sum(scrape, "jvm_memory_used_bytes", "area=\"heap\"");
            double heapCommitted = sum(scrape, "jvm_memory_committed_bytes", "area=\"heap\"");
            double heapMax = sum(scrape, "jvm_memory_max_bytes", "area=\"heap\"");
            double nonHeap = sum(scrape, "jvm_memory_used_bytes", "area=\"nonheap\"");
            String rss = Files.readAllLines(Path.of("/proc/" + app.pid() + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
            System.out.printf("  ready after %.1f s; after a full GC: heap used %.0f MB (committed %.0f MB, max %.0f MB), "
                            + "non-heap %.0f MB, JVM %s (embedded PostgreSQL not included)%n",
                    readySeconds, heapUsed / 1048576, heapCommitted / 1048576, heapMax / 1048576, nonHeap / 1048576, rss);
        } finally {
            app.destroy(); // SIGTERM: graceful shutdown, stops the embedded PostgreSQL
            app.waitFor();
        }
    }

    static boolean ready(String base) {
        try {
            var r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/readyz")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Sum of the samples of a metric whose labels contain {@code label}. */
    static double sum(String scrape, String metric, String label) {
        var m = Pattern.compile("(?m)^" + metric + "\\{([^}]*)} (\\S+)$").matcher(scrape);
        double total = 0;
        while (m.find()) {
            if (m.group(1).contains(label)) total += Double.parseDouble(m.group(2));
        }
        return total;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
