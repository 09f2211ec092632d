package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.CaseworkEvents;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The §115 review over the API: a meeting of the team, a person added by CPR and name, the immutable decision log
 * (amendment only with a reason, appended, the old decision superseded; a stale version is 409), earlier appearances,
 * the referral event, and the team rule (another team's caseworker: 403 and a DENIED audit row).
 */
@IntegrationTest
class Review115IT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired CaseworkEvents events;

    long team;
    TestStaff.User caseworker;
    Api api;

    @BeforeEach
    void setUp() {
        team = staff.team("review115");
        caseworker = staff.user(Role.CASEWORKER, team);
        api = Api.at(port).as(caseworker.username(), caseworker.password());
    }

    long meeting(LocalDate on) {
        var r = api.post("/api/v1/reviews-115", Map.of("teamId", team, "meetingDate", on.toString(),
                "staff", List.of(Map.of("kind", "STAFF", "name", "Sara Holm", "unit", "BUF"), Map.of("kind", "STAFF", "name", "Ali Demir", "unit", "SSP")),
                "policeName", "Kim Berg", "policeUnit", "Forebyggelsesenheden"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long addPerson(long meetingId, String cpr) {
        var r = api.post("/api/v1/reviews-115/" + meetingId + "/persons", Map.of("cpr", cpr, "firstName", "Liste", "lastName", "Testperson",
                "note", "Nævnt i to anmeldelser"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return jdbc.sql("select person_id from cw_review115_person where meeting_id = ? order by id desc limit 1").param(meetingId)
                .query(Long.class).single();
    }

    Api.Response decide(long meetingId, long personId, Map<String, Object> body) {
        return api.post("/api/v1/reviews-115/" + meetingId + "/persons/" + personId + "/decisions", body);
    }

    @Test
    void aDecisionIsRecordedOnceAndAmendedOnlyWithAReasonAsANewRowThatSupersedesIt() {
        long meetingId = meeting(LocalDate.now().minusDays(2));
        long person = addPerson(meetingId, TestStaff.uniqueCpr());

        var first = decide(meetingId, person, Map.of("outcome", "NO_ACTION", "reason", "Ingen bekymring ud over anmeldelsen", "version", 0));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long firstId = first.json().get("decisions").get(0).get("id").asLong();
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(first.json().get("name").asString()).isEqualTo("Liste Testperson");
        assertThat(first.json().get("inForce").get("outcome").asString()).isEqualTo("NO_ACTION");

        // recorded once: a second decision without amends is refused, so is a stale version
        var again = decide(meetingId, person, Map.of("outcome", "CONTACT_FAMILY", "reason", "Ny vurdering", "version", 1));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("Der er allerede registreret en beslutning");
        var stale = decide(meetingId, person, Map.of("outcome", "CONTACT_FAMILY", "reason", "Ny vurdering", "amends", firstId,
                "amendmentReason", "Skolen har meldt fravær", "version", 0));
        assertThat(stale.status()).isEqualTo(409);

        // an amendment without a reason is refused and changes nothing
        var noReason = decide(meetingId, person, Map.of("outcome", "CONTACT_FAMILY", "reason", "Bekymring for søskende", "amends", firstId,
                "version", 1));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("amendmentReason").contains("Skriv, hvorfor beslutningen ændres.");
        assertThat(jdbc.sql("select count(*) from cw_review115_decision d join cw_review115_person rp on rp.id = d.review_person_id"
                + " where rp.meeting_id = ?").param(meetingId).query(Long.class).single()).isOne();

        // with a reason: two rows, the first superseded by the second, unchanged
        var amended = decide(meetingId, person, Map.of("outcome", "CONTACT_FAMILY", "reason", "Bekymring for søskende", "amends", firstId,
                "amendmentReason", "Skolen har meldt fravær", "version", 1));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(201);
        JsonNode history = api.get("/api/v1/reviews-115/" + meetingId).json().get("persons").get(0).get("decisions");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("outcome").asString()).isEqualTo("NO_ACTION");
        assertThat(history.get(0).get("reason").asString()).isEqualTo("Ingen bekymring ud over anmeldelsen");
        assertThat(history.get(0).get("supersededBy").asLong()).isEqualTo(history.get(1).get("id").asLong());
        assertThat(history.get(0).get("inForce").asBoolean()).isFalse();
        assertThat(history.get(1).get("amends").asLong()).isEqualTo(firstId);
        assertThat(history.get(1).get("amendmentReason").asString()).isEqualTo("Skolen har meldt fravær");
        assertThat(history.get(1).get("inForce").asBoolean()).isTrue();

        // the superseded decision is not amended again
        var old = decide(meetingId, person, Map.of("outcome", "NO_ACTION", "reason", "x", "amends", firstId, "amendmentReason", "y", "version", 2));
        assertThat(old.status()).isEqualTo(400);

        // audited: the person added, the decision and the amendment, the reads
        List<String> audited = jdbc.sql("select action || ' ' || subject from aud_event where person_id = ? and actor = ? order by id")
                .params(person, caseworker.username()).query(String.class).list();
        assertThat(audited).contains("CREATE §115-møde " + meetingId, "UPDATE §115-møde " + meetingId);
        assertThat(jdbc.sql("select count(*) from aud_event where ? = any(person_ids) and action = 'READ' and subject = ?")
                .params(person, "§115-møde " + meetingId).query(Long.class).single()).isPositive();
    }

    @Test
    void roundTripListsTheMeetingNewestFirstAndCountsEarlierAppearances() {
        String cpr = TestStaff.uniqueCpr();
        long earlier = meeting(LocalDate.now().minusDays(60));
        long person = addPerson(earlier, cpr);
        long later = meeting(LocalDate.now().minusDays(3));
        assertThat(addPerson(later, cpr)).as("the same person, found by CPR").isEqualTo(person);
        var again = api.post("/api/v1/reviews-115/" + later + "/persons", Map.of("personId", person));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("allerede drøftet");

        JsonNode m = api.get("/api/v1/reviews-115/" + later).json();
        assertThat(m.get("legalBasis").asString()).isEqualTo("RPL_115");
        assertThat(m.get("legalBasisName").asString()).isNotBlank();
        assertThat(m.get("participants")).hasSize(3);
        assertThat(m.get("persons").get(0).get("name").asString()).isEqualTo("Liste Testperson");
        assertThat(m.get("persons").get(0).get("earlierAppearances").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/reviews-115/" + earlier).json().get("persons").get(0).get("earlierAppearances").asInt()).isZero();

        JsonNode list = api.get("/api/v1/reviews-115").json();
        assertThat(list.get("total").asLong()).isEqualTo(2);
        assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(later);
        assertThat(list.get("items").get(1).get("id").asLong()).isEqualTo(earlier);
        assertThat(list.get("items").get(0).get("undecided").asInt()).isOne();

        // the referral to the core team is announced once, with the meeting's team and date
        var refer = decide(later, person, Map.of("outcome", "REFER_CORE_TEAM", "reason", "Gentagne anmeldelser", "version", 0));
        assertThat(refer.status()).as(refer.toString()).isEqualTo(201);
        assertThat(events.referred(later)).containsExactly(new ReferredToCoreTeam(later, person, team, LocalDate.now().minusDays(3)));
        // ... and opens the family's case in Opsporing for the core team, the person a child of a new family
        assertThat(jdbc.sql("""
                select c.phase || ' ' || c.channel || ' ' || c.team_id || ' ' || m.relation from cw_family_case c
                  join ppl_family_member m on m.family_id = c.family_id where m.person_id = ?""").param(person).query(String.class).list())
                .containsExactly("OPSPORING REVIEW_115 " + team + " CHILD");
    }

    @Test
    void aRestrictedPersonIsShownWithoutNameAndNotDecidedOnAndTheDpoSeesTheRowsInTheSubjectAccessAnswer() {
        long meetingId = meeting(LocalDate.now().minusDays(1));
        long person = addPerson(meetingId, TestStaff.uniqueCpr());
        assertThat(decide(meetingId, person, Map.of("outcome", "ALREADY_KNOWN", "reason", "Kendt i BUF", "version", 0)).status()).isEqualTo(201);

        var dpo = staff.user(Role.DPO);
        Api asDpo = Api.at(port).as(dpo.username(), dpo.password());
        var answer = asDpo.get("/api/v1/persons/" + person + "/subject-access");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.body()).contains("cw_review115_person").contains("cw_review115_decision").contains("Kendt i BUF");

        var restricted = asDpo.post("/api/v1/persons/" + person + "/restrictions", Map.of("kind", "EXCLUDE", "username", caseworker.username(),
                "reason", "Medarbejderen er i familie med personen"));
        assertThat(restricted.status()).as(restricted.toString()).isEqualTo(201);
        JsonNode shown = api.get("/api/v1/reviews-115/" + meetingId).json().get("persons").get(0);
        assertThat(shown.get("restricted").asBoolean()).isTrue();
        assertThat(shown.get("name").isNull()).isTrue();
        assertThat(shown.get("note").isNull()).isTrue();
        var refused = decide(meetingId, person, Map.of("outcome", "NO_ACTION", "reason", "x", "amends", shown.get("decisions").get(0).get("id").asLong(),
                "amendmentReason", "y", "version", 1));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from aud_event where person_id = ? and actor = ? and action = 'DENIED'")
                .params(person, caseworker.username()).query(Long.class).single()).isOne();
    }

    @Test
    void minimumDataAndTheMeetingsRules() {
        long meetingId = meeting(LocalDate.now());
        var longNote = api.post("/api/v1/reviews-115/" + meetingId + "/persons", Map.of("cpr", TestStaff.uniqueCpr(), "firstName", "A",
                "lastName", "B", "note", "x".repeat(301)));
        assertThat(longNote.status()).isEqualTo(400);
        assertThat(longNote.body()).contains("\"note\"");
        Map<String, Object> noPolice = new HashMap<>(Map.of("teamId", team, "meetingDate", LocalDate.now().plusDays(1).toString(),
                "legalBasis", "CONSENT", "staff", List.of()));
        var refused = api.post("/api/v1/reviews-115", noPolice);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("meetingDate").contains("legalBasis").contains("staff").contains("policeName");
    }

    @Test
    void aCaseworkerOfAnotherTeamIsRefusedAndEachRefusalAudited() {
        long meetingId = meeting(LocalDate.now().minusDays(1));
        long person = addPerson(meetingId, TestStaff.uniqueCpr());
        var outsider = staff.user(Role.CASEWORKER, staff.team("review115-other"));
        Api other = Api.at(port).as(outsider.username(), outsider.password());
        assertThat(other.get("/api/v1/reviews-115/" + meetingId).status()).isEqualTo(403);
        assertThat(other.post("/api/v1/reviews-115/" + meetingId + "/persons", Map.of("personId", person)).status()).isEqualTo(403);
        assertThat(other.post("/api/v1/reviews-115/" + meetingId + "/persons/" + person + "/decisions",
                Map.of("outcome", "NO_ACTION", "reason", "x", "version", 0)).status()).isEqualTo(403);
        assertThat(other.post("/api/v1/reviews-115", Map.of("teamId", team, "meetingDate", LocalDate.now().toString(),
                "staff", List.of(Map.of("kind", "STAFF", "name", "A", "unit", "B")), "policeName", "C", "policeUnit", "D")).status()).isEqualTo(403);
        assertThat(other.get("/api/v1/reviews-115").body()).doesNotContain("\"id\":" + meetingId + ",");
        assertThat(jdbc.sql("select count(*) from aud_event where actor = ? and action = 'DENIED' and subject like '§115-møde%'")
                .param(outsider.username()).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from cw_review115_decision d join cw_review115_person rp on rp.id = d.review_person_id"
                + " where rp.meeting_id = ?").param(meetingId).query(Long.class).single()).isZero();
        // the page too
        var page = new dk.vendepunkt.support.WebSession(port, outsider).page("/reviews-115/" + meetingId);
        assertThat(page.statusCode()).isEqualTo(403);
        // an analyst is no case staff at all
        var analyst = staff.user(Role.ANALYST, team);
        assertThat(Api.at(port).as(analyst.username(), analyst.password()).get("/api/v1/reviews-115/" + meetingId).status()).isEqualTo(403);
    }
}
