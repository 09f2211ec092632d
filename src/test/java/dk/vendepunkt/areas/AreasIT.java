package dk.vendepunkt.areas;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.areas.demo.AreasDemoData;
import dk.vendepunkt.areas.imports.AreaImport;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The areas and population imports over the API, and the directory built from them: hierarchy,
 * point-in-polygon (inside, on a shared boundary, outside every district), population rules.
 * Each test places its areas in its own square of the globe (the database is shared).
 */
@IntegrationTest
class AreasIT {

    private static final AtomicInteger SLOT = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired AreaDirectory directory;

    Api analyst() {
        var u = staff.user(Role.ANALYST);
        return Api.at(port).as(u.username(), u.password());
    }

    /** {unused, lat, lon}: the south-west corner of a 1° × 1° square in the South Pacific that no other test of this JVM uses. */
    static double[] origin() {
        int slot = SLOT.incrementAndGet();
        return new double[] {0, -20 - slot % 40, -170 + slot / 40};
    }

    static String square(double lon0, double lat0, double lon1, double lat1) {
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
                lon0, lat0, lon1, lat0, lon1, lat1, lon0, lat1, lon0, lat0);
    }

    static String feature(String code, String name, String level, String parent, Long population, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"level\":\"" + level + "\""
                + (parent == null ? "" : ",\"parent\":\"" + parent + "\"")
                + (population == null ? "" : ",\"population\":" + population) + "},\"geometry\":" + geometry + "}";
    }

    static String collection(List<String> features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    static Api.Response geo(Api api, String body) {
        return api.postFile("/api/v1/imports/areas", "application/geo+json", body.getBytes(StandardCharsets.UTF_8));
    }

    static Api.Response csv(Api api, String kind, String body) {
        return api.postFile("/api/v1/imports/" + kind, "text/csv", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void importBuildsTheHierarchyAndPointsFindTheirDistrict() {
        Api api = analyst();
        String p = "A" + System.nanoTime();
        double[] o = origin();
        double lat = o[1];
        double lon = o[2];
        // bydel B = two districts side by side: D1 [lon, lon+0.5], D2 [lon+0.5, lon+1]
        List<String> fs = new ArrayList<>();
        fs.add(feature(p + "-D2", "Øst", "DISTRICT", p + "-B", 200L, square(lon + 0.5, lat, lon + 1, lat + 0.5)));
        fs.add(feature(p + "-B", "Bydel", "BYDEL", null, null, square(lon, lat, lon + 1, lat + 0.5)));
        fs.add(feature(p + "-D1", "Vest", "DISTRICT", p + "-B", 100L, square(lon, lat, lon + 0.5, lat + 0.5)));
        var ok = geo(api, collection(fs));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("created").asInt()).isEqualTo(3);

        assertThat(directory.byCode(p + "-D1")).contains(new Area(p + "-D1", "Vest", AreaLevel.DISTRICT, p + "-B"));
        assertThat(directory.byCode(p + "-B").orElseThrow().level()).isEqualTo(AreaLevel.BYDEL);
        assertThat(directory.districtsOf(p + "-B")).extracting(Area::code).containsExactly(p + "-D1", p + "-D2");
        assertThat(directory.districtAt(lat + 0.25, lon + 0.25)).map(Area::code).contains(p + "-D1");
        assertThat(directory.districtAt(lat + 0.25, lon + 0.75)).map(Area::code).contains(p + "-D2");
        // on the common boundary: the lower code
        assertThat(directory.districtAt(lat + 0.25, lon + 0.5)).map(Area::code).contains(p + "-D1");
        // on the outer boundary: still inside
        assertThat(directory.districtAt(lat, lon + 0.75)).map(Area::code).contains(p + "-D2");
        // outside every district
        assertThat(directory.districtAt(lat + 0.75, lon + 0.25)).isEmpty();
        assertThat(directory.districtAt(Double.NaN, lon)).isEmpty();
        assertThat(directory.geoJson(AreaLevel.DISTRICT)).contains("\"code\":\"" + p + "-D1\"").doesNotContain("\"code\":\"" + p + "-B\"");
        assertThat(directory.geoJson(AreaLevel.BYDEL)).contains("\"code\":\"" + p + "-B\"");
        // far from zone 32 the projection leaves the grid: no cells there, and every listed cell is a valid id
        assertThat(directory.cells1km()).allSatisfy(Kvadratnet::parse);

        // population: GeoJSON property; population.csv overrides it from its year on; bydel = sum of districts
        assertThat(directory.population(p + "-D1", 2020)).isEqualTo(OptionalLong.of(100));
        assertThat(directory.population(p + "-B", 2020)).isEqualTo(OptionalLong.of(300));
        var pop = csv(api, "population", "area,year,population\n" + p + "-D1,2021,150\n" + p + "-D1,2023,170\n");
        assertThat(pop.status()).as(pop.toString()).isEqualTo(200);
        assertThat(directory.population(p + "-D1", 2020)).isEqualTo(OptionalLong.of(100));
        assertThat(directory.population(p + "-D1", 2021)).isEqualTo(OptionalLong.of(150));
        assertThat(directory.population(p + "-D1", 2022)).isEqualTo(OptionalLong.of(150));
        assertThat(directory.population(p + "-D1", 2024)).isEqualTo(OptionalLong.of(170));
        assertThat(directory.population(p + "-B", 2022)).isEqualTo(OptionalLong.of(350));
        // a bydel's own figure wins over the sum
        assertThat(csv(api, "population", "area,year,population\n" + p + "-B,2022,999\n").status()).isEqualTo(200);
        assertThat(directory.population(p + "-B", 2022)).isEqualTo(OptionalLong.of(999));
        assertThat(directory.population(p + "-B", 2021)).isEqualTo(OptionalLong.of(350));
        assertThat(directory.population("no-such-area", 2022)).isEmpty();
        // re-import of a population row updates it
        var again = csv(api, "population", "area,year,population\n" + p + "-D1,2021,151\n");
        assertThat(again.json().get("updated").asInt()).isEqualTo(1);
        assertThat(directory.population(p + "-D1", 2021)).isEqualTo(OptionalLong.of(151));

        // re-import updates instead of duplicating, and moves the boundary
        fs.set(0, feature(p + "-D2", "Øst (ny)", "DISTRICT", p + "-B", 200L, square(lon + 0.5, lat, lon + 1, lat + 1)));
        var re = geo(api, collection(fs));
        assertThat(re.status()).as(re.toString()).isEqualTo(200);
        assertThat(re.json().get("created").asInt()).isZero();
        assertThat(re.json().get("updated").asInt()).isEqualTo(3);
        assertThat(directory.byCode(p + "-D2").orElseThrow().name()).isEqualTo("Øst (ny)");
        assertThat(directory.districtAt(lat + 0.75, lon + 0.75)).map(Area::code).contains(p + "-D2");
    }

    @Test
    void theBulkLocatorAnswersAsTheDirectoryDoes() {
        Api api = analyst();
        String p = "L" + System.nanoTime();
        double[] o = origin();
        double lat = o[1];
        double lon = o[2];
        // a slanted common boundary, an edge on a box line (lon + 0.3), a hole-free triangle, and open sea around them
        List<String> fs = new ArrayList<>();
        fs.add(feature(p + "-B", "Bydel", "BYDEL", null, null, square(lon, lat, lon + 1, lat + 1)));
        fs.add(feature(p + "-D1", "Vest", "DISTRICT", p + "-B", null, String.format(Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
                lon + 0.1, lat + 0.1, lon + 0.3, lat + 0.1, lon + 0.61234567, lat + 0.7, lon + 0.1, lat + 0.7, lon + 0.1, lat + 0.1)));
        fs.add(feature(p + "-D2", "Øst", "DISTRICT", p + "-B", null, String.format(Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
                lon + 0.3, lat + 0.1, lon + 0.9, lat + 0.1, lon + 0.61234567, lat + 0.7, lon + 0.3, lat + 0.1)));
        assertThat(geo(api, collection(fs)).status()).isEqualTo(200);
        AreaDirectory.Locator locator = directory.locator();
        java.util.Random r = new java.util.Random(5);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) points.add(new double[] {lat + r.nextDouble(), lon + r.nextDouble()});
        // on box lines and on the boundaries, where the cache must step aside
        for (int i = 0; i < 2_000; i++) {
            double t = r.nextDouble();
            points.add(new double[] {lat + Math.floor(r.nextDouble() * 1000) / 1000, lon + r.nextDouble()});
            points.add(new double[] {lat + 0.1 + 0.6 * t, lon + 0.3 + 0.31234567 * t});
            points.add(new double[] {lat + 0.1, lon + 0.1 + 0.8 * t});
            points.add(new double[] {lat + 0.1 + 0.6 * t, lon + 0.1});
        }
        // the same points again: now answered from the cache
        for (int round = 0; round < 2; round++) {
            for (double[] pt : points) {
                assertThat(locator.districtAt(pt[0], pt[1])).as("%s, %s", pt[0], pt[1]).isEqualTo(directory.districtAt(pt[0], pt[1]));
            }
        }
        assertThat(points.stream().filter(pt -> directory.districtAt(pt[0], pt[1]).isPresent()).count()).isGreaterThan(10_000);
        assertThat(locator.districtAt(Double.NaN, lon)).isEmpty();
    }

    @Test
    void everyInvalidFeatureIsReportedAndNothingIsStored() {
        Api api = analyst();
        String p = "V" + System.nanoTime();
        double[] o = origin();
        double lat = o[1];
        double lon = o[2];
        String ok = square(lon, lat, lon + 0.1, lat + 0.1);
        String bowtie = String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
                lon, lat, lon + 0.1, lat + 0.1, lon + 0.1, lat, lon, lat + 0.1, lon, lat);
        String open = String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}",
                lon, lat, lon + 0.1, lat, lon + 0.1, lat + 0.1, lon, lat + 0.2);
        List<String> fs = List.of(
                feature(p + "-B", "Bydel", "BYDEL", null, null, ok),                          // 1 ok
                feature(p + "-B", "Igen", "BYDEL", null, null, ok),                           // 2 duplicate code
                feature(p + "-X", "Niveau", "KOMMUNE", null, null, ok),                       // 3 bad level
                feature(p + "-D1", "Uden bydel", "DISTRICT", p + "-NOPE", null, ok),          // 4 parent missing
                feature(p + "-D2", "Under distrikt", "DISTRICT", p + "-D5", null, ok),        // 5 parent is a district
                feature(p + "-D3", "Sløjfe", "DISTRICT", p + "-B", null, bowtie),             // 6 self-intersecting
                feature(p + "-D4", "Åben", "DISTRICT", p + "-B", null, open),                 // 7 ring not closed
                feature(p + "-D5", "Ok distrikt", "DISTRICT", p + "-B", -3L, ok),             // 8 negative population
                feature("UNKNOWN", "Reserveret", "BYDEL", null, null, ok),                   // 9 reserved code
                feature(p + "-D6", "", "DISTRICT", null, null, "{\"type\":\"Point\",\"coordinates\":[1,2]}")); // 10 no name, no parent, bad type
        var bad = geo(api, collection(fs));
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        for (JsonNode e : bad.json().get("errors")) errors.add(e.get("line").asInt() + ":" + e.get("column").asString(""));
        assertThat(errors).contains("2:code", "3:level", "4:parent", "5:parent", "6:geometry", "7:geometry", "8:population",
                "9:code", "10:name", "10:parent", "10:geometry");
        assertThat(errors).noneMatch(s -> s.startsWith("1:"));
        assertThat(directory.byCode(p + "-B")).isEmpty();

        assertThat(geo(api, "not json").status()).isEqualTo(422);
        assertThat(geo(api, "{\"type\":\"Feature\"}").status()).isEqualTo(422);
        assertThat(geo(api, collection(List.of())).status()).isEqualTo(422);
    }

    @Test
    void populationRowsAreValidated() {
        Api api = analyst();
        String p = "P" + System.nanoTime();
        double[] o = origin();
        var ok = geo(api, collection(List.of(feature(p + "-B", "Bydel", "BYDEL", null, null, square(o[2], o[1], o[2] + 0.1, o[1] + 0.1)))));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        var bad = csv(api, "population", "population,area,year\n"
                + "10," + p + "-B,2020\n"   // 2 ok
                + "10,nope,2020\n"          // 3 unknown area
                + "10," + p + "-B,20x\n"    // 4 bad year
                + "1.000," + p + "-B,2021\n" // 5 thousands separator
                + "-1," + p + "-B,2022\n"   // 6 negative
                + "11," + p + "-B,2020\n"   // 7 duplicate area/year
                + "," + p + "-B,2023\n");   // 8 missing
        assertThat(bad.status()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        for (JsonNode e : bad.json().get("errors")) errors.add(e.get("line").asInt() + ":" + e.get("column").asString(""));
        assertThat(errors).containsExactly("3:area", "4:year", "5:population", "6:population", "7:year", "8:population");
        assertThat(directory.population(p + "-B", 2020)).isEmpty();
    }

    @Autowired AreaImport areaImport;

    @Test
    void theDemoCityIsAValidFileOfTenBydeleAndThirtyFiveDistricts() {
        var features = areaImport.parse(new java.io.ByteArrayInputStream(
                AreasDemoData.geoJson(new java.util.Random(1)).getBytes(StandardCharsets.UTF_8)));
        assertThat(features).filteredOn(f -> f.level() == AreaLevel.BYDEL).hasSize(10);
        assertThat(features).filteredOn(f -> f.level() == AreaLevel.DISTRICT).hasSize(35)
                .allMatch(f -> f.population() != null && f.parent().startsWith("B"));
    }

    @Test
    void readersCannotImportAreas() {
        var u = staff.user(Role.READER);
        var r = geo(Api.at(port).as(u.username(), u.password()), collection(List.of()));
        assertThat(r.status()).isEqualTo(403);
    }
}
