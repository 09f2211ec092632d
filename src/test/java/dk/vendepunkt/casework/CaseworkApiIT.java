package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.CaseworkEvents;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Every casework API operation through HTTP: referral → screening → forløb → phases → closure → follow-up. */
@IntegrationTest
class CaseworkApiIT {

    static final AtomicInteger YOUNG = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired CaseworkEvents events;

    long team;
    TestStaff.User worker;
    TestStaff.User expert;
    Api api;
    final LocalDate today = LocalDate.now(Zones.ZONE);

    @BeforeEach
    void setUp() {
        team = staff.team("cw-api");
        worker = staff.user(Role.CASEWORKER, team);
        expert = staff.user(Role.CASEWORKER, Set.of(StaffFunction.EXIT_EXPERT), team);
        api = Api.at(port).as(worker.username(), worker.password());
    }

    /** A CPR of someone born in 2010 (too young for EXIT). */
    static String youngCpr() {
        int n = YOUNG.incrementAndGet();
        return String.format("%02d%02d10-%04d", 1 + n % 28, 1 + (n / 28) % 12, 4000 + n / 336);
    }

    Map<String, Object> referral(String cpr, String programme) {
        Map<String, Object> m = new HashMap<>();
        m.put("cpr", cpr);
        m.put("firstName", "Api");
        m.put("lastName", "Deltager");
        m.put("programme", programme);
        m.put("teamId", team);
        m.put("channel", "POLICE");
        m.put("referredOn", today.minusDays(20).toString());
        m.put("referrer", "Station City");
        m.put("reason", "Sigtet for vold, ønsker at komme ud af miljøet");
        m.put("legalBasis", "CONSENT");
        m.put("consentOn", today.minusDays(20).toString());
        return m;
    }

    long enrolledForlob(boolean gang) {
        var ref = api.post("/api/v1/referrals", referral(TestStaff.uniqueCpr(), "EXIT"));
        assertThat(ref.status()).as(ref.toString()).isEqualTo(201);
        long id = ref.json().get("id").asLong();
        var screened = api.post("/api/v1/referrals/" + id + "/screening", Map.of("gangRelated", gang, "decision", "ACCEPT",
                "coordinatorId", gang ? expert.id() : worker.id(), "startDate", today.minusDays(10).toString(),
                "baseline", "Ingen uddannelse, bor hos venner", "version", ref.json().get("version").asInt()));
        assertThat(screened.status()).as(screened.toString()).isEqualTo(200);
        return screened.json().get("enrolmentId").asLong();
    }

