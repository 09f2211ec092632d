package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.casework.domain.FamilyPlan;
import dk.vendepunkt.casework.internal.FamilyPlanService;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.RetentionHandler;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.FamilyWorkFixtures;
import dk.vendepunkt.support.FamilyWorkFixtures.FamilyInAssessment;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The six-part assessment and the family action plan over the API ({@code /api/v1/family-cases/{id}/assessment} and
 * {@code /plan}): parts filled, completion refused until parts 1, 2 and 5 are filled, stale versions 409, field errors
 * 400; sharing a part on consent refused with a withdrawn consent and logged as a disclosure with a valid one; plan
 * versions with reasons, the family's agreement, a review, overdue steps; a caseworker outside the team 403 and audited.
 */
@IntegrationTest
class FamilyWorkApiIT {

    @LocalServerPort int port;
    @Autowired FamilyWorkFixtures fixtures;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired FamilyPlanService plans;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Api as(TestStaff.User u) {
        return Api.at(port).as(u.username(), u.password());
    }

    static List<String> fields(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        return r.json().get("errors").findValuesAsString("field");
    }

    Map<String, Object> summary(long person, String text) {
        return Map.of("personId", person, "department", "SOF", "source", "KMD Sag, sag 4711", "summaryDate", today().minusDays(100).toString(),
                "summary", text);
    }

    @Test
    void theAssessmentIsFilledCompletedAndThenReadOnly() {
        FamilyInAssessment f = fixtures.familyInAssessment("Familien Udredesen");
        Api api = as(f.coordinator());
        String base = "/api/v1/family-cases/" + f.caseId() + "/assessment";

        JsonNode a = api.get(base).json();
        assertThat(a.get("assessment").get("status").asString()).isEqualTo("DRAFT");
        assertThat(a.get("members").findValuesAsString("relation")).containsExactlyInAnyOrder("MOTHER", "CHILD");
        JsonNode screening = a.get("screening").get(0);
        assertThat(screening.get("personId").asLong()).isEqualTo(f.child());
        assertThat(screening.get("fittingInstrument").asString()).isEqualTo("YLS/CMI (12-17 år)");
        assertThat(screening.get("enrolmentId").isNull()).isFalse();
        assertThat(screening.get("assessments").asInt()).isZero();
        // part 4 reads the child's forløb's assessments (recorded there, not here)
        long enrolment = screening.get("enrolmentId").asLong();
        jdbc.sql("""
                insert into cw_assessment (enrolment_id, instrument_code, kind, assessed_on, total_score, max_score, risk_level, assessed_by)
                select ?, code, 'BASELINE', ?, 20, 40, 'HIGH', 'test' from cw_assessment_instrument where default_instrument""")
                .params(enrolment, today().minusDays(5)).update();
        screening = api.get(base).json().get("screening").get(0);
        assertThat(screening.get("assessments").asInt()).isEqualTo(1);
        assertThat(screening.get("latestLevel").asString()).isEqualTo("HIGH");
        assertThat(screening.get("latestOn").asString()).isEqualTo(today().minusDays(5).toString());

        // part 2: a summary over the limit is refused; a summary is saved
        assertThat(fields(api.post(base + "/journal-summaries", summary(f.mother(), "x".repeat(1501))))).containsExactly("summary");
        var added = api.post(base + "/journal-summaries", summary(f.mother(), "Mor har haft kontakt om økonomi; ingen aktuel sag."));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("author").asString()).isEqualTo(f.coordinator().username());
        // part 3
        var measure = api.post(base + "/measures", Map.of("personId", f.child(), "department", "BUF", "measure", "Kontaktperson §52",
                "from", today().minusDays(200).toString()));
        assertThat(measure.status()).as(measure.toString()).isEqualTo(201);

