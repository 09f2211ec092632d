package dk.vendepunkt.safetyindex;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small test city with unique codes (the test database is shared): one bydel with three districts
 * A, B and C, placed far from every other test's areas (lat 70, lon -40 + offset) so no other test's
 * reports fall into them. Also a unique survey year per city, so the city-wide pooling of the survey
 * sees only this city's respondents.
 */
final class SafetyTestCity {

    private static final AtomicInteger SEQ = new AtomicInteger();

    final String prefix;
    final String bydel;
    final String a;
    final String b;
    final String c;
    final int year;
    final double lon0;

    SafetyTestCity() {
        int n = SEQ.incrementAndGet();
        prefix = "SI" + (System.nanoTime() % 1_000_000) + "x" + n;
        bydel = prefix + "B";
        a = prefix + "A";
        b = prefix + "BB";
        c = prefix + "C";
        year = 2040 + n * 3 + (int) (System.nanoTime() % 3);
        lon0 = -40 + n * 0.5;
    }

    /** Longitude/latitude of a point inside district i (0 = A, 1 = B, 2 = C). */
    double[] pointIn(int i) {
        return new double[] {70.05, lon0 + i * 0.1 + 0.05};
    }

    String geoJson() {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        sb.append(feature(bydel, "Testbydel " + prefix, "BYDEL", null, null, lon0, lon0 + 0.3));
        String[] codes = {a, b, c};
        for (int i = 0; i < 3; i++) {
            sb.append(',').append(feature(codes[i], "Testdistrikt " + codes[i], "DISTRICT", bydel, 1000L * (i + 1), lon0 + i * 0.1, lon0 + (i + 1) * 0.1));
        }
        return sb.append("]}").toString();
    }

    private static String feature(String code, String name, String level, String parent, Long pop, double w, double e) {
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"code\":\"%s\",\"name\":\"%s\",\"level\":\"%s\"%s%s},"
                        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,70.0],[%.4f,70.0],[%.4f,70.1],[%.4f,70.1],[%.4f,70.0]]]}}",
                code, name, level, parent == null ? "" : ",\"parent\":\"" + parent + "\"", pop == null ? "" : ",\"population\":" + pop, w, e, e, w, w);
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