    @Test
    void referralScreeningEnrolmentPhasesClosureAndFollowUp() {
        var ref = api.post("/api/v1/referrals", referral(TestStaff.uniqueCpr(), "EXIT"));
        assertThat(ref.status()).as(ref.toString()).isEqualTo(201);
        JsonNode r = ref.json();
        long referralId = r.get("id").asLong();
        long personId = r.get("personId").asLong();
        assertThat(r.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(r.get("eligibility").asString()).isEqualTo("ELIGIBLE");
        assertThat(r.get("channel").asString()).isEqualTo("POLICE");
        // registering the referral granted the team access to the person
        assertThat(jdbc.sql("select count(*) from ppl_person_team where person_id = ? and team_id = ?").params(personId, team)
                .query(Long.class).single()).isEqualTo(1);

        // gang-related: the coordinator must be an exit expert
        var notExpert = api.post("/api/v1/referrals/" + referralId + "/screening", Map.of("gangRelated", true, "decision", "ACCEPT",
                "coordinatorId", worker.id(), "version", r.get("version").asInt()));
        assertThat(notExpert.status()).isEqualTo(400);
        assertThat(notExpert.json().get("errors").get(0).get("field").asString()).isEqualTo("coordinatorId");
        assertThat(notExpert.json().get("errors").get(0).get("message").asString()).contains("exitekspert");

        var screened = api.post("/api/v1/referrals/" + referralId + "/screening", Map.of("gangRelated", true, "decision", "ACCEPT",
                "coordinatorId", expert.id(), "startDate", today.minusDays(15).toString(), "baseline", "Udgangssituation",
                "version", r.get("version").asInt()));
        assertThat(screened.status()).as(screened.toString()).isEqualTo(200);
        assertThat(screened.json().get("status").asString()).isEqualTo("ACCEPTED");
        long enrolmentId = screened.json().get("enrolmentId").asLong();

        // a second screening of the same referral is refused
        var again = api.post("/api/v1/referrals/" + referralId + "/screening", Map.of("gangRelated", false, "decision", "REJECT",
                "decisionReason", "x", "version", r.get("version").asInt() + 1));
        assertThat(again.status()).isEqualTo(400);

        JsonNode e = api.get("/api/v1/enrolments/" + enrolmentId).json();
        assertThat(e.get("enrolment").get("ref").get("phase").asString()).isEqualTo("IDENTIFICATION");
        assertThat(e.get("coordinatorId").asLong()).isEqualTo(expert.id());
        assertThat(e.get("gangRelated").asBoolean()).isTrue();
        assertThat(e.get("nextPhases").findValuesAsString("code")).containsExactly("COORDINATION", "CLOSING");
        int version = e.get("enrolment").get("ref").get("version").asInt();

        // skipping a phase is refused
        var skip = api.post("/api/v1/enrolments/" + enrolmentId + "/phase-changes", Map.of("toPhase", "INCLUSION", "reason", "hop", "version", version));
        assertThat(skip.status()).isEqualTo(400);
        assertThat(skip.json().get("errors").get(0).get("message").asString()).contains("Identifikation").contains("Inklusion");

        var moved = api.post("/api/v1/enrolments/" + enrolmentId + "/phase-changes",
                Map.of("toPhase", "COORDINATION", "reason", "Behovsafklaringsmøde holdt", "version", version));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        JsonNode history = moved.json().get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("fromPhaseName").asString()).isEqualTo("Identifikation");
        assertThat(history.get(1).get("toPhaseName").asString()).isEqualTo("Koordination");
        assertThat(history.get(1).get("changedBy").asString()).isEqualTo(worker.username());
        assertThat(history.get(1).get("reason").asString()).isEqualTo("Behovsafklaringsmøde holdt");

        // stale version: 409, nothing changes
        var stale = api.post("/api/v1/enrolments/" + enrolmentId + "/phase-changes",
                Map.of("toPhase", "INCLUSION", "reason", "gammel", "version", version));
        assertThat(stale.status()).isEqualTo(409);
        version = moved.json().get("enrolment").get("ref").get("version").asInt();

        var updated = api.put("/api/v1/enrolments/" + enrolmentId, Map.of("coordinatorId", expert.id(), "baseline", "Ny baseline", "version", version));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("baseline").asString()).isEqualTo("Ny baseline");
        assertThat(api.put("/api/v1/enrolments/" + enrolmentId, Map.of("baseline", "x", "version", version)).status()).isEqualTo(409);
        version = updated.json().get("enrolment").get("ref").get("version").asInt();

        LocalDate end = today.minusDays(1);
        var closed = api.post("/api/v1/enrolments/" + enrolmentId + "/closure",
                Map.of("reason", "COMPLETED", "endDate", end.toString(), "summary", "I job, nyt netværk", "version", version));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        JsonNode c = closed.json();
        assertThat(c.get("enrolment").get("ref").get("closed").asBoolean()).isTrue();
        assertThat(c.get("enrolment").get("ref").get("phase").asString()).isEqualTo("CLOSING");
        assertThat(c.get("closureReason").asString()).isEqualTo("COMPLETED");
        assertThat(c.get("followUps").findValuesAsString("dueDate")).containsExactly(
                end.plusMonths(3).toString(), end.plusYears(1).toString(), end.plusYears(2).toString());

        List<EnrolmentClosed> published = events.closed(enrolmentId);
        assertThat(published).containsExactly(new EnrolmentClosed(enrolmentId, personId, "EXIT", today.minusDays(15), end, "COMPLETED", true));

