package dk.vendepunkt.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** initiatives.csv and indicator-values.csv over the import endpoint, the summary contract, roles and locking. */
@IntegrationTest
class PortfolioApiIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired IndicatorFeed feed;

    /** A year no other test uses (the database is shared by the test JVM). */
    static int uniqueYear() {
        return 2030 + ThreadLocalRandom.current().nextInt(70);
    }

    static String prefix() {
        return "T" + System.nanoTime();
    }

    Api analyst() {
        var u = staff.user(Role.ANALYST);
        return Api.at(port).as(u.username(), u.password());
    }

    static Api.Response csv(Api api, String kind, String body) {
        return api.postFile("/api/v1/imports/" + kind, "text/csv", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void importIsAllOrNothingIdempotentAndTheSummaryIsExact() {
        Api api = analyst();
        String p = prefix();
        int year = uniqueYear();
        while (api.get("/api/v1/portfolio/summary?year=" + year).json().get("total").get("initiatives").asInt() > 0) year = uniqueYear();
        String file = "initiative_ref,name,department,focus_area,year,budget_type,amount_dkk,funding,note\n"
                + p + "-A,Indsats A,BUF,2," + year + ",DRIFT,1000000.10,FUNDED,\n"
                + p + "-A,Indsats A,BUF,2," + year + ",ANLAEG,0.20,FUNDED,tal fra 2009\n"
                + p + "-A,Indsats A,BUF,2," + (year + 1) + ",DRIFT,5,FUNDED,\n"
                + p + "-B,\"Indsats B, med komma\",SOF,," + year + ",DRIFT,250000,UNCLEAR,\n"
                + p + "-C,Indsats C,BUF,6," + year + ",ANLAEG,3.5,,\n";
        var ok = csv(api, "initiatives", file);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("rows").asInt()).isEqualTo(5);
        assertThat(ok.json().get("created").asInt()).isEqualTo(5);

        JsonNode s = api.get("/api/v1/portfolio/summary?year=" + year).json();
        assertThat(s.get("year").asInt()).isEqualTo(year);
        assertThat(s.get("total").get("initiatives").asInt()).isEqualTo(3);
        assertThat(s.get("total").get("amountDkk").decimalValue()).isEqualTo(new BigDecimal("1250003.8"));
        JsonNode buf = s.get("byDepartment").get(0);
        assertThat(buf.get("department").asString()).isEqualTo("BUF");
        assertThat(buf.get("initiatives").asInt()).isEqualTo(2);
        assertThat(buf.get("amountDkk").decimalValue()).isEqualTo(new BigDecimal("1000003.8"));
        assertThat(s.get("byDepartment").get(1).get("amountDkk").toString()).isEqualTo("250000");
        assertThat(s.get("byFocusArea")).hasSize(3);

        // re-import with a changed amount: updated, not duplicated
        var again = csv(api, "initiatives", file.replace("250000,UNCLEAR", "300000,UNFUNDED"));
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("updated").asInt()).isEqualTo(5);
        s = api.get("/api/v1/portfolio/summary?year=" + year).json();
        assertThat(s.get("total").get("initiatives").asInt()).isEqualTo(3);
        assertThat(s.get("total").get("amountDkk").decimalValue()).isEqualTo(new BigDecimal("1300003.8"));

        // a file with one bad row stores nothing and names every bad cell
        var bad = csv(api, "initiatives", "initiative_ref,name,department,focus_area,year,budget_type,amount_dkk,funding,note\n"
                + p + "-D,Indsats D,BUF,1," + year + ",DRIFT,99,FUNDED,\n"
                + p + "-E,Indsats E,XYZ,1," + year + ",DRIFT,\"1.000,5\",FUNDED,\n");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors")).hasSize(2);
        assertThat(bad.json().get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/portfolio/summary?year=" + year).json().get("total").get("initiatives").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/portfolio/initiatives?q=" + p + "-D").json().get("total").asInt()).isZero();

        // the budget table over years has the initiative's two years and the totals
        JsonNode table = api.get("/api/v1/portfolio/budget?from=" + year + "&to=" + (year + 1) + "&department=BUF").json();
        assertThat(table.get("years")).hasSize(2);
        assertThat(table.get("grandTotal").decimalValue()).isEqualTo(new BigDecimal("1000008.8"));
    }

    @Test
    void rolesAndOptimisticLocking() {
        Api api = analyst();
        String p = prefix();
        var created = api.post("/api/v1/portfolio/initiatives", Map.of("ref", p, "name", "Gadeplan", "department", "SOF", "focusArea", 2,
                "funding", "EXTENSION_WANTED", "age15to18", true, "citizens", 40, "ftes", "2.5"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("initiative").get("id").asLong();
        int version = created.json().get("initiative").get("version").asInt();

        var invalid = api.post("/api/v1/portfolio/initiatives", Map.of("ref", p + "x", "name", "", "department", "XXX"));
        assertThat(invalid.status()).isEqualTo(400);

        var change = new java.util.HashMap<String, Object>(Map.of("ref", p, "name", "Gadeplan 2", "department", "SOF", "version", version));
        assertThat(api.put("/api/v1/portfolio/initiatives/" + id, change).status()).isEqualTo(200);
        var stale = api.put("/api/v1/portfolio/initiatives/" + id, change);
        assertThat(stale.status()).isEqualTo(409);

        var line = api.post("/api/v1/portfolio/initiatives/" + id + "/budget-lines", Map.of("year", 2012, "budgetType", "ANLAEG", "amountDkk", "1234.56"));
        assertThat(line.status()).as(line.toString()).isEqualTo(200);
        assertThat(line.json().get(0).get("amountDkk").decimalValue()).isEqualTo(new BigDecimal("1234.56"));
        var crit = api.post("/api/v1/portfolio/initiatives/" + id + "/success-criteria",
                Map.of("criterion", "Unge i job", "target", "50 %", "measurementSource", "OPERA"));
        assertThat(crit.status()).isEqualTo(200);

        var pm = staff.user(Role.PROGRAMME_MANAGER);
        Api manager = Api.at(port).as(pm.username(), pm.password());
        assertThat(manager.get("/api/v1/portfolio/initiatives/" + id).status()).isEqualTo(200);
        assertThat(manager.get("/api/v1/portfolio/summary?year=2012").status()).isEqualTo(200);
        assertThat(manager.put("/api/v1/portfolio/initiatives/" + id, change).status()).isEqualTo(403);
        assertThat(csv(manager, "initiatives", "initiative_ref,name,department,focus_area,year,budget_type,amount_dkk,funding,note\n").status()).isEqualTo(403);

        var r = staff.user(Role.READER);
        Api reader = Api.at(port).as(r.username(), r.password());
        assertThat(reader.get("/api/v1/portfolio/summary?year=2012").status()).isEqualTo(403);
        assertThat(reader.get("/api/v1/portfolio/initiatives").status()).isEqualTo(403);
        var cw = staff.user(Role.CASEWORKER, staff.team("pf"));
        assertThat(Api.at(port).as(cw.username(), cw.password()).get("/api/v1/portfolio/goals").status()).isEqualTo(403);
    }

    @Test
    void indicatorSeriesImportTrendAndGoalStatus() {
        Api api = analyst();
        String ref = "ind_" + System.nanoTime();
        var ind = api.post("/api/v1/portfolio/indicators", Map.of("ref", ref, "name", "Antal lukninger", "unit", "antal", "department", "OKF", "direction", "DOWN"));
        assertThat(ind.status()).as(ind.toString()).isEqualTo(201);
        long id = ind.json().get("indicator").get("id").asLong();

        var bad = csv(api, "indicator-values", "indicator_ref,period_start,period_end,value,source,note\n"
                + ref + ",2010-01-01,2010-12-31,4,ØKF,\n"
                + "ukendt,2011-01-01,2010-12-31,x,,\n");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors")).hasSize(3);
        assertThat(api.get("/api/v1/portfolio/indicators/" + id).json().get("values")).isEmpty();

        String good = "indicator_ref,period_start,period_end,value,source,note\n"
                + ref + ",2010-01-01,2010-12-31,4,ØKF,\n"
                + ref + ",2011-01-01,2011-12-31,2,ØKF,foreløbigt\n";
        assertThat(csv(api, "indicator-values", good).json().get("created").asInt()).isEqualTo(2);
        assertThat(csv(api, "indicator-values", good).json().get("updated").asInt()).isEqualTo(2);
        JsonNode view = api.get("/api/v1/portfolio/indicators/" + id).json();
        assertThat(view.get("values")).hasSize(2);
        assertThat(view.get("trend").get("movement").asString()).isEqualTo("IMPROVING");
        assertThat(view.get("trend").get("basis").asString()).isEqualTo("YEAR_EARLIER");

        var goal = api.post("/api/v1/portfolio/goals/9", Map.of("text", "Ingen lukninger", "department", "OKF", "targetValue", 0,
                "targetKind", "LEVEL", "direction", "DOWN", "deadline", "2099-12-31", "indicatorId", id));
        assertThat(goal.status()).as(goal.toString()).isEqualTo(201);
        JsonNode goals = api.get("/api/v1/portfolio/goals").json();
        JsonNode g9 = null;
        for (JsonNode g : goals) if (g.get("goal").get("number").asInt() == 9) g9 = g;
        assertThat(g9.get("status").asString()).isEqualTo("ON_TRACK");
        api.post("/api/v1/portfolio/indicators/" + id + "/values", Map.of("periodStart", "2012-01-01", "periodEnd", "2012-12-31", "value", 3));
        goals = api.get("/api/v1/portfolio/goals").json();
        for (JsonNode g : goals) if (g.get("goal").get("number").asInt() == 9) g9 = g;
        assertThat(g9.get("status").asString()).isEqualTo("OFF_TRACK");
        assertThat(g9.get("latestValue").decimalValue()).isEqualByComparingTo("3");
    }

    @Test
    void otherModulesFeedAnIndicatorsSeries() {
        Api api = analyst();
        String ref = "feed_" + System.nanoTime();
        assertThat(feed.defined(ref)).isFalse();
        long id = api.post("/api/v1/portfolio/indicators", Map.of("ref", ref, "name", "Anmeldelser", "unit", "antal", "department", "OKF", "direction", "DOWN"))
                .json().get("indicator").get("id").asLong();
        assertThat(feed.defined(ref)).isTrue();
        var start = java.time.LocalDate.of(2011, 1, 1);
        var end = java.time.LocalDate.of(2011, 12, 31);
        assertThat(feed.record(ref, start, end, new BigDecimal("120"), "crimestats")).isTrue();
        assertThat(feed.record(ref, start, end, new BigDecimal("118"), "crimestats")).isFalse();
        JsonNode values = api.get("/api/v1/portfolio/indicators/" + id).json().get("values");
        assertThat(values).hasSize(1);
        assertThat(values.get(0).get("value").decimalValue()).isEqualByComparingTo("118");
        assertThat(values.get(0).get("source").asString()).isEqualTo("crimestats");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> feed.record("no_such_" + ref, start, end, BigDecimal.ONE, "x"))
                .isInstanceOf(dk.vendepunkt.platform.NotFoundException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> feed.record(ref, end, start, BigDecimal.ONE, "x"))
                .isInstanceOf(dk.vendepunkt.platform.ValidationException.class);
    }
}
