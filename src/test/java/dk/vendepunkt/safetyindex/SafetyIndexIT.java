package dk.vendepunkt.safetyindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.safetyindex.internal.EffectGoal3Indicator;
import dk.vendepunkt.safetyindex.internal.SafetyIndexProperties;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SafetyIndexIT {

    static final String HEADER = "respondent_ref,year,area,weight,feels_unsafe,victimised,crime_big_problem\n";

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired dk.vendepunkt.areas.AreaDirectory areas;
    @Autowired EffectGoal3Indicator indicator;
    @Autowired dk.vendepunkt.safetyindex.internal.NeedAreasIndicator needAreas;

    Api analyst;
    SafetyTestCity city;

    @BeforeEach
    void setUp() {
        var u = staff.user(Role.ANALYST);
        analyst = Api.at(port).as(u.username(), u.password());
        city = new SafetyTestCity();
        city.importAreas(analyst);
    }

    static JsonNode area(JsonNode answer, String code) {
        for (JsonNode a : answer.get("areas")) {
            if (a.get("area").asString().equals(code)) return a;
        }
        throw new AssertionError("no area " + code + " in " + answer);
    }

    long stored(int year) {
        return jdbc.sql("select count(*) from si_survey_response where year = ?").param(year).query(Long.class).single();
    }

    @Test
    void indexPerDistrictFollowsTheContract() {
        int y = city.year;
        StringBuilder csv = new StringBuilder(HEADER);
        // A: 40 rows; feels unsafe 30 yes (weight 1) + 10 no; victimised 10 yes + 30 no; crime big problem not answered by 10
        SafetyTestCity.rows(csv, city.a + "-1", y, city.a, 10, "", "1", "1", "");
        SafetyTestCity.rows(csv, city.a + "-2", y, city.a, 20, "1", "1", "0", "1");
        SafetyTestCity.rows(csv, city.a + "-3", y, city.a, 10, "1.0", "0", "0", "0");
        // B: 40 rows with weight 2: feels unsafe 10 yes, victimised 10 yes, crime big problem 20 yes
        SafetyTestCity.rows(csv, city.b + "-1", y, city.b, 10, "2", "1", "1", "1");
        SafetyTestCity.rows(csv, city.b + "-2", y, city.b, 10, "2", "0", "0", "1");
        SafetyTestCity.rows(csv, city.b + "-3", y, city.b, 20, "2", "0", "0", "0");
        // C: 29 rows, below the minimum of 30; all yes
        SafetyTestCity.rows(csv, city.c, y, city.c, 29, "1", "1", "1", "1");
        var r = SafetyTestCity.importSurvey(analyst, csv.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).isEqualTo(109);

        // police reports: A 6 citizen-directed in the year (+1 theft, +1 the year before, +1 on 1 January next year), B 2 burglaries
        StringBuilder reports = new StringBuilder("report_ref,reported_at,offence_category,lat,lon\n");
        double[] pa = city.pointIn(0);
        double[] pb = city.pointIn(1);
        String[] cats = {"VIOLENCE", "ROBBERY", "BURGLARY", "THREATS", "VANDALISM", "VIOLENCE"};
        for (int i = 0; i < cats.length; i++) {
            reports.append(city.prefix).append("-ra").append(i).append(',').append(y).append("-0").append(i + 1).append("-15T12:00,")
                    .append(cats[i]).append(',').append(pa[0]).append(',').append(pa[1]).append('\n');
        }
        reports.append(city.prefix).append("-rt,").append(y).append("-12-31T23:59,THEFT,").append(pa[0]).append(',').append(pa[1]).append('\n');
        reports.append(city.prefix).append("-rp,").append(y - 1).append("-12-31T23:59,VIOLENCE,").append(pa[0]).append(',').append(pa[1]).append('\n');
        reports.append(city.prefix).append("-rn,").append(y + 1).append("-01-01T00:00,VIOLENCE,").append(pa[0]).append(',').append(pa[1]).append('\n');
        reports.append(city.prefix).append("-rb1,").append(y).append("-12-31T23:59,BURGLARY,").append(pb[0]).append(',').append(pb[1]).append('\n');
        reports.append(city.prefix).append("-rb2,").append(y).append("-01-01T00:00,BURGLARY,").append(pb[0]).append(',').append(pb[1]).append('\n');
        var rr = analyst.postFile("/api/v1/imports/crime-reports", "text/csv", reports.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(rr.status()).as(rr.toString()).isEqualTo(200);
        long population = 0;
        for (var d : areas.districts()) population += areas.population(d.code(), y).orElse(0);
        double cityReports = 1000.0 * 8 / population;

        var answer = analyst.get("/api/v1/safety-index?year=" + y);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.get("year").asInt()).isEqualTo(y);

        // city pooled with weights, C included: feels unsafe (30 + 20 + 29) / (40 + 80 + 29)
        double cityFu = (30 + 20 + 29) / 149.0;
        double cityVi = (10 + 20 + 29) / 149.0;
        double cityCb = (20 + 40 + 29) / (30 + 80 + 29.0);
        JsonNode cityNode = json.get("city").get("components");
        assertThat(cityNode.get("feelsUnsafe").asDouble()).isCloseTo(cityFu, within(1e-9));
        assertThat(cityNode.get("crimeBigProblem").asDouble()).isCloseTo(cityCb, within(1e-9));
        assertThat(json.get("city").get("respondents").asLong()).isEqualTo(109);

        JsonNode a = area(json, city.a);
        assertThat(a.get("respondents").asInt()).isEqualTo(40);
        assertThat(a.get("components").get("feelsUnsafe").asDouble()).isEqualTo(0.75);
        assertThat(a.get("components").get("victimised").asDouble()).isEqualTo(0.25);
        assertThat(a.get("components").get("crimeBigProblem").asDouble()).isCloseTo(20 / 30.0, within(1e-12));
        assertThat(a.get("components").get("reportsPer1000").asDouble()).isEqualTo(6.0);
        assertThat(cityNode.get("reportsPer1000").asDouble()).isCloseTo(cityReports, within(1e-9));
        assertThat(a.get("componentIndices").get("reportsPer1000").asDouble()).isCloseTo(100 * 6.0 / cityReports, within(1e-9));
        double expected = (100 * 0.75 / cityFu + 100 * 0.25 / cityVi + 100 * (20 / 30.0) / cityCb + 100 * 6.0 / cityReports) / 4;
        assertThat(a.get("index").asDouble()).isCloseTo(expected, within(1e-9));
        assertThat(a.get("category").asString()).isEqualTo(SafetyIndexProperties.defaults().cutPoints().categorise(expected).name());

        JsonNode b = area(json, city.b);
        assertThat(b.get("components").get("feelsUnsafe").asDouble()).isEqualTo(0.25);
        assertThat(b.get("components").get("crimeBigProblem").asDouble()).isEqualTo(0.5);
        assertThat(b.get("components").get("reportsPer1000").asDouble()).isEqualTo(1.0);

        JsonNode c = area(json, city.c);
        assertThat(c.get("respondents").asInt()).isEqualTo(29);
        assertThat(c.get("index").isNull()).isTrue();
        assertThat(c.get("category").asString()).isEqualTo("INSUFFICIENT_DATA");
        // 29 respondents: the survey shares and their indices are withheld; police reports per 1000 are no survey data
        for (String share : java.util.List.of("feelsUnsafe", "victimised", "crimeBigProblem")) {
            assertThat(c.get("components").get(share).isNull()).as(share).isTrue();
            assertThat(c.get("componentIndices").get(share).isNull()).as(share).isTrue();
        }
        assertThat(c.get("components").get("reportsPer1000").isNumber()).isTrue();
    }

    @Test
    void importIsAllOrNothingWithEveryColumnChecked() {
        int y = city.year;
        String csv = HEADER
                + "R1," + y + "," + city.a + ",1,1,0,1\n"
                + "R2," + y + "," + city.bydel + ",1,1,0,1\n"       // a bydel, not a district
                + "R3," + y + ",NOPE,1,1,0,1\n"                      // unknown area
                + "R4," + y + "," + city.a + ",0,1,0,1\n"           // weight 0
                + "R5," + y + "," + city.a + ",1,x,0,1\n"           // answer x
                + "R6,19x," + city.a + ",1,1,0,1\n"                  // year
                + "R1," + y + "," + city.b + ",1,1,0,1\n";          // duplicate respondent and year
        var r = SafetyTestCity.importSurvey(analyst, csv);
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        JsonNode errors = r.json().get("errors");
        assertThat(errors).hasSize(6);
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(errors.get(0).get("column").asString()).isEqualTo("area");
        assertThat(errors.get(0).get("value").asString()).isEqualTo(city.bydel);
        assertThat(errors.get(2).get("column").asString()).isEqualTo("weight");
        assertThat(errors.get(3).get("column").asString()).isEqualTo("feels_unsafe");
        assertThat(errors.get(4).get("column").asString()).isEqualTo("year");
        assertThat(errors.get(5).get("line").asInt()).isEqualTo(8);
        assertThat(stored(y)).isZero();
    }

    @Test
    void reimportUpdatesByRespondentAndYear() {
        int y = city.year;
        StringBuilder csv = new StringBuilder(HEADER);
        SafetyTestCity.rows(csv, city.a + "-r", y, city.a, 30, "1", "0", "0", "0");
        SafetyTestCity.rows(csv, city.b + "-r", y, city.b, 30, "1", "1", "1", "1");
        var first = SafetyTestCity.importSurvey(analyst, csv.toString());
        assertThat(first.json().get("created").asInt()).isEqualTo(60);
        var again = SafetyTestCity.importSurvey(analyst, csv.toString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("updated").asInt()).isEqualTo(60);
        assertThat(stored(y)).isEqualTo(60);
        JsonNode a = area(analyst.get("/api/v1/safety-index?year=" + y).json(), city.a);
        assertThat(a.get("components").get("feelsUnsafe").asDouble()).isZero();

        // the same respondents answer differently: updated, not duplicated
        StringBuilder changed = new StringBuilder(HEADER);
        SafetyTestCity.rows(changed, city.a + "-r", y, city.a, 15, "1", "1", "0", "0");
        var third = SafetyTestCity.importSurvey(analyst, changed.toString());
        assertThat(third.json().get("updated").asInt()).isEqualTo(15);
        assertThat(stored(y)).isEqualTo(60);
        a = area(analyst.get("/api/v1/safety-index?year=" + y).json(), city.a);
        assertThat(a.get("components").get("feelsUnsafe").asDouble()).isEqualTo(0.5);
        // the year before has no survey: no previous index, no change
        assertThat(a.get("previousIndex").isNull()).isTrue();
    }

    @Test
    void changeSinceLastYearAndGoals() {
        int y = city.year;
        StringBuilder csv = new StringBuilder(HEADER);
        // last year: A all yes, B all no → A far above the city (MARKANT), B below (MINIMAL)
        SafetyTestCity.rows(csv, "p" + city.a, y - 1, city.a, 30, "1", "1", "1", "1");
        SafetyTestCity.rows(csv, "p" + city.b, y - 1, city.b, 30, "1", "0", "0", "0");
        // this year: both the same → 100, ORDINAER
        SafetyTestCity.rows(csv, "n" + city.a, y, city.a, 30, "1", "1", "0", "1");
        SafetyTestCity.rows(csv, "n" + city.b, y, city.b, 30, "1", "1", "0", "1");
        assertThat(SafetyTestCity.importSurvey(analyst, csv.toString()).status()).isEqualTo(200);

        JsonNode a = area(analyst.get("/api/v1/safety-index?year=" + y).json(), city.a);
        assertThat(a.get("previousCategory").asString()).isEqualTo("MARKANT");
        assertThat(a.get("index").asDouble()).isEqualTo(100.0);
        assertThat(a.get("change").asDouble()).isCloseTo(100.0 - a.get("previousIndex").asDouble(), within(1e-9));

        JsonNode goals = analyst.get("/api/v1/safety-index/goals?baselineYear=" + (y - 1) + "&year=" + y).json();
        JsonNode mine = null;
        for (JsonNode d : goals.get("effectGoal3").get("districts")) {
            if (d.get("area").asString().equals(city.a)) mine = d;
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("category").asString()).isEqualTo("ORDINAER");
        assertThat(mine.get("reached").asBoolean()).isTrue();
        assertThat(goals.get("halving").get("baselineCount").asInt()).isEqualTo(1);
        assertThat(goals.get("halving").get("count").asInt()).isZero();
        assertThat(goals.get("halving").get("onTrack").asBoolean()).isTrue();

        var report = analyst.get("/api/v1/safety-index/report?year=" + y + "&baselineYear=" + (y - 1) + "&format=html");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).contains("Udvikling").contains("Distrikter med markant eller intensiveret behov pr. år")
                .contains("Effektmål 3: distrikter med markant behov i " + (y - 1)).contains("Testdistrikt " + city.a)
                .contains("Målet er nået");

        // Sikker By's effect-goal-3 indicator: the baseline's MARKANT districts still MARKANT, per survey year
        String ref = "test_effektmaal3_" + city.prefix.toLowerCase();
        var created = analyst.post("/api/v1/portfolio/indicators", java.util.Map.of("ref", ref, "name", "Markante områder " + city.prefix,
                "unit", "antal områder", "department", "BIF", "direction", "DOWN"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(indicator.record(ref, y - 1)).isGreaterThanOrEqualTo(2);
        JsonNode values = null;
        for (JsonNode i : analyst.get("/api/v1/portfolio/indicators").json()) {
            if (i.get("indicator").get("ref").asString().equals(ref)) values = i.get("values");
        }
        assertThat(values).isNotNull();
        java.util.Map<String, Integer> byStart = new java.util.HashMap<>();
        for (JsonNode v : values) byStart.put(v.get("periodStart").asString(), v.get("value").asInt());
        long markantBefore = 0;
        for (JsonNode d : analyst.get("/api/v1/safety-index?year=" + (y - 1)).json().get("areas")) {
            if (d.get("category").asString().equals("MARKANT")) markantBefore++;
        }
        assertThat(byStart.get((y - 1) + "-01-01")).isEqualTo((int) markantBefore);
        assertThat(byStart.get(y + "-01-01")).isEqualTo((int) markantBefore - 1);

        // Tabel 2's udsatte boligområder: districts with markant or intensiveret behov, for the city and per bydel
        String needRef = "test_udsatte_" + city.prefix.toLowerCase();
        assertThat(analyst.post("/api/v1/portfolio/indicators", java.util.Map.of("ref", needRef, "name", "Udsatte områder " + city.prefix,
                "unit", "antal områder", "department", "TMF", "direction", "DOWN")).status()).isEqualTo(201);
        long need = 0;
        java.util.Map<String, Integer> needByBydel = new java.util.HashMap<>();
        for (JsonNode d : analyst.get("/api/v1/safety-index?year=" + (y - 1)).json().get("areas")) {
            boolean n = d.get("category").asString().equals("MARKANT") || d.get("category").asString().equals("INTENSIVERET");
            if (n) need++;
            needByBydel.merge(d.get("bydel").asString(), n ? 1 : 0, Integer::sum);
        }
        assertThat(needAreas.record(needRef, y - 1)).isEqualTo(1 + needByBydel.size());
        JsonNode needView = null;
        for (JsonNode i : analyst.get("/api/v1/portfolio/indicators").json()) {
            if (i.get("indicator").get("ref").asString().equals(needRef)) needView = i;
        }
        assertThat(needView.get("values").get(0).get("value").asLong()).isEqualTo(need);
        String bydelA = area(analyst.get("/api/v1/safety-index?year=" + (y - 1)).json(), city.a).get("bydel").asString();
        for (JsonNode v : needView.get("areaValues")) {
            if (v.get("area").asString().equals(bydelA)) assertThat(v.get("value").asInt()).isEqualTo(needByBydel.get(bydelA)).isPositive();
        }
        assertThat(needView.get("areaValues").size()).isEqualTo(needByBydel.size());
    }

    @Test
    void reportsOverTheApi() {
        var pdf = analyst.get("/api/v1/safety-index/unrest-report?year=" + city.year + "&half=2&format=pdf");
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        var internal = analyst.get("/api/v1/safety-index/unrest-report?year=" + city.year + "&half=1&format=html&disclosure=internal");
        assertThat(internal.status()).isEqualTo(200);
        assertThat(internal.body()).contains("Intern udgave").contains("Testbydel " + city.prefix);
        assertThat(analyst.get("/api/v1/safety-index/unrest-report?year=" + city.year + "&half=3").status()).isEqualTo(400);
        assertThat(analyst.get("/api/v1/safety-index/unrest-report?year=" + city.year + "&half=1&disclosure=everything").status()).isEqualTo(400);
        assertThat(analyst.get("/api/v1/safety-index/report?year=" + city.year + "&format=doc").status()).isEqualTo(400);
        var html = analyst.get("/api/v1/safety-index/report?year=" + city.year + "&format=html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("Tryghedsindeks " + city.year).contains("Testdistrikt " + city.a);
        var reader = staff.user(Role.READER);
        assertThat(Api.at(port).as(reader.username(), reader.password())
                .get("/api/v1/safety-index/unrest-report?year=" + city.year + "&half=1").status()).isEqualTo(403);
    }

    JsonNode sspOf(JsonNode list, String bydel) {
        for (JsonNode e : list) if (e.get("bydel").asString().equals(bydel)) return e;
        throw new AssertionError(bydel);
    }

    @Test
    void sspInputOverTheApi() {
        String path = "/api/v1/safety-index/ssp?year=" + city.year + "&half=2";
        JsonNode before = sspOf(analyst.get(path).json(), city.bydel);
        assertThat(before.get("version").asInt()).isEqualTo(-1);
        assertThat(before.get("singleCases").isNull()).isTrue();
        var saved = analyst.put(path, "[{\"bydel\":\"" + city.bydel + "\",\"singleCases\":14,\"assessment\":\"Roligt\",\"version\":-1}]");
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode e = sspOf(saved.json(), city.bydel);
        assertThat(e.get("singleCases").asInt()).isEqualTo(14);
        assertThat(e.get("assessment").asString()).isEqualTo("Roligt");
        int v = e.get("version").asInt();
        // stale: the version read before the save
        assertThat(analyst.put(path, "[{\"bydel\":\"" + city.bydel + "\",\"singleCases\":15,\"version\":-1}]").status()).isEqualTo(409);
        assertThat(analyst.put(path, "[{\"bydel\":\"" + city.bydel + "\",\"singleCases\":-2,\"version\":" + v + "}]").status()).isEqualTo(400);
        assertThat(analyst.put(path, "[{\"bydel\":\"NOPE\",\"singleCases\":2}]").status()).isEqualTo(400);
        var manager = staff.user(Role.PROGRAMME_MANAGER);
        var m = Api.at(port).as(manager.username(), manager.password());
        assertThat(m.get(path).status()).isEqualTo(200);
        assertThat(m.put(path, "[{\"bydel\":\"" + city.bydel + "\",\"singleCases\":15,\"version\":" + v + "}]").status()).isEqualTo(403);
        assertThat(sspOf(analyst.get(path).json(), city.bydel).get("singleCases").asInt()).isEqualTo(14);
    }

    @Test
    void onlyAnalystsAndProgrammeManagersReadTheIndex() {
        var reader = staff.user(Role.READER);
        assertThat(Api.at(port).as(reader.username(), reader.password()).get("/api/v1/safety-index?year=2025").status()).isEqualTo(403);
        var worker = staff.user(Role.CASEWORKER, staff.team("si"));
        assertThat(Api.at(port).as(worker.username(), worker.password()).get("/api/v1/safety-index?year=2025").status()).isEqualTo(403);
        var manager = staff.user(Role.PROGRAMME_MANAGER);
        assertThat(Api.at(port).as(manager.username(), manager.password()).get("/api/v1/safety-index?year=2025").status()).isEqualTo(200);
        assertThat(analyst.get("/api/v1/safety-index?year=1800").status()).isEqualTo(400);
        assertThat(SafetyTestCity.importSurvey(Api.at(port).as(reader.username(), reader.password()), HEADER).status()).isEqualTo(403);
    }
}