        // a closed forløb cannot be changed or closed again
        int closedVersion = c.get("enrolment").get("ref").get("version").asInt();
        assertThat(api.post("/api/v1/enrolments/" + enrolmentId + "/phase-changes",
                Map.of("toPhase", "INCLUSION", "reason", "igen", "version", closedVersion)).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/enrolments/" + enrolmentId + "/closure",
                Map.of("reason", "OTHER", "endDate", end.toString(), "summary", "x", "version", closedVersion)).status()).isEqualTo(400);

        // follow-up: recorded once, publishes FollowUpRecorded
        JsonNode first = c.get("followUps").get(0);
        long followUpId = first.get("id").asLong();
        var bad = api.post("/api/v1/follow-ups/" + followUpId, Map.of("status", "MAYBE", "statusDate", end.minusDays(3).toString(), "version", 0));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("status", "statusDate");
        var recorded = api.post("/api/v1/follow-ups/" + followUpId, Map.of("status", "EMPLOYMENT", "statusDate", today.toString(),
                "note", "Fastansat", "version", first.get("version").asInt()));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.json().get(0).get("status").asString()).isEqualTo("EMPLOYMENT");
        assertThat(events.followUps(enrolmentId)).containsExactly(new FollowUpRecorded(enrolmentId, personId, today, "EMPLOYMENT"));
        assertThat(api.post("/api/v1/follow-ups/" + followUpId, Map.of("status", "NONE", "statusDate", today.toString(),
                "version", first.get("version").asInt() + 1)).status()).isEqualTo(400);

        // a recorded follow-up is corrected with a reason; old and new values are kept and the outcomes row moves
        int recordedVersion = recorded.json().get(0).get("version").asInt();
        var noReason = api.put("/api/v1/follow-ups/" + followUpId, Map.of("status", "EDUCATION", "statusDate", end.toString(), "version", recordedVersion));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("why");
        assertThat(api.put("/api/v1/follow-ups/" + followUpId, Map.of("status", "EDUCATION", "statusDate", end.toString(), "why", "Forkert dato",
                "version", recordedVersion - 1)).status()).isEqualTo(409);
        var corrected = api.put("/api/v1/follow-ups/" + followUpId, Map.of("status", "EDUCATION", "statusDate", end.toString(),
                "note", "Startet på VUC", "why", "Registreret på den forkerte dato og med forkert status", "version", recordedVersion));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        JsonNode fixed = corrected.json().get(0);
        assertThat(fixed.get("status").asString()).isEqualTo("EDUCATION");
        assertThat(fixed.get("statusDate").asString()).isEqualTo(end.toString());
        assertThat(fixed.get("note").asString()).isEqualTo("Startet på VUC");
        JsonNode correction = fixed.get("corrections").get(0);
        assertThat(correction.get("oldStatus").asString()).isEqualTo("EMPLOYMENT");
        assertThat(correction.get("oldStatusDate").asString()).isEqualTo(today.toString());
        assertThat(correction.get("newStatus").asString()).isEqualTo("EDUCATION");
        assertThat(correction.get("correctedBy").asString()).isEqualTo(worker.username());
        assertThat(events.followUps(enrolmentId)).containsExactly(new FollowUpRecorded(enrolmentId, personId, today, "EMPLOYMENT"),
                new FollowUpRecorded(enrolmentId, personId, end, "EDUCATION", today));
        assertThat(jdbc.sql("select status_date || ' ' || status from out_follow_up where casework_enrolment_id = ?").param(enrolmentId)
                .query(String.class).list()).containsExactly(end + " EDUCATION");
        // a follow-up not yet recorded is recorded, not corrected
        JsonNode second = c.get("followUps").get(1);
        var notRecorded = api.put("/api/v1/follow-ups/" + second.get("id").asLong(), Map.of("status", "NONE", "statusDate", today.toString(),
                "why", "x", "version", second.get("version").asInt()));
        assertThat(notRecorded.status()).isEqualTo(400);
        assertThat(notRecorded.json().get("errors").findValuesAsString("field")).contains("status");

        // the person's cases
        JsonNode cases = api.get("/api/v1/persons/" + personId + "/cases").json();
        assertThat(cases.get("referrals").findValuesAsString("status")).containsExactly("ACCEPTED");
        assertThat(cases.get("enrolments").findValuesAsString("closureReason")).containsExactly("COMPLETED");

        long audits = jdbc.sql("select count(*) from aud_event where enrolment_id = ? and actor = ?").params(enrolmentId, worker.username())
                .query(Long.class).single();
        assertThat(audits).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aForlobShowsWhenTheConsentItsReferralRestsOnIsWithdrawn() {
        long enrolmentId = enrolledForlob(false);
        long personId = api.get("/api/v1/enrolments/" + enrolmentId).json().get("enrolment").get("ref").get("personId").asLong();
        assertThat(api.get("/api/v1/enrolments/" + enrolmentId).json().get("consentWithdrawnOn").isNull()).isTrue();
        JsonNode consent = api.get("/api/v1/persons/" + personId + "/consents").json().get(0);
        assertThat(consent.get("purpose").asString()).isEqualTo("Henvisning til Exitprogrammet");
        // another consent of the same person, withdrawn, does not touch the forløb
        var other = api.post("/api/v1/persons/" + personId + "/consents", Map.of("purpose", "Nyhedsbrev", "legalBasis", "CONSENT",
                "givenOn", today.minusDays(3).toString(), "givenBy", "PERSON"));
        long otherId = other.json().get(0).get("purpose").asString().equals("Nyhedsbrev") ? other.json().get(0).get("id").asLong()
                : other.json().get(1).get("id").asLong();
        assertThat(api.post("/api/v1/persons/" + personId + "/consents/" + otherId + "/withdrawal", Map.of("withdrawnOn", today.toString()))
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1/enrolments/" + enrolmentId).json().get("consentWithdrawnOn").isNull()).isTrue();
        assertThat(api.post("/api/v1/persons/" + personId + "/consents/" + consent.get("id").asLong() + "/withdrawal",
                Map.of("withdrawnOn", today.minusDays(1).toString())).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/enrolments/" + enrolmentId).json().get("consentWithdrawnOn").asString()).isEqualTo(today.minusDays(1).toString());
    }

    @Test
    void aClosureIsCorrectedWithAReasonKeepingOldAndNewValues() {
        long enrolmentId = enrolledForlob(true);
        JsonNode e = api.get("/api/v1/enrolments/" + enrolmentId).json();
        long personId = e.get("enrolment").get("ref").get("personId").asLong();
        int version = e.get("enrolment").get("ref").get("version").asInt();
        var notClosed = api.put("/api/v1/enrolments/" + enrolmentId + "/closure", Map.of("reason", "OTHER", "endDate", today.toString(),
                "summary", "x", "why", "y", "version", version));
        assertThat(notClosed.status()).isEqualTo(400);

        LocalDate end = today.minusDays(2);
        JsonNode closed = api.post("/api/v1/enrolments/" + enrolmentId + "/closure",
                Map.of("reason", "DROPPED_OUT", "endDate", end.toString(), "summary", "Stoppede", "version", version)).json();
        version = closed.get("enrolment").get("ref").get("version").asInt();

        var noWhy = api.put("/api/v1/enrolments/" + enrolmentId + "/closure", Map.of("reason", "COMPLETED", "endDate", end.minusDays(1).toString(),
                "summary", "Gennemført alligevel", "version", version));
        assertThat(noWhy.status()).isEqualTo(400);
        assertThat(noWhy.json().get("errors").findValuesAsString("field")).containsExactly("why");

        LocalDate corrected = end.minusDays(1);
        var amended = api.put("/api/v1/enrolments/" + enrolmentId + "/closure", Map.of("reason", "COMPLETED", "endDate", corrected.toString(),
                "summary", "Gennemført alligevel", "why", "Fejlregistreret: han fik job", "version", version));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        JsonNode a = amended.json();
        assertThat(a.get("closureReason").asString()).isEqualTo("COMPLETED");
        assertThat(a.get("enrolment").get("ref").get("endDate").asString()).isEqualTo(corrected.toString());
        assertThat(a.get("amendments")).hasSize(1);
        assertThat(a.get("amendments").get(0).get("oldReason").asString()).isEqualTo("DROPPED_OUT");
        assertThat(a.get("amendments").get(0).get("newReason").asString()).isEqualTo("COMPLETED");
        assertThat(a.get("amendments").get(0).get("oldEndDate").asString()).isEqualTo(end.toString());
        assertThat(a.get("amendments").get(0).get("why").asString()).isEqualTo("Fejlregistreret: han fik job");
        assertThat(a.get("followUps").findValuesAsString("dueDate")).containsExactly(
                corrected.plusMonths(3).toString(), corrected.plusYears(1).toString(), corrected.plusYears(2).toString());
        assertThat(events.closed(enrolmentId)).last()
                .isEqualTo(new EnrolmentClosed(enrolmentId, personId, "EXIT", today.minusDays(10), corrected, "COMPLETED", true));
        assertThat(api.put("/api/v1/enrolments/" + enrolmentId + "/closure", Map.of("reason", "OTHER", "endDate", corrected.toString(),
                "summary", "x", "why", "y", "version", version)).status()).isEqualTo(409);

        // DECEASED: open follow-ups are removed
        int v2 = a.get("enrolment").get("ref").get("version").asInt();
        JsonNode dead = api.put("/api/v1/enrolments/" + enrolmentId + "/closure", Map.of("reason", "DECEASED", "endDate", corrected.toString(),
                "summary", "Afgået ved døden", "why", "Oplyst af familien", "version", v2)).json();
        assertThat(dead.get("followUps")).isEmpty();
        assertThat(dead.get("amendments")).hasSize(2);
    }

    @Test
    void operationsAreInTheOpenApiDocument() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        for (String path : List.of("/api/v1/referrals", "/api/v1/referrals/{id}/screening", "/api/v1/enrolments/{id}",
                "/api/v1/enrolments/{id}/phase-changes", "/api/v1/enrolments/{id}/closure", "/api/v1/follow-ups/{id}", "/api/v1/caseload",
                "/api/v1/programmes/{code}/dashboard", "/api/v1/persons/{personId}/cases")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }

    @Test
    void referralValidationNamesEveryBadField() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("cpr", "321399-1234");
        bad.put("programme", "NOPE");
        bad.put("teamId", staff.team("other"));
        bad.put("channel", "TELEPATHY");
        bad.put("referredOn", today.plusDays(1).toString());
        bad.put("legalBasis", "CONSENT");
        var res = api.post("/api/v1/referrals", bad);
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.json().get("type").asString()).isEqualTo("urn:vendepunkt:problem:400");
        assertThat(res.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "programme", "teamId", "channel", "referredOn", "reason", "consentOn", "cpr");
        assertThat(res.json().get("errors").get(0).get("message").asString()).isNotBlank();
    }

    @Test
    void eligibilityIsComputedFromTheCprAndAnIneligiblePersonCannotBeAccepted() {
        var ref = api.post("/api/v1/referrals", referral(youngCpr(), "EXIT"));
        assertThat(ref.status()).as(ref.toString()).isEqualTo(201);
        assertThat(ref.json().get("eligibility").asString()).isEqualTo("TOO_YOUNG");
        var accept = api.post("/api/v1/referrals/" + ref.json().get("id").asLong() + "/screening", Map.of("gangRelated", false,
                "decision", "ACCEPT", "coordinatorId", worker.id(), "version", ref.json().get("version").asInt()));
        assertThat(accept.status()).isEqualTo(400);
        assertThat(accept.json().get("errors").get(0).get("message").asString()).contains("under programmets aldersgrænse");

        // SSP+ has an upper limit of 25: the 1970-1999 test persons are too old
        var old = api.post("/api/v1/referrals", referral(TestStaff.uniqueCpr(), "SSP_PLUS"));
        assertThat(old.json().get("eligibility").asString()).isEqualTo("TOO_OLD");
    }

    @Test
    void waitingListAndRejection() {
        var ref = api.post("/api/v1/referrals", referral(TestStaff.uniqueCpr(), "EXIT"));
        long id = ref.json().get("id").asLong();
        var noReason = api.post("/api/v1/referrals/" + id + "/screening", Map.of("gangRelated", false, "decision", "REJECT", "version", 0));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("decisionReason");
        var waiting = api.post("/api/v1/referrals/" + id + "/screening", Map.of("gangRelated", false, "decision", "WAITING_LIST", "version", 0));
        assertThat(waiting.json().get("status").asString()).isEqualTo("WAITING");
        var stale = api.post("/api/v1/referrals/" + id + "/screening", Map.of("gangRelated", false, "decision", "REJECT",
                "decisionReason", "Ikke motiveret", "version", 0));
        assertThat(stale.status()).isEqualTo(409);
        var rejected = api.post("/api/v1/referrals/" + id + "/screening", Map.of("gangRelated", false, "decision", "REJECT",
                "decisionReason", "Ikke motiveret", "version", 1));
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(api.get("/api/v1/referrals/" + id).json().get("decisionReason").asString()).isEqualTo("Ikke motiveret");
    }

    @Test
    void existingPersonReferralAndCaseloadWithOpenFollowUp() {
        long enrolmentId = enrolledForlob(false);
        long personId = api.get("/api/v1/enrolments/" + enrolmentId).json().get("enrolment").get("ref").get("personId").asLong();
        Map<String, Object> again = referral(null, "RAMMEMODEL");
        again.put("personId", personId);
        var second = api.post("/api/v1/referrals", again);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(second.json().get("personId").asLong()).isEqualTo(personId);

        // closed 85 days ago: the 3-month follow-up is open in the caseload
        int version = api.get("/api/v1/enrolments/" + enrolmentId).json().get("enrolment").get("ref").get("version").asInt();
        jdbc.sql("update cw_enrolment set start_date = start_date - 200 where id = ?").param(enrolmentId).update();
        var closed = api.post("/api/v1/enrolments/" + enrolmentId + "/closure", Map.of("reason", "DROPPED_OUT",
                "endDate", today.minusDays(85).toString(), "summary", "Stoppede", "version", version));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        JsonNode caseload = api.get("/api/v1/caseload").json();
        assertThat(caseload.get("followUps").findValues("line").stream().map(n -> n.get("enrolmentId").asLong()).toList()).contains(enrolmentId);
        assertThat(caseload.get("referrals").findValuesAsString("programme")).contains("RAMMEMODEL");
    }

    @Test
    void programmeSettingsAreDataWithOptimisticLocking() {
        TestStaff.User manager = staff.user(Role.PROGRAMME_MANAGER, team);
        Api pm = Api.at(port).as(manager.username(), manager.password());
        JsonNode exit = pm.get("/api/v1/programmes/EXIT").json();
        assertThat(exit.get("capacityPerYear").asInt()).isPositive();
        assertThat(exit.get("phases").findValuesAsString("name")).containsExactly("Identifikation", "Koordination", "Inklusion", "Afslutning");
        JsonNode kiv = pm.get("/api/v1/programmes/KIV").json();
        int version = kiv.get("version").asInt();
        Map<String, Object> settings = new HashMap<>();
        settings.put("minAge", 18);
        settings.put("maxAge", 30);
        settings.put("capacityPerYear", 10);
        settings.put("gangPriority", true);
        settings.put("version", version);
        var ok = pm.put("/api/v1/programmes/KIV", settings);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().get("maxAge").asInt()).isEqualTo(30);
        assertThat(pm.put("/api/v1/programmes/KIV", settings).status()).isEqualTo(409);
        settings.put("version", version + 1);
        settings.put("maxAge", 10);
        var invalid = pm.put("/api/v1/programmes/KIV", settings);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("maxAge");
        assertThat(pm.put("/api/v1/programmes/KIV", Map.of("version", version + 1)).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/programmes/KIV", Map.of("version", version + 2)).status()).isEqualTo(403);
    }

    @Test
    void dashboardForManagerWithNamesAndForAnalystWithCountsOnly() {
        var ref = api.post("/api/v1/referrals", referral(TestStaff.uniqueCpr(), "EXIT"));
        long id = ref.json().get("id").asLong();
        api.post("/api/v1/referrals/" + id + "/screening", Map.of("gangRelated", true, "decision", "WAITING_LIST", "version", 0));
        TestStaff.User manager = staff.user(Role.PROGRAMME_MANAGER, team);
        JsonNode d = Api.at(port).as(manager.username(), manager.password()).get("/api/v1/programmes/EXIT/dashboard").json();
        assertThat(d.get("waitingList").findValues("referralId").stream().map(JsonNode::asLong).toList()).contains(id);
        assertThat(d.get("intakeByChannel")).hasSize(11);
        assertThat(d.get("closuresByReason")).hasSize(7);
        assertThat(d.get("occupancy").get("capacity").asInt()).isEqualTo(d.get("capacityPerYear").asInt());

        TestStaff.User analyst = staff.user(Role.ANALYST);
        var a = Api.at(port).as(analyst.username(), analyst.password()).get("/api/v1/programmes/EXIT/dashboard");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("waitingList").isNull()).isTrue();
        assertThat(a.json().get("overdueFollowUps").isNull()).isTrue();
        assertThat(a.json().get("waitingCount").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(a.body()).doesNotContain("Api Deltager");
    }
}
