package dk.vendepunkt.people;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.platform.VendepunktProperties;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Break-the-glass (issue 12, part 5): who may open it, the reason rule, the window of vendepunkt.break-glass.hours
 * measured on the injected clock, BREAK_GLASS audit rows for every access in it, and the DPO's review.
 */
@IntegrationTest
class BreakGlassIT {

    static final String REASON = "Politiet ringer: akut bekymring for personens sikkerhed i nat";

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired VendepunktProperties props;
    @Autowired PersonDirectory directory;

    long team;
    long otherTeam;
    TestStaff.User outsider, outsideManager, teamCaseworker, admin, dpo, analyst, reader;
    long person;
    String cpr;
    long enrolment;

    @BeforeEach
    void setUp() {
        team = staff.team("glass");
        otherTeam = staff.team("glass-other");
        outsider = staff.user(Role.CASEWORKER, otherTeam);
        outsideManager = staff.user(Role.PROGRAMME_MANAGER, otherTeam);
        teamCaseworker = staff.user(Role.CASEWORKER, team);
        admin = staff.user(Role.ADMIN);
        dpo = staff.user(Role.DPO);
        analyst = staff.user(Role.ANALYST);
        reader = staff.user(Role.READER);
        cpr = TestStaff.uniqueCpr();
        person = directory.registerSystem(CprNumber.parse(cpr).orElseThrow(), "Glenn", "Glasbrud", "D01", team);
        enrolment = enrolments.enrolment(person, team, "EXIT", "IDENTIFICATION", LocalDate.now().minusDays(10), null);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Api api(TestStaff.User u) {
        return Api.at(port).as(u.username(), u.password());
    }

    long open(TestStaff.User u) {
        var r = api(u).post("/api/v1/persons/" + person + "/break-glass", Map.of("reason", REASON));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long audited(TestStaff.User u, String action) {
        return jdbc.sql("select count(*) from aud_event where actor = ? and person_id = ? and action = ?")
                .params(u.username(), person, action).query(Long.class).single();
    }

    @Test
    void authorisationMatrix() {
        Map<TestStaff.User, Integer> open = new LinkedHashMap<>();
        open.put(outsider, 201);
        open.put(outsideManager, 201);
        open.put(teamCaseworker, 400); // has access already
        open.put(admin, 403);
        open.put(dpo, 403);
        open.put(analyst, 403);
        open.put(reader, 403);
        List<String> wrong = new ArrayList<>();
        long grant = 0;
        for (var e : open.entrySet()) {
            var r = api(e.getKey()).post("/api/v1/persons/" + person + "/break-glass", Map.of("reason", REASON));
            if (r.status() != e.getValue()) wrong.add(e.getKey().username() + " open " + r);
            if (r.status() == 201) grant = r.json().get("id").asLong();
        }
        for (var u : List.of(outsider, outsideManager, teamCaseworker, admin, analyst, reader)) {
            if (api(u).get("/api/v1/break-glass").status() != 403) wrong.add(u.username() + " list");
            if (api(u).post("/api/v1/break-glass/" + grant + "/review", Map.of("outcome", "ACCEPTED")).status() != 403) wrong.add(u.username() + " review");
        }
        for (var u : List.of(outsider, outsideManager, teamCaseworker, admin, dpo, analyst, reader)) {
            int page = new dk.vendepunkt.support.WebSession(port, u).get("/dpo/break-glass").statusCode();
            if (page != (u == dpo ? 200 : 403)) wrong.add(u.username() + " review page " + page);
        }
        if (api(dpo).get("/api/v1/break-glass").status() != 200) wrong.add("dpo list");
        if (api(dpo).post("/api/v1/break-glass/" + grant + "/review", Map.of("outcome", "ACCEPTED")).status() != 200) wrong.add("dpo review");
        assertThat(wrong).isEmpty();
        assertThat(api(teamCaseworker).post("/api/v1/persons/" + person + "/break-glass", Map.of("reason", REASON)).body())
                .contains("allerede adgang");
    }

    @Test
    void theReasonNeedsTwentyCharacters() {
        var r = api(outsider).post("/api/v1/persons/" + person + "/break-glass", Map.of("reason", "   Akut, ring nu   "));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Skriv en begrundelse på mindst 20 tegn for at bryde glasset");
        assertThat(api(outsider).post("/api/v1/persons/" + person + "/break-glass", Map.of()).status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from ppl_break_glass where person_id = ?").param(person).query(Long.class).single()).isZero();
    }

    @Test
    void accessLastsTheConfiguredHoursAndEveryReadInTheWindowIsAuditedAsBreakGlass() {
        Api cw = api(outsider);
        assertThat(cw.get("/api/v1/persons/" + person).status()).isEqualTo(403);
        assertThat(cw.get("/api/v1/enrolments/" + enrolment).status()).isEqualTo(403);
        assertThat(cw.get("/api/v1/persons?q=" + cpr).json()).isEmpty();

        open(outsider);
        long before = audited(outsider, "BREAK_GLASS");
        assertThat(before).isEqualTo(1); // the opening, with the reason
        assertThat(cw.get("/api/v1/persons/" + person).status()).isEqualTo(200);
        assertThat(cw.get("/api/v1/enrolments/" + enrolment).status()).isEqualTo(200);
        var cases = cw.get("/api/v1/persons/" + person + "/cases");
        assertThat(cases.status()).isEqualTo(200);
        assertThat(cases.json().get("enrolments").get(0).get("id").asLong()).isEqualTo(enrolment); // the other team's forløb listed
        assertThat(cw.get("/api/v1/persons?q=" + cpr).json()).hasSize(1);
        assertThat(audited(outsider, "BREAK_GLASS")).isEqualTo(before + 3);
        // a second opening while one is open is not needed
        assertThat(cw.post("/api/v1/persons/" + person + "/break-glass", Map.of("reason", REASON)).status()).isEqualTo(400);

        // just before the end of the window: still open
        clock.advance(Duration.ofHours(props.breakGlass().hours()).minusMinutes(1));
        assertThat(cw.get("/api/v1/persons/" + person).status()).isEqualTo(200);
        // past it: closed again, refusals audited
        clock.advance(Duration.ofMinutes(2));
        long denied = audited(outsider, "DENIED");
        assertThat(cw.get("/api/v1/persons/" + person).status()).isEqualTo(403);
        assertThat(cw.get("/api/v1/enrolments/" + enrolment).status()).isEqualTo(403);
        assertThat(cw.get("/api/v1/persons?q=" + cpr).json()).isEmpty();
        assertThat(audited(outsider, "DENIED")).isEqualTo(denied + 2);
        // the team member's reads are ordinary reads
        assertThat(api(teamCaseworker).get("/api/v1/persons/" + person).status()).isEqualTo(200);
        assertThat(audited(teamCaseworker, "BREAK_GLASS")).isZero();
    }

    @Test
    void theDpoSeesEachOpeningUntilReviewed() {
        long grant = open(outsider);
        Api d = api(dpo);
        assertThat(grants(d.get("/api/v1/break-glass").json())).contains(grant);
        var line = first(d.get("/api/v1/break-glass").json(), grant);
        assertThat(line.get("grant").get("reason").asString()).isEqualTo(REASON);
        assertThat(line.get("grant").get("username").asString()).isEqualTo(outsider.username());
        assertThat(line.get("open").asBoolean()).isTrue();

        var noNote = d.post("/api/v1/break-glass/" + grant + "/review", Map.of("outcome", "REPORTED"));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body()).contains("Skriv en bemærkning");
        var noOutcome = d.post("/api/v1/break-glass/" + grant + "/review", Map.of("note", "x"));
        assertThat(noOutcome.status()).isEqualTo(400);
        assertThat(noOutcome.body()).contains("Vælg om adgangen godkendes eller indberettes");
        var reported = d.post("/api/v1/break-glass/" + grant + "/review", Map.of("outcome", "REPORTED", "note", "Ingen akut situation i journalen"));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
        assertThat(reported.json().get("review").asString()).isEqualTo("REPORTED");
        assertThat(reported.json().get("reviewedBy").asString()).isEqualTo(dpo.username());

        assertThat(grants(d.get("/api/v1/break-glass").json())).doesNotContain(grant);
        assertThat(grants(d.get("/api/v1/break-glass?all=true").json())).contains(grant);
        assertThat(d.post("/api/v1/break-glass/" + grant + "/review", Map.of("outcome", "ACCEPTED")).status()).isEqualTo(409);
        assertThat(audited(dpo, "UPDATE")).isEqualTo(1);
    }

    static List<Long> grants(tools.jackson.databind.JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(l -> out.add(l.get("grant").get("id").asLong()));
        return out;
    }

    static tools.jackson.databind.JsonNode first(tools.jackson.databind.JsonNode list, long grant) {
        for (var l : list) if (l.get("grant").get("id").asLong() == grant) return l;
        throw new AssertionError("grant " + grant + " not listed");
    }
}
