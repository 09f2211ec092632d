package dk.vendepunkt.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** One row of the report's statistics table: the request's name, then the cells col-2 .. col-14. */
    static final Pattern ROW = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>(.*?)</tr>", Pattern.DOTALL);
    static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

    /**
     * Per request: count, errors, p50, p95, p99 and max (ms) from the statistics table of the report's
     * {@code index.html} (columns: total, OK, KO, KO %, requests/s, min, p50, p75, p95, p99, max, mean, std dev).
     */
    static void print(Path run) throws Exception {
        String html = Files.readString(run.resolve("index.html"));
        System.out.printf("%-22s %7s %6s %7s %7s %7s %7s %7s%n", "request", "count", "errors", "req/s", "p50", "p95", "p99", "max");
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            Map<Integer, String> cells = new HashMap<>();
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) cells.put(Integer.parseInt(cell.group(1)), cell.group(2));
            System.out.printf(Locale.ROOT, "%-22s %7s %6s %7s %7s %7s %7s %7s%n", row.group(1), cells.get(2), cells.get(4), cells.get(6),
                    cells.get(8), cells.get(10), cells.get(11), cells.get(12));
        }
    }
}
