package dk.vendepunkt.crimestats;

import dk.vendepunkt.areas.Kvadratnet;
import dk.vendepunkt.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test fixtures: areas laid out on the 1 km grid in a band of their own, unique years, file helpers. */
public final class CrimeTestData {

    private static final AtomicInteger BAND = new AtomicInteger();

    private CrimeTestData() {}

    /** A northing (km) row no other test of this JVM uses, inside Denmark's band of EPSG:25832. */
    public static long uniqueNorthKm() {
        return 6_300 + BAND.incrementAndGet() * 20L + ThreadLocalRandom.current().nextInt(10);
    }

    /** A leap year that no other test uses (years far in the future: the database is shared). */
    public static int uniqueLeapYear() {
        // a sequence, not a random pick: tests of one JVM share the database and must never get the same
        // year (random picks collided); the years 2404–2496 are used by no other test
        int y;
        do {
            y = 2404 + 4 * LEAP_YEARS.getAndIncrement();
        } while (y % 100 == 0);
        return y;
    }

    private static final java.util.concurrent.atomic.AtomicInteger LEAP_YEARS = new java.util.concurrent.atomic.AtomicInteger();

    /** WGS84 "lat,lon" of a point given in EPSG:25832 metres. */
    static String latLon(double easting, double northing) {
        Kvadratnet.LatLon p = Kvadratnet.toWgs84(easting, northing);
        return String.format(Locale.ROOT, "%.8f,%.8f", p.lat(), p.lon());
    }

    /** "lat,lon" of the centre of the cell 1km_n_e. */
    public static String cellCentre(long northKm, long eastKm) {
        return latLon(eastKm * 1000 + 500, northKm * 1000 + 500);
    }

    /** A GeoJSON Polygon of an EPSG:25832 rectangle (corners only). */
    static String rectangle(double e0, double n0, double e1, double n1) {
        StringBuilder sb = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        double[][] corners = {{e0, n0}, {e1, n0}, {e1, n1}, {e0, n1}, {e0, n0}};
        for (int i = 0; i < corners.length; i++) {
            Kvadratnet.LatLon p = Kvadratnet.toWgs84(corners[i][0], corners[i][1]);
            if (i > 0) sb.append(',');
            sb.append(String.format(Locale.ROOT, "[%.9f,%.9f]", p.lon(), p.lat()));
        }
        return sb.append("]]}").toString();
    }

    static String feature(String code, String level, String parent, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"level\":\"" + level + "\""
                + (parent == null ? "" : ",\"parent\":\"" + parent + "\"") + "},\"geometry\":" + geometry + "}";
    }

    /**
     * Bydel {p}-B with districts {p}-D1 (600–602 km E) and {p}-D2 (602–604 km E), both spanning the
     * 1 km row at northKm.
     */
    public static Api.Response importTwoDistricts(Api api, String p, long northKm) {
        double n0 = northKm * 1000.0;
        String body = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature(p + "-B", "BYDEL", null, rectangle(600000, n0, 604000, n0 + 1000)) + ","
                + feature(p + "-D1", "DISTRICT", p + "-B", rectangle(600000, n0, 602000, n0 + 1000)) + ","
                + feature(p + "-D2", "DISTRICT", p + "-B", rectangle(602000, n0, 604000, n0 + 1000)) + "]}";
        return api.postFile("/api/v1/imports/areas", "application/geo+json", body.getBytes(StandardCharsets.UTF_8));
    }

    static Api.Response csv(Api api, String kind, CharSequence body) {
        return api.postFile("/api/v1/imports/" + kind, "text/csv", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Rows in one query and not the other, both ways. */
    private static String pair(String raw, String rollup) {
        return "(" + raw + " except " + rollup + ") union all (" + rollup + " except " + raw + ")";
    }

    /** Every rollup equals a count over the raw rows. */
    public static void assertRollupsMatchRawRows(JdbcClient jdbc) {
        String[] checks = {
                pair("select day, category, count(*)::int from cs_report group by 1, 2", "select day, category, n from cs_report_cat_day"),
                pair("select day, district, count(*)::int from cs_report group by 1, 2", "select day, district, n from cs_report_district_day"),
                pair("select day, cell, count(*)::int from cs_report where cell is not null group by 1, 2", "select day, cell, n from cs_report_cell_day"),
                pair("select date_trunc('month', day)::date, category, district, count(*)::int from cs_report group by 1, 2, 3",
                        "select month, category, district, n from cs_report_cat_district_month"),
                pair("select date_trunc('month', day)::date, category, cell, count(*)::int from cs_report where cell is not null group by 1, 2, 3",
                        "select month, category, cell, n from cs_report_cat_cell_month"),
                pair("select charged_on, age, category, count(*)::int from cs_charge group by 1, 2, 3", "select day, age, category, n from cs_charge_day"),
                pair("select date_trunc('month', charged_on)::date, age, category, count(*)::int from cs_charge group by 1, 2, 3",
                        "select month, age, category, n from cs_charge_month")};
        for (String q : checks) {
            if (jdbc.sql("select count(*) from (" + q + ") x").query(Long.class).single() != 0) {
                throw new AssertionError("rollup differs from raw rows: " + q);
            }
        }
    }
}