        // completing before part 5 names it
        assertThat(fields(api.post(base + "/complete", Map.of("version", 0)))).containsExactly("overall");
        // part 5, then a stale save is 409
        Map<String, Object> overall = Map.of("version", 0, "resources", "Mor er engageret", "challenges", "Højt fravær",
                "primaryNeeds", Map.of(String.valueOf(f.child()), "Fast skolegang og en fritidsaktivitet"));
        var written = api.put(base, overall);
        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        assertThat(written.json().get("assessment").get("version").asInt()).isEqualTo(1);
        assertThat(written.json().get("completion").get("overall").asBoolean()).isTrue();
        assertThat(api.put(base, overall).status()).isEqualTo(409);

        var completed = api.post(base + "/complete", Map.of("version", 1));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.json().get("assessment").get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.json().get("assessment").get("completedBy").asString()).isEqualTo(f.coordinator().username());
        assertThat(completed.json().get("assessment").get("completedOn").asString()).isEqualTo(today().toString());
        // completed: read-only
        assertThat(fields(api.post(base + "/journal-summaries", summary(f.mother(), "Endnu et resumé")))).containsExactly("assessment");
        assertThat(jdbc.sql("select count(*) from aud_event where actor = ? and action = 'UPDATE' and subject like ?")
                .params(f.coordinator().username(), "familiesag " + f.caseId() + ": udredning%").query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void onlyTheAuthorChangesASummary() {
        FamilyInAssessment f = fixtures.familyInAssessment("Familien Forfattersen");
        String base = "/api/v1/family-cases/" + f.caseId() + "/assessment";
        long id = as(f.coordinator()).post(base + "/journal-summaries", summary(f.child(), "Skolen: fravær 30 %")).json().get("id").asLong();
        Map<String, Object> change = new HashMap<>(summary(f.child(), "Skolen: fravær 25 %"));
        change.put("version", 0);
        assertThat(fields(as(f.partner()).put(base + "/journal-summaries/" + id, change))).containsExactly("summary");
        var changed = as(f.coordinator()).put(base + "/journal-summaries/" + id, change);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("summary").asString()).isEqualTo("Skolen: fravær 25 %");
        assertThat(as(f.coordinator()).put(base + "/journal-summaries/" + id, change).status()).isEqualTo(409);
    }

    @Test
    void sharingOnConsentIsRefusedWithAWithdrawnConsentAndLoggedWithAValidOne() {
        FamilyInAssessment f = fixtures.familyInAssessment("Familien Delesen");
        Api api = as(f.coordinator());
        String base = "/api/v1/family-cases/" + f.caseId() + "/assessment";
        api.post(base + "/journal-summaries", summary(f.mother(), "Jobcenter: aktivitetsparat, i praktik"));
        long withdrawn = consent(api, f.mother(), "Familieudredning (trukket)");
        var w = api.post("/api/v1/persons/" + f.mother() + "/consents/" + withdrawn + "/withdrawal", Map.of("withdrawnOn", today().toString()));
        assertThat(w.status()).as(w.toString()).isEqualTo(200);
        long valid = consent(api, f.mother(), "Familieudredning");

        var refused = api.post(base + "/disclosures", share("JOURNALS", "SOF", "CONSENT", Map.of(String.valueOf(f.mother()), withdrawn)));
        assertThat(fields(refused)).containsExactly("consents[" + f.mother() + "]");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).startsWith("Samtykket er trukket tilbage");
        assertThat(disclosures(f)).isZero();

        var shared = api.post(base + "/disclosures", share("JOURNALS", "SOF", "CONSENT", Map.of(String.valueOf(f.mother()), valid)));
        assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
        assertThat(shared.json().get(0).get("department").asString()).isEqualTo("SOF");
        assertThat(shared.json().get(0).get("personId").asLong()).isEqualTo(f.mother());
        assertThat(jdbc.sql("select recipient || ' ' || legal_basis || ' ' || consent_id from ppl_disclosure where person_id = ? and reference = ?")
                .params(f.mother(), "cw_family_case:" + f.caseId()).query(String.class).single()).isEqualTo("SOF CONSENT " + valid);
        // another basis needs no consent; an empty part is refused
        assertThat(fields(api.post(base + "/disclosures", share("MEASURES", "BIF", "SEL_49B", Map.of())))).containsExactly("part");
        var page = api.get(base).json();
        assertThat(page.get("shares").findValuesAsString("part")).containsExactly("JOURNALS");
    }

    long consent(Api api, long person, String purpose) {
        var r = api.post("/api/v1/persons/" + person + "/consents", Map.of("purpose", purpose, "legalBasis", "CONSENT", "givenOn",
                today().minusDays(10).toString(), "givenBy", "PERSON", "recipients", "SOF\nBIF"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        for (JsonNode c : r.json()) if (c.get("purpose").asString().equals(purpose)) return c.get("id").asLong();
        throw new AssertionError("no consent " + purpose);
    }

    Map<String, Object> share(String part, String department, String basis, Map<String, Long> consents) {
        return Map.of("part", part, "department", department, "legalBasis", basis, "consents", consents, "sharedOn", today().toString());
    }

    long disclosures(FamilyInAssessment f) {
        return jdbc.sql("select count(*) from ppl_disclosure where reference = ?").param("cw_family_case:" + f.caseId()).query(Long.class).single();
    }

    @Test
    void thePlanHasVersionsWithReasonsTheFamilysAgreementReviewsAndOverdueSteps() {
        FamilyInAssessment f = fixtures.familyInAssessment("Familien Planlægsen");
        Api api = as(f.partner());
        String base = "/api/v1/family-cases/" + f.caseId() + "/plan";
        assertThat(api.get(base).json().get("current").isNull()).isTrue();

        Map<String, Object> goal = new HashMap<>(Map.of("personId", f.child(), "goal", "Møde i skole hver dag", "department", "BUF",
                "measure", "SCHOOL_SUPPORT", "deadline", today().minusDays(1).toString(), "reviewOn", today().minusDays(2).toString()));
        var v1 = api.post(base, Map.of("version", 0, "wishes", "Vi vil have ro og en god skolegang", "goals", List.of(goal)));
        assertThat(v1.status()).as(v1.toString()).isEqualTo(201);
        assertThat(v1.json().get("number").asInt()).isEqualTo(1);
        assertThat(v1.json().get("agreement").isNull()).isTrue();

        Map<String, Object> other = new HashMap<>(Map.of("personId", f.mother(), "goal", "Deltage i forældregruppe", "department", "SOF",
                "measure", "OTHER", "deadline", today().plusDays(90).toString(), "reviewOn", today().plusDays(30).toString()));
        // a new version needs a reason; OTHER needs its name
        assertThat(fields(api.post(base, Map.of("version", 1, "wishes", "Ro", "goals", List.of(goal, other)))))
                .containsExactlyInAnyOrder("reason", "goals[1].measureText");
        other.put("measureText", "MindTheParents");
        var v2 = api.post(base, Map.of("version", 1, "wishes", "Ro og arbejde til mor", "goals", List.of(goal, other), "reason", "Mor ønsker at deltage"));
        assertThat(v2.status()).as(v2.toString()).isEqualTo(201);
        assertThat(api.post(base, Map.of("version", 1, "wishes", "Ro", "goals", List.of(goal), "reason", "For sent")).status()).isEqualTo(409);

        // the family's agreement
        assertThat(fields(api.post(base + "/agreement", Map.of("version", 2, "agreedBy", List.of(), "agreedOn", today().toString()))))
                .containsExactly("agreedBy");
        var agreed = api.post(base + "/agreement", Map.of("version", 2, "agreedBy", List.of(f.mother(), f.child()), "agreedOn", today().toString()));
        assertThat(agreed.status()).as(agreed.toString()).isEqualTo(200);
        assertThat(agreed.json().get("agreement").get("agreedOn").asString()).isEqualTo(today().toString());
        assertThat(jdbc.sql("select count(*) from cw_family_plan_agreement where family_case_id = ?").param(f.caseId()).query(Long.class).single())
                .isEqualTo(2);

        JsonNode plan = api.get(base).json();
        assertThat(plan.get("history").size()).isEqualTo(2);
        assertThat(plan.get("history").get(1).get("wishes").asString()).isEqualTo("Vi vil have ro og en god skolegang");
        assertThat(plan.get("current").get("reason").asString()).isEqualTo("Mor ønsker at deltage");

        // overdue: the child's goal's deadline and review date have passed
        assertThat(plans.overdueSteps(List.of(f.caseId()), today())).extracting(FamilyPlanService.OverdueStep::what)
                .containsExactly(FamilyPlan.DueKind.REVIEW, FamilyPlan.DueKind.DEADLINE);
        var review = api.post(base + "/reviews", Map.of("version", 2, "reviewedOn", today().toString(), "notes", "Fraværet er faldet",
                "statuses", List.of("ACHIEVED", "IN_PROGRESS")));
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
        assertThat(plans.overdueSteps(List.of(f.caseId()), today())).isEmpty();
    }

    @Test
    void retentionErasesTheAssessmentAndThePlanWithTheCase() {
        FamilyInAssessment f = fixtures.familyInAssessment("Familien Slettesen");
        Api api = as(f.coordinator());
        String base = "/api/v1/family-cases/" + f.caseId();
        api.post(base + "/assessment/journal-summaries", summary(f.mother(), "Resumé"));
        api.post(base + "/assessment/measures", Map.of("personId", f.child(), "department", "BUF", "measure", "Mentor",
                "from", today().minusDays(20).toString()));
        api.put(base + "/assessment", Map.of("version", 0, "resources", "r", "challenges", "c", "primaryNeeds", Map.of(String.valueOf(f.child()), "n")));
        api.post(base + "/assessment/disclosures", share("MEASURES", "SOF", "SEL_49B", Map.of()));
        api.post(base + "/plan", Map.of("version", 0, "wishes", "Ro", "goals", List.of(Map.of("personId", f.child(), "goal", "Skole",
                "department", "BUF", "measure", "MENTOR", "deadline", today().toString(), "reviewOn", today().toString()))));
        api.post(base + "/plan/agreement", Map.of("version", 1, "agreedBy", List.of(f.mother()), "agreedOn", today().toString()));
        var reviewed = api.post(base + "/plan/reviews", Map.of("version", 1, "reviewedOn", today().toString(), "notes", "n", "statuses", List.of("ACHIEVED")));
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(201);
        List<String> tables = List.of("cw_family_assessment", "cw_family_child_need", "cw_family_journal_summary", "cw_family_measure",
                "cw_family_part_share", "cw_family_plan_version", "cw_family_plan_goal", "cw_family_plan_agreement", "cw_family_plan_review",
                "cw_family_plan_review_goal");
        for (String t : tables) assertThat(rows(t, f.caseId())).as(t).isPositive();

        handlers.stream().filter(h -> h.category().equals("CASE_RECORD")).findFirst().orElseThrow()
                .erase(List.of(new RetentionHandler.Item("cw_family_case", f.caseId(), null)));
        for (String t : tables) assertThat(rows(t, f.caseId())).as(t).isZero();
    }

    @Autowired List<RetentionHandler> handlers;

    long rows(String table, long caseId) {
        return jdbc.sql("select count(*) from " + table + " where family_case_id = ?").param(caseId).query(Long.class).single();
    }

    @Test
    void aCaseworkerOutsideTheTeamIsRefusedAndAudited() {
        FamilyInAssessment f = fixtures.familyInAssessment("Familien Udenforsen");
        TestStaff.User outsider = staff.user(Role.CASEWORKER, staff.team("andet-team"));
        assertThat(as(outsider).get("/api/v1/family-cases/" + f.caseId() + "/assessment").status()).isEqualTo(403);
        assertThat(as(outsider).get("/api/v1/family-cases/" + f.caseId() + "/plan").status()).isEqualTo(403);
        assertThat(as(outsider).post("/api/v1/family-cases/" + f.caseId() + "/assessment/journal-summaries", summary(f.mother(), "x")).status())
                .isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from aud_event where action = 'DENIED' and actor = ? and subject like ?")
                .params(outsider.username(), "familiesag " + f.caseId() + ": %").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from cw_family_journal_summary where family_case_id = ?").param(f.caseId()).query(Long.class).single())
                .isZero();
    }
}
