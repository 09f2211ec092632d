package dk.vendepunkt.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The load test in one command: Gatling's Maven plugin runs {@link MunicipalitySimulation} in a JVM of its own (which
 * starts Vendepunkt on the generated municipality of {@link LoadMunicipality}, generating it on the first run), then
 * this prints count, errors, p50/p95/p99 and max per request type from the newest Gatling report
 * ({@code target/gatling/<run>/index.html} has the charts).
 *
 * <pre>./mvnw -Pbench test-compile gatling:test exec:java -Dexec.mainClass=dk.vendepunkt.bench.LoadBench [-Dload.minutes=3 -Dload.think=2]</pre>
 */
public final class LoadBench {

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "target/gatling").toAbsolutePath();
        Path run;
        try (var dirs = Files.list(results)) {
            run = dirs.filter(Files::isDirectory).max(Comparator.comparing(p -> p.toFile().lastModified())).orElseThrow();
        }
        System.out.printf("%nGatling report %s%n", run.resolve("index.html"));
        print(run);
    }

    /** Per request: count, errors, p50, p95, p99 and max (ms) from the report's {@code js/stats.js}. */
    static void print(Path run) throws Exception {
        String js = Files.readString(run.resolve("js/stats.js"));
        JsonNode stats = new ObjectMapper().readTree(js.substring(js.indexOf('{'), js.lastIndexOf('}') + 1));
        System.out.printf("%-22s %8s %6s %6s %6s %6s %7s%n", "request", "count", "errors", "p50", "p95", "p99", "max");
        line("all requests", stats.get("stats"));
        for (Iterator<Map.Entry<String, JsonNode>> it = stats.get("contents").fields(); it.hasNext(); ) {
            JsonNode r = it.next().getValue();
            line(r.get("name").asText(), r.get("stats"));
        }
    }

    static void line(String name, JsonNode s) {
        System.out.printf(Locale.ROOT, "%-22s %8s %6s %6s %6s %6s %7s%n", name, v(s, "numberOfRequests", "total"), v(s, "numberOfRequests", "ko"),
                v(s, "percentiles1", "total"), v(s, "percentiles3", "total"), v(s, "percentiles4", "total"), v(s, "maxResponseTime", "total"));
    }

    static String v(JsonNode s, String field, String which) {
        JsonNode n = s.path(field).path(which);
        return n.isMissingNode() ? "?" : n.asText();
    }
}
