package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;
import dk.vendepunkt.casework.domain.ActionPlan;
import dk.vendepunkt.casework.domain.LifeDomain;
import dk.vendepunkt.casework.internal.AssessmentService;
import dk.vendepunkt.casework.internal.PlanSummaries;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CasePlanApiIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired JdbcClient jdbc;
    @Autowired AssessmentService assessmentService;
    @Autowired PlanSummaries summaries;
    @Autowired dk.vendepunkt.casework.internal.EnrolmentAccess access;

    long team;
    long enrolment;
    TestStaff.User caseworker;
    Api api;
    String base;

    static final String TODAY = LocalDate.now().toString();
    static final String YESTERDAY = LocalDate.now().minusDays(1).toString();

    @BeforeEach
    void setUp() {
        team = staff.team("plan");
        caseworker = staff.user(Role.CASEWORKER, team);
        enrolment = enrolments.enrolment(team);
        api = Api.at(port).as(caseworker.username(), caseworker.password());
        base = "/api/v1/enrolments/" + enrolment;
    }

    static List<Map<String, Object>> ratings(String need) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LifeDomain d : LifeDomain.values()) {
            out.add(Map.of("domain", d.name(), "situation", "Syntetisk beskrivelse af " + d.name(), "needLevel", need));
        }
        return out;
    }

    long audits(String action) {
        return jdbc.sql("select count(*) from aud_event where enrolment_id = ? and action = ?").params(enrolment, action).query(Long.class).single();
    }

    @Test
    void baselineThenReassessmentWithRiskLevelFromDomainScores() {
        var instruments = api.get(base + "/assessments/instruments");
        assertThat(instruments.status()).as(instruments.toString()).isEqualTo(200);
        assertThat(instruments.json().get(0).get("code").asString()).isEqualTo("GENERIC_9");

        var first = api.post(base + "/assessments", Map.of("assessedOn", YESTERDAY, "summary", "Udgangssituation", "domains", ratings("HIGH")));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("kind").asString()).isEqualTo("BASELINE");
        assertThat(first.json().get("totalScore").asInt()).isEqualTo(27);
        assertThat(first.json().get("riskLevel").asString()).isEqualTo("VERY_HIGH");

        List<Map<String, Object>> better = ratings("LOW");
        better.set(0, Map.of("domain", "ECONOMY", "needLevel", "HIGH", "score", 3));
        var second = api.post(base + "/assessments", Map.of("assessedOn", TODAY, "domains", better));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().get("kind").asString()).isEqualTo("REASSESSMENT");
        assertThat(second.json().get("totalScore").asInt()).isEqualTo(3 + 8);
        assertThat(second.json().get("riskLevel").asString()).isEqualTo("MODERATE");

        var list = api.get(base + "/assessments");
        assertThat(list.json().valueStream().map(n -> n.get("kind").asString())).containsExactly("BASELINE", "REASSESSMENT");
        var one = api.get(base + "/assessments/" + second.json().get("id").asLong());
        assertThat(one.json().get("domains").size()).isEqualTo(9);
        assertThat(audits("READ")).isGreaterThanOrEqualTo(3);
        assertThat(audits("UPDATE")).isGreaterThanOrEqualTo(2);

        // the comparison the closure summary uses
        dk.vendepunkt.support.SignedIn.as(caseworker, Role.CASEWORKER);
        try {
            var c = assessmentService.againstBaseline(access.read(enrolment)).orElseThrow();
            assertThat(c.totalChange()).isEqualTo(11 - 27);
            assertThat(c.levelLowered()).isTrue();
            assertThat(c.domains()).filteredOn(d -> d.domain() == LifeDomain.ECONOMY).singleElement()
                    .satisfies(d -> assertThat(d.change()).isZero());
            assertThat(c.domains()).filteredOn(d -> d.domain() == LifeDomain.HOUSING).singleElement()
                    .satisfies(d -> assertThat(d.change()).isEqualTo(-2));
        } finally {
            dk.vendepunkt.support.SignedIn.clear();
        }
    }

    @Test
    void operationsAreInTheOpenApiDocument() {
        var docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/enrolments/{id}/assessments", "/api/v1/enrolments/{id}/plan",
                "/api/v1/enrolments/{id}/mentors", "/api/v1/enrolments/{id}/journal", "/api/v1/enrolments/{id}/contacts",
                "/api/v1/enrolments/{id}/purchases", "/api/v1/programmes/{code}/pool/purchases/{purchaseId}/approve");
    }

    @Test
    void assessmentValidationNamesTheFields() {
        List<Map<String, Object>> r = new ArrayList<>(ratings("LOW"));
        r.removeFirst();
        r.set(0, Map.of("domain", "HOUSING", "needLevel", "LOW", "score", 9));
        var bad = api.post(base + "/assessments", Map.of("assessedOn", LocalDate.now().plusDays(2).toString(), "domains", r));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("assessedOn", "domains[ECONOMY].needLevel", "domains[HOUSING].score");
        var unknown = api.post(base + "/assessments", Map.of("instrumentCode", "LS_RNR_PROPRIETARY", "assessedOn", TODAY, "domains", ratings("LOW")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("instrumentCode");
    }

    Map<String, Object> plan(int version, String reason, boolean agreed, String... goalTexts) {
        List<Map<String, Object>> goals = new ArrayList<>();
        for (String g : goalTexts) {
            goals.add(Map.of("domain", "EDUCATION_EMPLOYMENT", "text", g, "actions", List.of(
                    Map.of("text", "Møde i jobcentret", "department", "BIF", "responsiblePerson", "Vejleder", "dueDate", TODAY, "status", "PLANNED"))));
        }
        Map<String, Object> m = new HashMap<>(Map.of("version", version, "agreed", agreed, "goals", goals));
        if (reason != null) m.put("reason", reason);
        if (agreed) m.put("agreedOn", TODAY);
        return m;
    }

    @Test
    void planVersionsWithReasonAgreementHistoryAndStaleRefusal() {
        var empty = api.get(base + "/plan");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("version").asInt()).isZero();

        var v1 = api.put(base + "/plan", plan(0, null, true, "Starte på uddannelse"));
        assertThat(v1.status()).as(v1.toString()).isEqualTo(200);
        assertThat(v1.json().get("number").asInt()).isEqualTo(1);

        var v2 = api.put(base + "/plan", plan(1, "Nyt mål efter opfølgning", false, "Starte på uddannelse", "Fritidsjob"));
        assertThat(v2.status()).as(v2.toString()).isEqualTo(200);
        assertThat(v2.json().get("number").asInt()).isEqualTo(2);
        assertThat(v2.json().get("agreement").get("agreed").asBoolean()).isFalse();

        var stale = api.put(base + "/plan", plan(1, "Fra en gammel side", true, "x"));
        assertThat(stale.status()).isEqualTo(409);

        var noReason = api.put(base + "/plan", plan(2, " ", true, "x"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

        var noVersion = api.put(base + "/plan", Map.of("reason", "x", "agreed", true, "agreedOn", TODAY, "goals", List.of()));
        assertThat(noVersion.status()).isEqualTo(400);

        var current = api.get(base + "/plan");
        assertThat(current.json().get("version").asInt()).isEqualTo(2);
        assertThat(current.json().get("current").get("goals").size()).isEqualTo(2);
        assertThat(current.json().get("history").valueStream().map(h -> h.get("number").asInt())).containsExactly(2, 1);
        assertThat(current.json().get("history").get(0).get("changes").valueStream().map(c -> c.get("kind").asString()))
                .containsExactly("GOAL_ADDED", "ACTION_ADDED");
        dk.vendepunkt.support.SignedIn.as(caseworker, Role.CASEWORKER);
        try {
            var s = summaries.summary(access.read(enrolment), LocalDate.now().plusDays(1));
            assertThat(s.planVersion()).isEqualTo(2);
            assertThat(s.goals()).isEqualTo(2);
            assertThat(s.openActions()).isEqualTo(2);
            assertThat(s.overdueActions()).isEqualTo(2);
            assertThat(summaries.openActions(List.of(enrolment), LocalDate.now())).hasSize(2).noneMatch(PlanSummaries.OpenAction::overdue);
        } finally {
            dk.vendepunkt.support.SignedIn.clear();
        }
        var old = api.get(base + "/plan/versions/1");
        assertThat(old.json().get("goals").size()).isEqualTo(1);
        assertThat(old.json().get("reason").asString()).isEqualTo(ActionPlan.FIRST_VERSION_REASON);
        assertThat(api.get(base + "/plan/versions/9").status()).isEqualTo(404);
    }

    @Test
    void mentorsStaffAndExternalWithPeriods() {
        var external = api.post(base + "/mentors", Map.of("kind", "EXTERNAL", "name", "Ekstern Mentorsen", "organisation", "Foreningen X",
                "startDate", YESTERDAY));
        assertThat(external.status()).as(external.toString()).isEqualTo(201);
        var staffMentor = api.post(base + "/mentors", Map.of("kind", "STAFF", "staffUserId", caseworker.id(), "startDate", TODAY));
        assertThat(staffMentor.status()).as(staffMentor.toString()).isEqualTo(201);
        assertThat(staffMentor.json().get("name").asString()).isEqualTo("Test " + caseworker.username());

        JsonNode list = api.get(base + "/mentors").json();
        assertThat(list.size()).isEqualTo(2);
        JsonNode ended = list.get(1);
        assertThat(ended.get("endDate").asString()).isEqualTo(LocalDate.now().minusDays(1).toString());

        var bad = api.post(base + "/mentors", Map.of("kind", "EXTERNAL", "startDate", YESTERDAY));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString())).contains("name", "startDate");

        long id = staffMentor.json().get("id").asLong();
        int version = staffMentor.json().get("version").asInt();
        var end = api.put(base + "/mentors/" + id, Map.of("endDate", TODAY, "version", version));
        assertThat(end.status()).as(end.toString()).isEqualTo(200);
        assertThat(api.put(base + "/mentors/" + id, Map.of("endDate", TODAY, "version", version)).status()).isEqualTo(409);
    }

    @Test
    void theJournalPageNamesTheNotesAuthorByName() {
        assertThat(api.post(base + "/journal", Map.of("noteDate", TODAY, "text", "Samtale om skole.")).status()).isEqualTo(201);
        var page = dk.vendepunkt.support.WebSession.signIn(port, caseworker).page("/enrolments/" + enrolment + "/journal");
        assertThat(page.statusCode()).isEqualTo(200);
        var heading = org.jsoup.Jsoup.parse(page.body()).select("h3").stream().map(e -> e.text())
                .filter(t -> t.startsWith(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy").format(LocalDate.parse(TODAY)))).findFirst().orElseThrow();
        assertThat(heading).endsWith("– Test " + caseworker.username());
    }

    @Test
    void journalNotesAndContactsWithAttendance() {
        var note = api.post(base + "/journal", Map.of("noteDate", TODAY, "text", "Samtale om bolig."));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        assertThat(api.post(base + "/journal", Map.of("noteDate", TODAY, "text", " ")).status()).isEqualTo(400);
        assertThat(api.get(base + "/journal").json().size()).isEqualTo(1);

        var planned = api.post(base + "/contacts", Map.of("contactDate", TODAY, "type", "MEETING"));
        assertThat(planned.status()).as(planned.toString()).isEqualTo(201);
        assertThat(planned.json().get("attended").isNull()).isTrue();
        long id = planned.json().get("id").asLong();
        var attended = api.put(base + "/contacts/" + id, Map.of("attended", false, "note", "Udeblev", "version", 0));
        assertThat(attended.status()).as(attended.toString()).isEqualTo(200);
        assertThat(attended.json().get("attended").asBoolean()).isFalse();
        assertThat(api.put(base + "/contacts/" + id, Map.of("attended", true, "version", 0)).status()).isEqualTo(409);
        var contacts = api.get(base + "/contacts");
        assertThat(contacts.status()).isEqualTo(200);
        assertThat(contacts.json().valueStream().map(c -> c.get("note").asString())).containsExactly("Udeblev");
        var bad = api.post(base + "/contacts", Map.of("contactDate", LocalDate.now().plusDays(3).toString(), "attended", true));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString())).containsExactlyInAnyOrder("attended", "type");
    }

    @Test
    void purchaseRequestWithExactAmount() {
        var p = api.post(base + "/purchases", Map.of("purpose", "Kørekort", "supplier", "Køreskole A/S", "amount", "12345.67", "requestedOn", TODAY));
        assertThat(p.status()).as(p.toString()).isEqualTo(201);
        assertThat(p.json().get("amount").decimalValue()).isEqualByComparingTo("12345.67");
        assertThat(p.json().get("status").asString()).isEqualTo("REQUESTED");
        var bad = api.post(base + "/purchases", Map.of("purpose", "", "supplier", "x", "amount", "10.001", "requestedOn", TODAY));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString())).containsExactlyInAnyOrder("purpose", "amount");
        assertThat(api.get(base + "/purchases").json().size()).isEqualTo(1);
    }

    @Test
    void caseworkerOutsideTheTeamIsRefusedAndAudited() {
        TestStaff.User outsider = staff.user(Role.CASEWORKER, staff.team("other"));
        Api other = Api.at(port).as(outsider.username(), outsider.password());
        long before = audits("DENIED");
        for (String path : List.of("/assessments", "/plan", "/mentors", "/journal", "/contacts", "/purchases")) {
            assertThat(other.get(base + path).status()).as(path).isEqualTo(403);
        }
        assertThat(other.post(base + "/journal", Map.of("noteDate", TODAY, "text", "x")).status()).isEqualTo(403);
        assertThat(other.put(base + "/plan", plan(0, null, true, "x")).status()).isEqualTo(403);
        assertThat(audits("DENIED")).isEqualTo(before + 8);
        assertThat(jdbc.sql("select count(*) from cw_journal_note where enrolment_id = ?").param(enrolment).query(Long.class).single()).isZero();

        TestStaff.User analyst = staff.user(Role.ANALYST);
        assertThat(Api.at(port).as(analyst.username(), analyst.password()).get(base + "/plan").status()).isEqualTo(403);
    }

    @Test
    void aClosedForloebIsReadOnlyButTheJournalContinues() {
        assertThat(api.post(base + "/journal", Map.of("noteDate", TODAY, "text", "Før afslutning")).status()).isEqualTo(201);
        enrolments.close(enrolment, LocalDate.now(), "COMPLETED");
        assertThat(api.get(base + "/journal").status()).isEqualTo(200);
        // documentation continues after closure (issue 11, item 7); contacts are no longer recorded or planned
        assertThat(api.post(base + "/journal", Map.of("noteDate", TODAY, "text", "Efter afslutning")).status()).isEqualTo(201);
        var refused = api.post(base + "/contacts", Map.of("contactDate", TODAY, "type", "MEETING"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("enrolment");
        assertThat(api.put(base + "/plan", plan(0, null, true, "x")).status()).isEqualTo(400);
    }
}
