package dk.vendepunkt.safetyindex;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.areas.Kvadratnet;
import dk.vendepunkt.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small test city with unique codes (the test database is shared): one bydel with three 1 × 1 km
 * districts A, B and C in the UTM zone 32 grid (easting 600–603 km), at a northing of
 * (6500 + 10 k) km + 5 km: the crimestats tests place their areas at (6500 + 10 k) km + 0–3 km, so
 * no other test's reports fall into these districts, and every test city of this JVM gets its own k.
 * Also a unique survey year per city, so the city-wide pooling of the survey sees only this city's
 * respondents.
 */
final class SafetyTestCity {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final int K0 = java.util.concurrent.ThreadLocalRandom.current().nextInt(300);

    final String prefix;
    final String bydel;
    final String a;
    final String b;
    final String c;
    final int year;
    final double northing;

    SafetyTestCity() {
        int n = SEQ.incrementAndGet();
        prefix = "SI" + (System.nanoTime() % 1_000_000) + "x" + n;
        bydel = prefix + "B";
        a = prefix + "A";
        b = prefix + "BB";
        c = prefix + "C";
        year = 2040 + n * 3 + (int) (System.nanoTime() % 3);
        northing = (6500 + 10.0 * ((K0 + n) % 300)) * 1000 + 5000;
    }

    /** Latitude/longitude of the centre of district i (0 = A, 1 = B, 2 = C). */
    double[] pointIn(int i) {
        var p = Kvadratnet.toWgs84(600_500 + i * 1000, northing + 500);
        return new double[] {p.lat(), p.lon()};
    }

    String geoJson() {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        sb.append(feature(bydel, "Testbydel " + prefix, "BYDEL", null, null, 600_000, 603_000));
        String[] codes = {a, b, c};
        for (int i = 0; i < 3; i++) {
            sb.append(',').append(feature(codes[i], "Testdistrikt " + codes[i], "DISTRICT", bydel, 1000L * (i + 1), 600_000 + i * 1000, 601_000 + i * 1000));
        }
        return sb.append("]}").toString();
    }

    private String feature(String code, String name, String level, String parent, Long pop, double e0, double e1) {
        double n0 = northing;
        double n1 = northing + 1000;
        double[][] corners = {{e0, n0}, {e1, n0}, {e1, n1}, {e0, n1}, {e0, n0}};
        StringBuilder ring = new StringBuilder();
        for (double[] c : corners) {
            var p = Kvadratnet.toWgs84(c[0], c[1]);
            ring.append(ring.isEmpty() ? "" : ",").append(String.format(Locale.ROOT, "[%.9f,%.9f]", p.lon(), p.lat()));
        }
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"code\":\"%s\",\"name\":\"%s\",\"level\":\"%s\"%s%s},"
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[%s]]}}",
                code, name, level, parent == null ? "" : ",\"parent\":\"" + parent + "\"", pop == null ? "" : ",\"population\":" + pop, ring);
    }

    void importAreas(Api api) {
        var r = api.postFile("/api/v1/imports/areas", "application/geo+json", geoJson().getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    static Api.Response importSurvey(Api api, String csv) {
        return api.postFile("/api/v1/imports/survey", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** n survey rows for a district: "ref,year,area,weight,fu,vi,cb". */
    static void rows(StringBuilder sb, String refPrefix, int year, String area, int n, String weight, String fu, String vi, String cb) {
        for (int i = 0; i < n; i++) {
            sb.append(refPrefix).append('-').append(i).append(',').append(year).append(',').append(area).append(',').append(weight)
                    .append(',').append(fu).append(',').append(vi).append(',').append(cb).append('\n');
        }
    }
}
