package dk.vendepunkt.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.portfolio.demo.PortfolioDemoData;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The incidents register over HTTP: import and effect goal 4's API, the feeds into the portfolio, the form's validation and roles. */
@IntegrationTest
class IncidentsIT {

    static final String HEADER = "incident_ref,started_at,ended_at,kind,cause,department,institution,area\n";

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired PortfolioDemoData portfolio;
    @Autowired dk.vendepunkt.incidents.internal.DescriptionRetention retention;

    Api analyst;
    String p;

    @BeforeEach
    void setUp() {
        var u = staff.user(Role.ANALYST);
        analyst = Api.at(port).as(u.username(), u.password());
        p = "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    Api.Response importCsv(String rows) {
        return analyst.postFile("/api/v1/imports/incidents", "text/csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
    }

    /** A year of its own for each test run, so that the shared database's other incidents do not count. */
    static int freshYear(JdbcClient jdbc) {
        for (int y = 1950; y < 2000; y++) {
            long n = jdbc.sql("select count(*) from inc_incident where extract(year from started_at at time zone 'Europe/Copenhagen') between ? and ?")
                    .params(y - 1, y + 1).query(Long.class).single();
            if (n == 0) return y;
        }
        throw new IllegalStateException("no free year");
    }

    @Test
    void importedIncidentsGiveEffectGoal4AsTheContractDefinesIt() {
        int y = freshYear(jdbc);
        var r = importCsv(p + "-1," + (y - 1) + "-12-31T22:00," + y + "-01-01T04:00,CLOSURE,UNREST,BUF,Fritidsklubben,\n"
                + p + "-2," + y + "-06-01T08:00,,CLOSURE,CRISIS,SOF,Borgerservice,\n"
                + p + "-3," + y + "-03-01T08:00," + y + "-03-05T08:00,CLOSURE,OTHER,BUF,Skolen,\n"
                + p + "-4," + y + "-03-02T20:00," + y + "-03-02T20:30,THREAT_TO_STAFF,UNREST,SUF,Hjemmeplejen,\n"
                + p + "-5," + y + "-03-02T20:00," + y + "-03-02T20:30,HARASSMENT_OF_STAFF,UNREST,SUF,Hjemmeplejen,\n");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("created").asInt()).isEqualTo(5);

        JsonNode g = analyst.get("/api/v1/incidents/effect-goal-4?from=" + y + "-01-01&to=" + y + "-12-31").json();
        assertThat(g.get("from").asString()).isEqualTo(y + "-01-01");
        assertThat(g.get("closures").asInt()).isEqualTo(2);
        // 4 h of the first; the ongoing one is open from 1 June 08:00 to the period's end, 1 January 00:00
        double ongoing = java.time.Duration.between(LocalDate.of(y, 6, 1).atTime(8, 0).atZone(dk.vendepunkt.platform.Zones.ZONE),
                LocalDate.of(y + 1, 1, 1).atStartOfDay(dk.vendepunkt.platform.Zones.ZONE)).toMinutes() / 60.0;
        assertThat(g.get("closureHours").asDouble()).isEqualTo(4 + ongoing);
        assertThat(g.get("byDepartment")).hasSize(7);
        assertThat(g.get("byDepartment").get(2).get("department").asString()).isEqualTo("BUF");
        assertThat(g.get("byDepartment").get(2).get("closures").asInt()).isEqualTo(1);
        assertThat(g.get("byDepartment").get(2).get("closureHours").asDouble()).isEqualTo(4.0);
        assertThat(g.get("byDepartment").get(0).get("closures").asInt()).isZero();
        assertThat(g.get("staffIncidents").get(0).get("kind").asString()).isEqualTo("THREAT_TO_STAFF");
        assertThat(g.get("staffIncidents").get(0).get("count").asInt()).isEqualTo(1);
        assertThat(g.get("staffIncidents").get(1).get("count").asInt()).isZero();
        assertThat(g.get("staffIncidents").get(2).get("count").asInt()).isEqualTo(1);
        assertThat(g.get("goalMet").asBoolean()).isFalse();

        // re-importing a ref updates it: the ongoing closure ends, with cause OTHER it no longer counts
        r = importCsv(p + "-2," + y + "-06-01T08:00," + y + "-06-01T12:00,CLOSURE,OTHER,SOF,Borgerservice,\n");
        assertThat(r.json().get("updated").asInt()).isEqualTo(1);
        g = analyst.get("/api/v1/incidents/effect-goal-4?from=" + y + "-02-01&to=" + y + "-12-31").json();
        assertThat(g.get("closures").asInt()).isZero();
        assertThat(g.get("goalMet").asBoolean()).isTrue();
    }

