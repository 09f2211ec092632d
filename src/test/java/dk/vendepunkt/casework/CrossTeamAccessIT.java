package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Knowing a CPR number does not cross the team boundary: a referral by team 2 on the CPR of a team-1 person opens the
 * person's master data and team 2's own referral and forløb, never team 1's forløb, notes or referrals.
 */
@IntegrationTest
class CrossTeamAccessIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired PersonDirectory people;
    @Autowired JdbcClient jdbc;

    final LocalDate today = LocalDate.now(Zones.ZONE);
    String cpr;
    long team1;
    long team2;
    TestStaff.User worker1;
    TestStaff.User worker2;
    Api api1;
    Api api2;
    long personId;
    long enrolment1;
    long referral1;

    @BeforeEach
    void setUp() {
        team1 = staff.team("cross-1");
        team2 = staff.team("cross-2");
        worker1 = staff.user(Role.CASEWORKER, team1);
        worker2 = staff.user(Role.CASEWORKER, team2);
        api1 = Api.at(port).as(worker1.username(), worker1.password());
        api2 = Api.at(port).as(worker2.username(), worker2.password());
        cpr = TestStaff.uniqueCpr();
        personId = people.registerSystem(CprNumber.parse(cpr).orElseThrow(), "Hemmelig", "Holmsen", "D01", team1);
        enrolment1 = enrolments.enrolment(personId, team1, "EXIT", "COORDINATION", today.minusDays(60), worker1.id());
        referral1 = jdbc.sql("""
                insert into cw_referral (person_id, programme, team_id, channel, referred_on, reason, legal_basis, created_by)
                values (?, 'EXIT', ?, 'SSP', current_date, 'Team 1s grund', 'RPL_115', 'test') returning id""")
                .params(personId, team1).query(Long.class).single();
        var note = api1.post("/api/v1/enrolments/" + enrolment1 + "/journal", Map.of("noteDate", today.toString(), "text", "Fortroligt fra team 1"));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
    }

    Map<String, Object> referral(String cpr, long team) {
        Map<String, Object> m = new HashMap<>();
        m.put("cpr", cpr);
        m.put("firstName", "Andet");
        m.put("lastName", "Navn");
        m.put("programme", "EXIT");
        m.put("teamId", team);
        m.put("channel", "POLICE");
        m.put("referredOn", today.minusDays(2).toString());
        m.put("reason", "Sigtet for vold");
        m.put("legalBasis", "RPL_115");
        return m;
    }

    long denied(String actor, Long enrolmentId) {
        return jdbc.sql("select count(*) from aud_event where person_id = ? and action = 'DENIED' and actor = ? "
                        + "and enrolment_id is not distinct from ?")
                .params(personId, actor, enrolmentId).query(Long.class).single();
    }

    @Test
    void aReferralOnAKnownCprOpensTheMasterDataAndTheNewReferralButNotTheOtherTeamsForlob() {
        var ref = api2.post("/api/v1/referrals", referral(cpr, team2));
        assertThat(ref.status()).as(ref.toString()).isEqualTo(201);
        assertThat(ref.json().get("personId").asLong()).isEqualTo(personId);
        long referral2 = ref.json().get("id").asLong();
        // the access to the master data is audited on the person
        assertThat(jdbc.sql("select count(*) from aud_event where person_id = ? and action = 'UPDATE' and actor = ? and subject like '%kun stamdata%'")
                .params(personId, worker2.username()).query(Long.class).single()).isEqualTo(1);

        // master data and the own referral: yes
        var person = api2.get("/api/v1/persons/" + personId);
        assertThat(person.status()).isEqualTo(200);
        assertThat(person.json().get("lastName").asString()).isEqualTo("Holmsen");
        assertThat(api2.get("/api/v1/referrals/" + referral2).status()).isEqualTo(200);

        // team 1's forløb, its notes and its referral: 403, each refusal audited
        assertThat(api2.get("/api/v1/enrolments/" + enrolment1).status()).isEqualTo(403);
        var notes = api2.get("/api/v1/enrolments/" + enrolment1 + "/journal");
        assertThat(notes.status()).isEqualTo(403);
        assertThat(notes.body()).doesNotContain("Fortroligt");
        assertThat(api2.get("/api/v1/enrolments/" + enrolment1 + "/plan").status()).isEqualTo(403);
        assertThat(api2.get("/api/v1/enrolments/" + enrolment1 + "/purchases").status()).isEqualTo(403);
        assertThat(denied(worker2.username(), enrolment1)).isEqualTo(4);
        assertThat(api2.get("/api/v1/referrals/" + referral1).status()).isEqualTo(403);
        assertThat(denied(worker2.username(), null)).isEqualTo(1);

        // the person's case list shows team 2's referral only, no forløb of team 1
        var cases = api2.get("/api/v1/persons/" + personId + "/cases");
        assertThat(cases.status()).isEqualTo(200);
        assertThat(cases.json().get("referrals").valueStream().map(r -> r.get("id").asLong())).containsExactly(referral2);
        assertThat(cases.json().get("enrolments").size()).isZero();
        // and so does the person page
        var web = new WebSession(port, worker2);
        var page = web.page("/people/" + personId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Holmsen").doesNotContain("/enrolments/" + enrolment1).doesNotContain("/referrals/" + referral1);
        assertThat(web.get("/enrolments/" + enrolment1).statusCode()).isEqualTo(403);

        // team 1 still sees its own forløb and referral next to team 2's referral
        var cases1 = api1.get("/api/v1/persons/" + personId + "/cases");
        assertThat(cases1.json().get("enrolments").valueStream().map(e -> e.get("id").asLong())).containsExactly(enrolment1);
        assertThat(cases1.json().get("referrals").valueStream().map(r -> r.get("id").asLong())).containsExactly(referral1);

        // accepting team 2's referral starts team 2's own forløb, which team 2 works on (and team 1 does not see)
        var screened = api2.post("/api/v1/referrals/" + referral2 + "/screening", Map.of("gangRelated", false, "decision", "ACCEPT",
                "coordinatorId", worker2.id(), "startDate", today.toString(), "version", ref.json().get("version").asInt()));
        assertThat(screened.status()).as(screened.toString()).isEqualTo(200);
        long enrolment2 = screened.json().get("enrolmentId").asLong();
        assertThat(api2.get("/api/v1/enrolments/" + enrolment2).status()).isEqualTo(200);
        assertThat(api2.post("/api/v1/enrolments/" + enrolment2 + "/journal", Map.of("noteDate", today.toString(), "text", "Team 2s note"))
                .status()).isEqualTo(201);
        assertThat(api1.get("/api/v1/enrolments/" + enrolment2).status()).isEqualTo(403);
        assertThat(api2.get("/api/v1/persons/" + personId + "/cases").json().get("enrolments").valueStream().map(e -> e.get("id").asLong()))
                .containsExactly(enrolment2);
    }

    @Test
    void theCoordinatorFromAnotherTeamWorksOnTheForlobTheyCoordinate() {
        long team3 = staff.team("cross-3");
        TestStaff.User coordinator = staff.user(Role.CASEWORKER, team3);
        long coordinated = enrolments.enrolment(personId, team1, "EXIT", "COORDINATION", today.minusDays(5), coordinator.id());
        people.grantTeam(personId, team3);
        Api api3 = Api.at(port).as(coordinator.username(), coordinator.password());
        assertThat(api3.get("/api/v1/enrolments/" + coordinated).status()).isEqualTo(200);
        assertThat(api3.get("/api/v1/enrolments/" + enrolment1).status()).isEqualTo(403);
        assertThat(api3.get("/api/v1/persons/" + personId + "/cases").json().get("enrolments").valueStream().map(e -> e.get("id").asLong()))
                .containsExactly(coordinated);
    }

    @Test
    void registeringAPersonWhoseCprIsKnownElsewhereRevealsNothingAndIsAudited() {
        var dup = api2.post("/api/v1/persons", Map.of("cpr", cpr, "firstName", "Ny", "lastName", "Person", "teamId", team2));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.json().get("errors").get(0).get("field").asString()).isEqualTo("cpr");
        assertThat(dup.json().get("errors").get(0).get("message").asString())
                .isEqualTo("Der findes allerede en person med dette CPR-nummer. Henvis personen for at få adgang.");
        assertThat(dup.body()).doesNotContain("Hemmelig").doesNotContain("Holmsen").doesNotContain(String.valueOf(personId))
                .doesNotContain(cpr.substring(7));
        // audited on the existing person, with the actor and without the CPR number in clear
        var row = jdbc.sql("select subject, reason from aud_event where person_id = ? and action = 'DENIED' and actor = ?")
                .params(personId, worker2.username()).query((rs, i) -> rs.getString(1) + " | " + rs.getString(2)).single();
        assertThat(row).contains("registrering").contains("cpr hash").doesNotContain(cpr).doesNotContain(cpr.replace("-", ""));
        // nothing was granted
        assertThat(api2.get("/api/v1/persons/" + personId).status()).isEqualTo(403);
        // the own team's duplicate keeps its plain message
        var own = api1.post("/api/v1/persons", Map.of("cpr", cpr, "firstName", "Ny", "lastName", "Person", "teamId", team1));
        assertThat(own.json().get("errors").get(0).get("message").asString()).contains("Søg personen frem");
    }
}
