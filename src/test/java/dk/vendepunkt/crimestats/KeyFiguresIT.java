package dk.vendepunkt.crimestats;

import static dk.vendepunkt.crimestats.CrimeTestData.cellCentre;
import static dk.vendepunkt.crimestats.CrimeTestData.csv;
import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.crimestats.internal.CrimeIndicator;
import dk.vendepunkt.crimestats.internal.Hotspots;
import dk.vendepunkt.crimestats.internal.OffenceCategory;
import dk.vendepunkt.crimestats.internal.RollupCrimeFigures;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The key figures contract on a hand-made data set: 29 February in the previous period, the local
 * date of reported_at, empty coordinates and points outside every district (UNKNOWN), ties in the top
 * 25, a category with no reports in the previous period, the charge age groups; import validation of
 * every column; idempotent re-import that moves figures.
 */
@IntegrationTest
class KeyFiguresIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired RollupCrimeFigures figures;

    Api analyst() {
        var u = staff.user(Role.ANALYST);
        return Api.at(port).as(u.username(), u.password());
    }

    static Map<String, JsonNode> by(JsonNode array, String key) {
        Map<String, JsonNode> m = new HashMap<>();
        for (JsonNode n : array) m.put(n.get(key).asString(), n);
        return m;
    }

    @Test
    void keyFiguresFollowTheContract() {
        Api api = analyst();
        String p = "K" + System.nanoTime();
        long nKm = CrimeTestData.uniqueNorthKm();
        assertThat(CrimeTestData.importTwoDistricts(api, p, nKm).status()).isEqualTo(200);
        int y = CrimeTestData.uniqueLeapYear();
        int py = y - 1;
        StringBuilder r = new StringBuilder("report_ref,reported_at,offence_category,lat,lon\n");
        int[] seq = {0};
        java.util.function.BiConsumer<String, String> add = (when, rest) -> r.append(p).append('-').append(seq[0]++).append(',').append(when).append(',').append(rest).append('\n');
        // current period y-01-01 .. y-02-29: cell 600 km E: 5 reports, 601: 3, 602..626: 1 each (25 tied cells)
        for (int i = 0; i < 5; i++) add.accept(y + "-01-1" + i + "T10:00", "VIOLENCE," + cellCentre(nKm, 600));
        for (int i = 0; i < 3; i++) add.accept(y + "-02-0" + (i + 1) + "T10:00", "VIOLENCE," + cellCentre(nKm, 601));
        for (int e = 602; e <= 626; e++) add.accept(y + "-02-29T23:30", "VIOLENCE," + cellCentre(nKm, e));
        // no coordinates: UNKNOWN, no cell
        add.accept(y + "-01-01T00:00", "BURGLARY,,");
        add.accept(y + "-01-02T00:00+01:00", "BURGLARY,,");
        // outside the period: 1 March local time, also when written in UTC on 29 February
        add.accept(y + "-03-01T00:30", "VIOLENCE," + cellCentre(nKm, 600));
        add.accept(y + "-02-29T23:30Z", "VIOLENCE," + cellCentre(nKm, 600));
        add.accept((y - 1) + "-12-31T23:59", "VIOLENCE," + cellCentre(nKm, 600));
        // previous period py-01-01 .. py-02-28: 22 VIOLENCE in D1 (one on 28 February), 4 THEFT outside every district
        for (int i = 0; i < 21; i++) add.accept(py + "-01-" + (10 + i % 15) + "T12:00", "VIOLENCE," + cellCentre(nKm, 600));
        add.accept(py + "-02-28T23:59", "VIOLENCE," + cellCentre(nKm, 601));
        for (int i = 0; i < 4; i++) add.accept(py + "-02-1" + i + "T08:00", "THEFT," + cellCentre(nKm, 640));
        add.accept(py + "-03-01T00:00", "THEFT," + cellCentre(nKm, 640));
        var imp = csv(api, "crime-reports", r);
        assertThat(imp.status()).as(imp.toString()).isEqualTo(200);
        assertThat(imp.json().get("created").asInt()).isEqualTo(seq[0]);

        StringBuilder c = new StringBuilder("charge_ref,charged_on,age,offence_category\n");
        String[][] charges = {
                {y + "-01-05", "0", "OTHER"}, {y + "-01-05", "14", "THEFT"}, {y + "-02-29", "15", "DRUGS"}, {y + "-02-10", "17", "THEFT"},
                {y + "-02-10", "18", "THEFT"}, {y + "-02-10", "25", "VIOLENCE"}, {y + "-02-10", "26", "VIOLENCE"},
                {y + "-03-01", "16", "THEFT"}, {py + "-02-10", "16", "THEFT"}};
        for (int i = 0; i < charges.length; i++) c.append(p).append("-c").append(i).append(',').append(String.join(",", charges[i])).append('\n');
        assertThat(csv(api, "charges", c).status()).isEqualTo(200);

        JsonNode k = api.get("/api/v1/crime/key-figures?from=" + y + "-01-01&to=" + y + "-02-29").json();
        assertThat(k.get("from").asString()).isEqualTo(y + "-01-01");
        assertThat(k.get("to").asString()).isEqualTo(y + "-02-29");
        assertThat(k.get("previousFrom").asString()).isEqualTo(py + "-01-01");
        assertThat(k.get("previousTo").asString()).isEqualTo(py + "-02-28");

        Map<String, JsonNode> cat = by(k.get("byCategory"), "category");
        assertThat(cat.keySet()).containsExactlyInAnyOrder("VIOLENCE", "ROBBERY", "BURGLARY", "THEFT", "VANDALISM", "THREATS", "DRUGS",
                "WEAPONS", "SEXUAL", "FRAUD", "TRAFFIC", "OTHER");
        assertThat(cat.get("VIOLENCE").get("count").asLong()).isEqualTo(33);
        assertThat(cat.get("VIOLENCE").get("previousCount").asLong()).isEqualTo(22);
        assertThat(cat.get("VIOLENCE").get("changePct").asDouble()).isEqualTo((33 - 22) * 100.0 / 22);
        assertThat(cat.get("BURGLARY").get("count").asLong()).isEqualTo(2);
        assertThat(cat.get("BURGLARY").get("previousCount").asLong()).isZero();
        assertThat(cat.get("BURGLARY").get("changePct").isNull()).isTrue();
        assertThat(cat.get("THEFT").get("count").asLong()).isZero();
        assertThat(cat.get("THEFT").get("changePct").asDouble()).isEqualTo(-100.0);
        assertThat(cat.get("ROBBERY").get("changePct").isNull()).isTrue();

        Map<String, JsonNode> area = by(k.get("byArea"), "area");
        assertThat(area.get(p + "-D1").get("level").asString()).isEqualTo("DISTRICT");
        assertThat(area.get(p + "-D1").get("count").asLong()).isEqualTo(8);
        assertThat(area.get(p + "-D1").get("previousCount").asLong()).isEqualTo(22);
        assertThat(area.get(p + "-D2").get("count").asLong()).isEqualTo(2);
        assertThat(area.get(p + "-B").get("level").asString()).isEqualTo("BYDEL");
        assertThat(area.get(p + "-B").get("count").asLong()).isEqualTo(10);
        assertThat(area.get(p + "-B").get("previousCount").asLong()).isEqualTo(22);
        // UNKNOWN: 23 points outside every district + 2 without coordinates (this year's period is ours alone)
        assertThat(area.get("UNKNOWN").get("count").asLong()).isEqualTo(25);
        assertThat(area.get("UNKNOWN").get("previousCount").asLong()).isEqualTo(4);

        List<String> top = new ArrayList<>();
        for (JsonNode t : k.get("topCells")) top.add(t.get("cell").asString() + "=" + t.get("count").asLong());
        List<String> expected = new ArrayList<>();
        expected.add("1km_" + nKm + "_600=5");
        expected.add("1km_" + nKm + "_601=3");
        for (int e = 602; e <= 624; e++) expected.add("1km_" + nKm + "_" + e + "=1");
        assertThat(top).containsExactlyElementsOf(expected);
        // each cell with the place of its centre: district and bydel, none outside the districts
        JsonNode place = k.get("topCells").get(0).get("place");
        assertThat(place.get("districtCode").asString()).isEqualTo(p + "-D1");
        assertThat(place.get("districtName").asString()).isEqualTo(p + "-D1");
        assertThat(place.get("bydelCode").asString()).isEqualTo(p + "-B");
        assertThat(place.get("bydelName").asString()).isEqualTo(p + "-B");
        assertThat(k.get("topCells").get(2).get("place").get("districtCode").asString()).isEqualTo(p + "-D2");
        assertThat(k.get("topCells").get(24).path("place").path("districtCode").isMissingNode()).isTrue();

        Map<String, JsonNode> groups = by(k.get("chargesByAgeGroup"), "group");
        assertThat(k.get("chargesByAgeGroup").get(0).get("group").asString()).isEqualTo("UNDER_15");
        assertThat(groups.get("UNDER_15").get("count").asLong()).isEqualTo(2);
        assertThat(groups.get("AGE_15_17").get("count").asLong()).isEqualTo(2);
        assertThat(groups.get("AGE_18_25").get("count").asLong()).isEqualTo(2);
        Map<String, JsonNode> u18 = by(k.get("chargesUnder18ByCategory"), "category");
        assertThat(u18).hasSize(12);
        assertThat(u18.get("THEFT").get("count").asLong()).isEqualTo(2);
        assertThat(u18.get("DRUGS").get("count").asLong()).isEqualTo(1);
        assertThat(u18.get("OTHER").get("count").asLong()).isEqualTo(1);
        assertThat(u18.get("VIOLENCE").get("count").asLong()).isZero();

        // a period of whole months read from the monthly rollups equals the same period read day by day
        JsonNode months = api.get("/api/v1/crime/key-figures?from=" + y + "-01-01&to=" + y + "-03-31").json();
        JsonNode days = api.get("/api/v1/crime/key-figures?from=" + (y - 1) + "-12-31&to=" + y + "-03-31").json();
        assertThat(by(months.get("byCategory"), "category").get("VIOLENCE").get("count").asLong()).isEqualTo(35);
        assertThat(by(days.get("byCategory"), "category").get("VIOLENCE").get("count").asLong()).isEqualTo(36);
        assertThat(rollupsMatchRawRows()).isTrue();
    }

    boolean rollupsMatchRawRows() {
        CrimeTestData.assertRollupsMatchRawRows(jdbc);
        return true;
    }

    @Test
    void reImportUpdatesByRefAndMovesTheFigures() {
        Api api = analyst();
        String p = "R" + System.nanoTime();
        long nKm = CrimeTestData.uniqueNorthKm();
        assertThat(CrimeTestData.importTwoDistricts(api, p, nKm).status()).isEqualTo(200);
        int y = CrimeTestData.uniqueLeapYear();
        String head = "report_ref,reported_at,offence_category,lat,lon\n";
        String file = head + p + "-1," + y + "-05-01T10:00,VIOLENCE," + cellCentre(nKm, 600) + "\n"
                + p + "-2," + y + "-05-02T10:00,THEFT," + cellCentre(nKm, 603) + "\n"
                + p + "-3," + y + "-05-03T10:00,DRUGS,,\n";
        var first = csv(api, "crime-reports", file);
        assertThat(first.json().get("created").asInt()).isEqualTo(3);
        String q = "/api/v1/crime/key-figures?from=" + y + "-05-01&to=" + y + "-05-31";
        JsonNode before = api.get(q).json();
        var again = csv(api, "crime-reports", file);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("updated").asInt()).isEqualTo(3);
        assertThat(api.get(q).json()).isEqualTo(before);

        // report 1 moves to D2 and becomes THEFT; report 3 moves out of the period
        String changed = head + p + "-1," + y + "-05-01T10:00,THEFT," + cellCentre(nKm, 602) + "\n"
                + p + "-3," + y + "-06-03T10:00,DRUGS,,\n";
        assertThat(csv(api, "crime-reports", changed).json().get("updated").asInt()).isEqualTo(2);
        JsonNode after = api.get(q).json();
        Map<String, JsonNode> cat = by(after.get("byCategory"), "category");
        assertThat(cat.get("VIOLENCE").get("count").asLong()).isZero();
        assertThat(cat.get("THEFT").get("count").asLong()).isEqualTo(2);
        assertThat(cat.get("DRUGS").get("count").asLong()).isZero();
        Map<String, JsonNode> area = by(after.get("byArea"), "area");
        assertThat(area.get(p + "-D1").get("count").asLong()).isZero();
        assertThat(area.get(p + "-D2").get("count").asLong()).isEqualTo(2);
        assertThat(after.get("topCells").size()).isEqualTo(2);

        String charges = "charge_ref,charged_on,age,offence_category\n" + p + "-c1," + y + "-05-01,16,THEFT\n";
        assertThat(csv(api, "charges", charges).json().get("created").asInt()).isEqualTo(1);
        assertThat(csv(api, "charges", charges).json().get("updated").asInt()).isEqualTo(1);
        assertThat(by(api.get(q).json().get("chargesByAgeGroup"), "group").get("AGE_15_17").get("count").asLong()).isEqualTo(1);
        assertThat(csv(api, "charges", "charge_ref,charged_on,age,offence_category\n" + p + "-c1," + y + "-05-01,19,THEFT\n").status()).isEqualTo(200);
        JsonNode g = api.get(q).json();
        assertThat(by(g.get("chargesByAgeGroup"), "group").get("AGE_15_17").get("count").asLong()).isZero();
        assertThat(by(g.get("chargesByAgeGroup"), "group").get("AGE_18_25").get("count").asLong()).isEqualTo(1);
        assertThat(rollupsMatchRawRows()).isTrue();
    }

    @Test
    void categoryFilteredFiguresReadMonthsAndTheRawDaysAroundThem() {
        Api api = analyst();
        String p = "F" + System.nanoTime();
        long nKm = CrimeTestData.uniqueNorthKm();
        assertThat(CrimeTestData.importTwoDistricts(api, p, nKm).status()).isEqualTo(200);
        int y = CrimeTestData.uniqueLeapYear();
        StringBuilder r = new StringBuilder("report_ref,reported_at,offence_category,lat,lon\n");
        String d1 = cellCentre(nKm, 600);
        String d2 = cellCentre(nKm, 603);
        String[][] rows = {
                {y + "-01-14T12:00", "VIOLENCE", d1},   // the day before the period
                {y + "-01-15T12:00", "VIOLENCE", d1},   // first day (raw)
                {y + "-02-10T12:00", "VIOLENCE", d1},   // whole month February (monthly rollup)
                {y + "-02-11T12:00", "THEFT", d1},      // not citizen-directed
                {y + "-03-10T23:59", "BURGLARY", d2},   // last day (raw)
                {y + "-03-11T00:00", "BURGLARY", d2},   // the day after
                {y + "-06-01T00:00", "ROBBERY", d2},
                {y + "-02-12T12:00", "VANDALISM", ""}}; // no coordinates
        int i = 0;
        for (String[] row : rows) r.append(p).append('-').append(i++).append(',').append(row[0]).append(',').append(row[1]).append(',').append(row[2].isEmpty() ? "," : row[2]).append('\n');
        assertThat(csv(api, "crime-reports", r).status()).isEqualTo(200);
        LocalDate from = LocalDate.of(y, 1, 15);
        LocalDate to = LocalDate.of(y, 3, 10);
        Set<OffenceCategory> citizen = figures.citizenDirected();
        assertThat(citizen).containsExactlyInAnyOrder(OffenceCategory.VIOLENCE, OffenceCategory.ROBBERY, OffenceCategory.BURGLARY,
                OffenceCategory.THREATS, OffenceCategory.VANDALISM);
        Map<String, Long> byDistrict = figures.reportsByDistrict(from, to, citizen);
        assertThat(byDistrict.get(p + "-D1")).isEqualTo(2);
        assertThat(byDistrict.get(p + "-D2")).isEqualTo(1);
        assertThat(byDistrict.get(RollupCrimeFigures.UNKNOWN)).isEqualTo(1);
        assertThat(figures.reportsByDistrict(from, to, Set.of()).get(p + "-D1")).isEqualTo(3);
        Map<String, Long> year = figures.citizenDirectedReportsByDistrict(y);
        assertThat(year.get(p + "-D1")).isEqualTo(3);
        assertThat(year.get(p + "-D2")).isEqualTo(3);
        assertThat(year).doesNotContainKey(RollupCrimeFigures.UNKNOWN);
        Map<String, Long> cells = figures.reportsByCell(from, to, Set.of(OffenceCategory.VIOLENCE, OffenceCategory.BURGLARY));
        assertThat(cells).containsEntry("1km_" + nKm + "_600", 2L).containsEntry("1km_" + nKm + "_603", 1L);
        assertThat(figures.reportsByCell(from, to, Set.of()).get("1km_" + nKm + "_600")).isEqualTo(3);
        Hotspots h = figures.hotspots(from, to, Set.of(OffenceCategory.VIOLENCE));
        assertThat(h.categories()).containsExactly("VIOLENCE");
        assertThat(h.cells()).anySatisfy(c -> assertThat(c.cell()).isEqualTo("1km_" + nKm + "_600"));
        assertThat(h.cells().stream().filter(c -> c.cell().equals("1km_" + nKm + "_600")).findFirst().orElseThrow().count()).isEqualTo(2);

        String charges = "charge_ref,charged_on,age,offence_category\n" + p + "-c1," + y + "-01-15,12,THEFT\n" + p + "-c2," + y + "-02-15,17,THEFT\n"
                + p + "-c3," + y + "-03-10,18,THEFT\n" + p + "-c4," + y + "-03-11,13,THEFT\n";
        assertThat(csv(api, "charges", charges).status()).isEqualTo(200);
        assertThat(figures.charges(from, to, 12, 17)).isEqualTo(2);
        assertThat(figures.charges(from, to, 0, 120)).isEqualTo(3);
        assertThat(figures.charges(from.minusDays(1), to.plusDays(1), 13, 13)).isEqualTo(1);
        JsonNode hs = api.get("/api/v1/crime/hotspots?from=" + from + "&to=" + to + "&categories=violence,BURGLARY").json();
        assertThat(hs.get("categories").toString()).isEqualTo("[\"VIOLENCE\",\"BURGLARY\"]");
        JsonNode hot = null;
        for (JsonNode c : hs.get("cells")) if (c.get("cell").asString().equals("1km_" + nKm + "_603")) hot = c;
        assertThat(hot.get("place").get("districtCode").asString()).isEqualTo(p + "-D2");
        assertThat(hot.get("place").get("bydelName").asString()).isEqualTo(p + "-B");
        assertThat(api.get("/api/v1/crime/hotspots?from=" + from + "&to=" + to + "&categories=MURDER").status()).isEqualTo(400);
    }

    @Test
    void reportsImportedBeforeTheirDistrictsAreAssignedWhenTheAreasArrive() {
        Api api = analyst();
        String p = "A" + System.nanoTime();
        long nKm = CrimeTestData.uniqueNorthKm();
        int y = CrimeTestData.uniqueLeapYear();
        String file = "report_ref,reported_at,offence_category,lat,lon\n" + p + "-1," + y + "-04-01T10:00,VIOLENCE," + cellCentre(nKm, 601) + "\n"
                + p + "-2," + y + "-04-02T10:00,VIOLENCE," + cellCentre(nKm, 603) + "\n";
        assertThat(csv(api, "crime-reports", file).status()).isEqualTo(200);
        String q = "/api/v1/crime/key-figures?from=" + y + "-04-01&to=" + y + "-04-30";
        assertThat(by(api.get(q).json().get("byArea"), "area").get("UNKNOWN").get("count").asLong()).isEqualTo(2);
        assertThat(CrimeTestData.importTwoDistricts(api, p, nKm).status()).isEqualTo(200);
        Map<String, JsonNode> area = by(api.get(q).json().get("byArea"), "area");
        assertThat(area.get(p + "-D1").get("count").asLong()).isEqualTo(1);
        assertThat(area.get(p + "-D2").get("count").asLong()).isEqualTo(1);
        assertThat(area.get("UNKNOWN").get("count").asLong()).isZero();
        assertThat(rollupsMatchRawRows()).isTrue();
    }

    @Test
    void eachImportFeedsTheSikkerByIndicatorOfReportsPerQuarter() {
        Api api = analyst();
        // the indicator may exist already: another test in this JVM may have loaded the portfolio demo, which defines it
        long id = jdbc.sql("select id from pf_indicator where ref = ?").param(CrimeIndicator.REF).query(Long.class).optional().orElseGet(() -> {
            var ind = api.post("/api/v1/portfolio/indicators", Map.of("ref", CrimeIndicator.REF, "name", "Kriminalitet – antal anmeldelser",
                    "unit", "antal", "department", "OKF", "direction", "DOWN"));
            assertThat(ind.status()).as(ind.toString()).isEqualTo(201);
            return ind.json().get("indicator").get("id").asLong();
        });
        int y = 1901 + java.util.concurrent.ThreadLocalRandom.current().nextInt(60);
        String p = "I" + System.nanoTime();
        String file = "report_ref,reported_at,offence_category,lat,lon\n" + p + "-1," + y + "-04-01T00:00,THEFT,,\n"
                + p + "-2," + y + "-06-30T23:59,THEFT,,\n" + p + "-3," + y + "-05-15T12:00,DRUGS,,\n" + p + "-4," + y + "-07-01T00:00,DRUGS,,\n";
        assertThat(csv(api, "crime-reports", file).status()).isEqualTo(200);
        JsonNode values = api.get("/api/v1/portfolio/indicators/" + id).json().get("values");
        Map<String, String> byPeriod = new HashMap<>();
        for (JsonNode v : values) byPeriod.put(v.get("periodStart").asString() + "/" + v.get("periodEnd").asString(), v.get("value").asString());
        assertThat(new java.math.BigDecimal(byPeriod.get(y + "-04-01/" + y + "-06-30"))).isEqualByComparingTo("3");
        assertThat(new java.math.BigDecimal(byPeriod.get(y + "-07-01/" + y + "-09-30"))).isEqualByComparingTo("1");
    }

    static List<String> errors(Api.Response r) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : r.json().get("errors")) out.add(e.get("line").asInt() + ":" + e.get("column").asString(""));
        return out;
    }

    @Test
    void everyColumnOfCrimeReportsIsValidatedAndNothingIsStored() {
        Api api = analyst();
        String p = "V" + System.nanoTime();
        int y = CrimeTestData.uniqueLeapYear();
        String d = y + "-04-01T10:00";
        String file = "lon,lat,offence_category,reported_at,report_ref\n"   // columns in another order
                + "12.5,55.6,VIOLENCE," + d + "," + p + "-ok\n"            // 2 ok
                + "12.5,55.6,VIOLENCE," + d + ",\n"                        // 3 ref missing
                + "12.5,55.6,VIOLENCE," + d + "," + "x".repeat(81) + "\n"  // 4 ref too long
                + "12.5,55.6,VIOLENCE,," + p + "-4\n"                      // 5 reported_at missing
                + "12.5,55.6,VIOLENCE," + y + "-04-31T10:00," + p + "-5\n" // 6 not a date
                + "12.5,55.6,VIOLENCE,01-04-" + y + "," + p + "-6\n"       // 7 wrong format
                + "12.5,55.6,MURDER," + d + "," + p + "-7\n"               // 8 unknown category
                + "12.5,55.6,," + d + "," + p + "-8\n"                     // 9 category missing
                + "12.5,\"55,6\",VIOLENCE," + d + "," + p + "-9\n"         // 10 decimal comma
                + "12.5,91,VIOLENCE," + d + "," + p + "-10\n"              // 11 lat out of range
                + "181,55.6,VIOLENCE," + d + "," + p + "-11\n"             // 12 lon out of range
                + ",55.6,VIOLENCE," + d + "," + p + "-12\n"                // 13 lat without lon
                + "12.5,55.6,VIOLENCE," + d + "," + p + "-ok\n"            // 14 duplicate ref
                + "12.5,55.6,VIOLENCE\n";                                  // 15 too few fields
        var bad = csv(api, "crime-reports", file);
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        assertThat(errors(bad)).containsExactly("3:report_ref", "4:report_ref", "5:reported_at", "6:reported_at", "7:reported_at",
                "8:offence_category", "9:offence_category", "10:lat", "11:lat", "12:lon", "13:lon", "15:");
        // the duplicate is found once every row is valid
        String dup = "report_ref,reported_at,offence_category,lat,lon\n" + p + "-a," + d + ",VIOLENCE,,\n" + p + "-b," + d + ",VIOLENCE,,\n"
                + p + "-a," + d + ",THEFT,,\n";
        var dupe = csv(api, "crime-reports", dup);
        assertThat(dupe.status()).isEqualTo(422);
        assertThat(errors(dupe)).containsExactly("4:report_ref");
        assertThat(dupe.json().get("errors").get(0).get("message").asString()).contains("linje 2");
        assertThat(csv(api, "crime-reports", "report_ref,reported_at,offence_category,lat\n").status()).isEqualTo(422);
        JsonNode k = api.get("/api/v1/crime/key-figures?from=" + y + "-01-01&to=" + y + "-12-31").json();
        assertThat(by(k.get("byCategory"), "category").get("VIOLENCE").get("count").asLong()).isZero();
        assertThat(by(k.get("byCategory"), "category").get("THEFT").get("count").asLong()).isZero();
    }

    @Test
    void everyColumnOfChargesIsValidatedAndNothingIsStored() {
        Api api = analyst();
        String p = "C" + System.nanoTime();
        int y = CrimeTestData.uniqueLeapYear();
        String file = "charge_ref,charged_on,age,offence_category\n"
                + p + "-1," + y + "-02-29,16,THEFT\n"          // 2 ok (29 February of a leap year)
                + "," + y + "-02-01,16,THEFT\n"                 // 3 ref missing
                + p + "-3," + (y + 1) + "-02-29,16,THEFT\n"     // 4 no such date
                + p + "-4,,16,THEFT\n"                          // 5 date missing
                + p + "-5," + y + "-02-01,-1,THEFT\n"           // 6 age below 0
                + p + "-6," + y + "-02-01,121,THEFT\n"          // 7 age above 120
                + p + "-7," + y + "-02-01,15.5,THEFT\n"         // 8 not an integer
                + p + "-8," + y + "-02-01,,THEFT\n"             // 9 age missing
                + p + "-9," + y + "-02-01,16,theft\n"           // 10 unknown category
                + p + "-1," + y + "-02-01,16,THEFT\n";          // 11 duplicate
        var bad = csv(api, "charges", file);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(errors(bad)).containsExactly("3:charge_ref", "4:charged_on", "5:charged_on", "6:age", "7:age", "8:age", "9:age", "10:offence_category");
        var ok = csv(api, "charges", "charge_ref,charged_on,age,offence_category\n" + p + "-1," + y + "-02-29,0,THEFT\n" + p + "-2," + y + "-02-29,120,OTHER\n");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        JsonNode k = api.get("/api/v1/crime/key-figures?from=" + y + "-02-29&to=" + y + "-02-29").json();
        assertThat(by(k.get("chargesByAgeGroup"), "group").get("UNDER_15").get("count").asLong()).isEqualTo(1);
    }

    @Test
    void periodIsValidatedAndOnlyAnalystsSeeTheFigures() {
        Api api = analyst();
        assertThat(api.get("/api/v1/crime/key-figures?from=2020-02-01&to=2020-01-31").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/crime/key-figures?from=2020-02-01").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/crime/key-figures?from=2020-02-30&to=2020-03-01").status()).isEqualTo(400);
        var reader = staff.user(Role.READER);
        assertThat(Api.at(port).as(reader.username(), reader.password()).get("/api/v1/crime/key-figures?from=2020-01-01&to=2020-03-31").status())
                .isEqualTo(403);
        var reader2 = Api.at(port).as(reader.username(), reader.password());
        assertThat(csv(reader2, "crime-reports", "report_ref,reported_at,offence_category,lat,lon\n").status()).isEqualTo(403);
    }
}