    @Test
    void anImportWithABadRowStoresNothingAndNamesEveryBadCell() {
        var r = importCsv(p + "-a,2011-02-01T10:00,2011-02-01T09:00,CLOSURE,UNREST,BUF,Klubben,\n"
                + p + "-b,2011-02-01T10:00,,CLOSED,RIOT,XYZ,Mette 010203-1234,\n"
                + p + "-c,2011-02-01T10:00,,CLOSURE,UNREST,BUF,Klubben,NOPE\n");
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        String errors = r.json().get("errors").toString();
        assertThat(errors).contains("ended_at").contains("\"kind\"").contains("\"cause\"").contains("\"department\"").contains("institution")
                .contains("personoplysninger").contains("\"area\"");
        assertThat(jdbc.sql("select count(*) from inc_incident where ref like ?").param(p + "%").query(Long.class).single()).isZero();
        assertThat(analyst.get("/api/v1/incidents/effect-goal-4?from=2011-01-01&to=2010-01-01").status()).isEqualTo(400);
        assertThat(analyst.get("/api/v1/incidents/effect-goal-4?from=2011-13-01&to=2011-12-31").status()).isEqualTo(400);
    }

    BigDecimal value(String ref, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                select v.value from pf_indicator_value v join pf_indicator i on i.id = v.indicator_id
                where i.ref = ? and v.period_start = ? and v.period_end = ?""").params(ref, start, end).query(BigDecimal.class).optional().orElse(null);
    }

    @Test
    void goal4AndTheStaffCountsAreFedIntoThePortfolio() {
        portfolio.load(null);
        LocalDate from = LocalDate.of(2010, 1, 1);
        var before = analyst.get("/api/v1/incidents/effect-goal-4?from=2010-01-01&to=2013-12-31").json().get("closures").asInt();
        var threats2012 = analyst.get("/api/v1/incidents/effect-goal-4?from=2012-01-01&to=2012-12-31").json().get("staffIncidents").get(0).get("count").asInt();

        assertThat(importCsv(p + "-u,2011-08-10T18:00,2011-08-11T08:00,CLOSURE,UNREST,KFF,Kulturhuset,\n"
                + p + "-t,2012-04-10T18:00,2012-04-10T18:30,THREAT_TO_STAFF,OTHER,SUF,Hjemmeplejen,\n").status()).isEqualTo(200);

        // cumulative from the goal period's start: 2010 unchanged, from 2011 on one more
        assertThat(value("effektmaal4_lukninger", from, LocalDate.of(2011, 12, 31))).isEqualByComparingTo(BigDecimal.valueOf(
                analyst.get("/api/v1/incidents/effect-goal-4?from=2010-01-01&to=2011-12-31").json().get("closures").asInt()));
        assertThat(value("effektmaal4_lukninger", from, LocalDate.of(2013, 12, 31))).isEqualByComparingTo(BigDecimal.valueOf(before + 1));
        assertThat(value("personale_trusler", LocalDate.of(2012, 1, 1), LocalDate.of(2012, 12, 31))).isEqualByComparingTo(BigDecimal.valueOf(threats2012 + 1));

        // the goal tracks the indicator: a closure during unrest in the period means not achieved
        JsonNode goal4 = null;
        for (JsonNode g : analyst.get("/api/v1/portfolio/goals").json()) {
            if (g.get("goal").get("number").asInt() == 4) goal4 = g;
        }
        assertThat(goal4).isNotNull();
        assertThat(goal4.get("indicator").get("ref").asString()).isEqualTo("effektmaal4_lukninger");
        assertThat(goal4.get("status").asString()).isEqualTo("NOT_ACHIEVED");
    }

    // ------------------------------------------------------------------ the form and its roles

    Map<String, String> form(String institution) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("kind", "HARASSMENT_OF_STAFF");
        f.put("cause", "UNREST");
        f.put("startedAt", "2012-02-18T21:40");
        f.put("endedAt", "2012-02-18T22:10");
        f.put("department", "SUF");
        f.put("institution", institution);
        f.put("area", "");
        f.put("description", "Sten kastet mod bilen " + p);
        return f;
    }

    @Test
    void aCaseworkerReportsAnIncidentButSeesNeitherListNorGoal() {
        var caseworker = WebSession.signIn(port, staff.user(Role.CASEWORKER));
        assertThat(caseworker.get("/incidents/new").statusCode()).isEqualTo(200);
        var r = caseworker.post("/incidents/new", "/incidents", form("Aftenplejen " + p));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/incidents/new");
        var row = jdbc.sql("select department, kind, cause, reported_by, description from inc_incident where institution = ?")
                .param("Aftenplejen " + p).query().singleRow();
        assertThat(row.get("department")).isEqualTo("SUF");
        assertThat(row.get("kind")).isEqualTo("HARASSMENT_OF_STAFF");
        assertThat(row.get("description")).isEqualTo("Sten kastet mod bilen " + p);
        assertThat(caseworker.get("/incidents").statusCode()).isEqualTo(403);
        assertThat(caseworker.get("/incidents/reporting").statusCode()).isEqualTo(200);
        var reader = WebSession.signIn(port, staff.user(Role.READER));
        assertThat(reader.get("/incidents/new").statusCode()).isEqualTo(403);
        var readerApi = Api.at(port).as(staff.user(Role.READER).username(), TestStaff.PASSWORD);
        assertThat(readerApi.get("/api/v1/incidents/effect-goal-4?from=2010-01-01&to=2013-12-31").status()).isEqualTo(403);
    }

    @Test
    void theFormRefusesBadValuesWithDanishMessagesAndStoresNothing() {
        var pm = WebSession.signIn(port, staff.user(Role.PROGRAMME_MANAGER));
        Map<String, String> f = form("Borgerservice 010203-1234 " + p);
        f.put("endedAt", "2012-02-18T20:00");
        f.put("kind", "");
        f.put("department", "XYZ");
        var r = pm.post("/incidents/new", "/incidents", f);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Sluttidspunktet skal ligge efter starttidspunktet.").contains("Vælg en af mulighederne.")
                .contains("Vælg en forvaltning.").contains("Feltet må ikke indeholde personoplysninger")
                .contains("id=\"endedAt-error\"").contains("aria-invalid=\"true\"");
        Map<String, String> future = form("Borgerservice " + p);
        future.put("startedAt", LocalDate.now().plusDays(3) + "T10:00");
        future.put("endedAt", "");
        assertThat(pm.post("/incidents/new", "/incidents", future).body()).contains("Tidspunktet må ikke ligge i fremtiden.");
        assertThat(jdbc.sql("select count(*) from inc_incident where institution like ?").param("%" + p).query(Long.class).single()).isZero();
    }

    @Test
    void anAnalysisNeedsFindingsAndAResponsibleFunctionPerAction() {
        var u = staff.user(Role.ANALYST);
        var web = WebSession.signIn(port, u);
        var r = web.post("/incidents/new", "/incidents", form("Jobcentret " + p));
        String location = r.headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/incidents/"));
        Map<String, String> a = new LinkedHashMap<>();
        a.put("version", "-1");
        a.put("findings", "");
        a.put("followUp", "");
        a.put("action-0", "Hvide veste");
        a.put("responsible-0", "");
        a.put("deadline-0", "2012-13-01");
        a.put("action-1", "");
        a.put("responsible-1", "");
        a.put("deadline-1", "");
        var bad = web.post(path + "/analysis", path + "/analysis", a);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"findings-error\"").contains("id=\"responsible-0-error\"").contains("id=\"deadline-0-error\"");
        a.put("findings", "Bilerne var ikke kendt som kommunens.");
        a.put("responsible-0", "Leder af aftenplejen");
        a.put("deadline-0", "2012-06-01");
        a.put("done-0", "true");
        var ok = web.post(path + "/analysis", path + "/analysis", a);
        assertThat(ok.statusCode()).isEqualTo(302);
        String detail = web.get(path).body();
        assertThat(detail).contains("Bilerne var ikke kendt som kommunens.").contains("Leder af aftenplejen").contains("01-06-2012");
        long id = Long.parseLong(path.substring("/incidents/".length()));
        assertThat(jdbc.sql("select count(*) from inc_action where incident_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        // the read of the incident is audited
        assertThat(jdbc.sql("select count(*) from aud_event where actor = ? and subject = ? and action = 'READ'").params(u.username(), "hændelse " + id)
                .query(Long.class).single()).isPositive();
    }

    @Test
    void theReportingOverviewListsEveryDepartmentAndWhoHasNotReported() {
        var pm = WebSession.signIn(port, staff.user(Role.PROGRAMME_MANAGER));
        String month = "1960-0" + (1 + Math.floorMod(p.hashCode(), 9));
        jdbc.sql("delete from inc_month_report where month = ?::date").param(month + "-01").update();
        String page = pm.get("/incidents/reporting?month=" + month).body();
        for (String d : new String[] {"ØKF", "SOF", "BUF", "BIF", "KFF", "TMF", "SUF"}) assertThat(page).contains(">" + d + "<");
        assertThat(page).contains("Mangler");
        var r = pm.post("/incidents/reporting?month=" + month, "/incidents/reporting", Map.of("month", month, "department", "BUF"));
        assertThat(r.statusCode()).isEqualTo(302);
        page = pm.get("/incidents/reporting?month=" + month).body();
        String buf = page.substring(page.indexOf("id=\"dept-BUF\""), page.indexOf("id=\"dept-BIF\""));
        assertThat(buf).contains("Intet at indberette").doesNotContain("Mangler");
        String sof = page.substring(page.indexOf("id=\"dept-SOF\""), page.indexOf("id=\"dept-BUF\""));
        assertThat(sof).contains("Mangler");
    }

    @Test
    void theDescriptionIsClearedAfterTheRetentionPeriodButNotOfOngoingIncidents() {
        assertThat(importCsv(p + "-old,1990-03-01T10:00,1990-03-01T12:00,VANDALISM,OTHER,KFF,Biblioteket,\n"
                + p + "-open,1990-03-01T10:00,,CLOSURE,OTHER,KFF,Biblioteket,\n"
                + p + "-new," + LocalDate.now().minusYears(1) + "T10:00," + LocalDate.now().minusYears(1) + "T12:00,VANDALISM,OTHER,KFF,Biblioteket,\n").status())
                .isEqualTo(200);
        jdbc.sql("update inc_incident set description = 'Ruder smadret' where ref like ?").param(p + "-%").update();
        assertThat(retention.run()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select ref from inc_incident where ref like ? and description is null").param(p + "-%").query(String.class).list())
                .containsExactly(p + "-old");
    }
}
