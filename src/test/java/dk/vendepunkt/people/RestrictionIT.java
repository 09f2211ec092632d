package dk.vendepunkt.people;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Restrictions on a person (issue 12, part 4): who may set and lift them, and that an excluded user, or a user not
 * named by a RESTRICT, is refused the person and everything on them even within the team, with a DENIED audit row,
 * and does not see the person in searches, the caseload or the waiting list.
 */
@IntegrationTest
class RestrictionIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired JdbcClient jdbc;

    long team;
    long otherTeam;
    TestStaff.User admin, dpo, manager, caseworker, excluded, otherTeamCaseworker, analyst, reader;
    long person;
    String cpr;
    long enrolment;
    long referral;

    @BeforeEach
    void setUp() {
        team = staff.team("restr");
        otherTeam = staff.team("restr-other");
        admin = staff.user(Role.ADMIN);
        dpo = staff.user(Role.DPO);
        manager = staff.user(Role.PROGRAMME_MANAGER, team);
        caseworker = staff.user(Role.CASEWORKER, team);
        excluded = staff.user(Role.CASEWORKER, team);
        otherTeamCaseworker = staff.user(Role.CASEWORKER, otherTeam);
        analyst = staff.user(Role.ANALYST);
        reader = staff.user(Role.READER);
        cpr = TestStaff.uniqueCpr();
        person = registered(cpr);
        enrolment = enrolments.enrolment(person, team, "EXIT", "IDENTIFICATION", LocalDate.now().minusDays(10), null);
        referral = jdbc.sql("""
                insert into cw_referral (person_id, programme, team_id, channel, referred_on, reason, legal_basis, created_by)
                values (?, 'EXIT', ?, 'SSP', ?, 'test', 'RPL_115', 'test') returning id""")
                .params(person, team, LocalDate.now().minusDays(3)).query(Long.class).single();
    }

    @Autowired PersonDirectory directory;

    long registered(String cpr) {
        return directory.registerSystem(CprNumber.parse(cpr).orElseThrow(), "Rikke", "Restriktion" + System.nanoTime() % 100000, "D01", team);
    }

    Api api(TestStaff.User u) {
        return Api.at(port).as(u.username(), u.password());
    }

    Map<String, Object> exclude(TestStaff.User who) {
        return Map.of("kind", "EXCLUDE", "username", who.username(), "reason", "Medarbejderen er i familie med personen");
    }

    long restrict(TestStaff.User by, Map<String, Object> body) {
        var r = api(by).post("/api/v1/persons/" + person + "/restrictions", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    long denied(TestStaff.User u, String reason) {
        return jdbc.sql("select count(*) from aud_event where actor = ? and person_id = ? and action = 'DENIED' and reason = ?")
                .params(u.username(), person, reason).query(Long.class).single();
    }

    @Test
    void onlyAdministratorsAndTheDpoSetListAndLiftRestrictions() {
        Map<TestStaff.User, Integer> expected = new LinkedHashMap<>();
        expected.put(admin, 201);
        expected.put(dpo, 201);
        expected.put(manager, 403);
        expected.put(caseworker, 403);
        expected.put(otherTeamCaseworker, 403);
        expected.put(analyst, 403);
        expected.put(reader, 403);
        long mine = restrict(dpo, exclude(otherTeamCaseworker));
        List<String> wrong = new ArrayList<>();
        expected.forEach((u, status) -> {
            var set = api(u).post("/api/v1/persons/" + person + "/restrictions", exclude(otherTeamCaseworker));
            if (set.status() != status) wrong.add(u.username() + " POST " + set);
            var list = api(u).get("/api/v1/persons/" + person + "/restrictions");
            if (list.status() != (status == 201 ? 200 : 403)) wrong.add(u.username() + " GET " + list.status());
            long target = set.status() == 201 ? set.json().get("id").asLong() : mine;
            var lift = api(u).delete("/api/v1/persons/" + person + "/restrictions/" + target + "?reason=" + "Ikke%20l%C3%A6ngere%20relevant");
            if (lift.status() != (status == 201 ? 200 : 403)) wrong.add(u.username() + " DELETE " + lift);
            // the pages likewise
            var page = new WebSession(port, u).get("/dpo/restrictions/persons/" + person);
            if (page.statusCode() != (status == 201 ? 200 : 403)) wrong.add(u.username() + " page " + page.statusCode());
        });
        assertThat(wrong).isEmpty();
        // the refusals of the API are audited
        assertThat(jdbc.sql("select count(*) from aud_event where actor = ? and action = 'DENIED'").param(reader.username())
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
        // lifted ones stay as history with who and why
        JsonNode history = api(admin).get("/api/v1/persons/" + person + "/restrictions").json();
        assertThat(history).hasSize(3);
        assertThat(history.get(2).get("liftReason").asString()).isEqualTo("Ikke længere relevant");
    }

    @Test
    void theDposPagesLiveUnderOnePrefixAndTheFormerAddressesRedirect() {
        var dpo = staff.user(Role.DPO);
        var session = new WebSession(port, dpo);
        var home = session.page("/dpo");
        assertThat(home.statusCode()).isEqualTo(200);
        // the menu links the DPO's pages under /dpo only
        assertThat(home.body()).contains("href=\"/dpo/restrictions\"").contains("href=\"/dpo/break-glass\"").doesNotContain("/privacy/");
        for (String page : new String[] {"/dpo/restrictions", "/dpo/break-glass"}) {
            assertThat(session.page(page).statusCode()).as(page).isEqualTo(200);
        }
        // bookmarks of the former addresses arrive (query kept); the redirect grants nothing by itself
        var old = session.get("/privacy/break-glass?all=true");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith("/dpo/break-glass?all=true");
        assertThat(session.get("/privacy/restrictions/persons/12").headers().firstValue("Location").orElseThrow())
                .endsWith("/dpo/restrictions/persons/12");
        var caseworker = new WebSession(port, staff.user(Role.CASEWORKER, staff.team("dpo-prefix")));
        assertThat(caseworker.get("/dpo/break-glass").statusCode()).isEqualTo(403);
        assertThat(caseworker.get("/dpo/restrictions").statusCode()).isEqualTo(403);
        var admin = new WebSession(port, staff.user(Role.ADMIN));
        assertThat(admin.get("/dpo/restrictions").statusCode()).isEqualTo(200);
        assertThat(admin.get("/dpo/break-glass").statusCode()).isEqualTo(403);
    }

    @Test
    void anExcludedUserWithinTheTeamIsRefusedThePersonTheirForlobAndReferralAndDoesNotFindThem() {
        Api cw = api(excluded);
        // within the team: everything open before the restriction
        assertThat(cw.get("/api/v1/persons/" + person).status()).isEqualTo(200);
        assertThat(cw.get("/api/v1/enrolments/" + enrolment).status()).isEqualTo(200);
        assertThat(cw.get("/api/v1/referrals/" + referral).status()).isEqualTo(200);
        assertThat(ids(cw.get("/api/v1/persons?q=" + cpr).json())).contains(person);
        assertThat(caseloadPersons(cw)).contains(person);

        long id = restrict(admin, exclude(excluded));

        assertThat(cw.get("/api/v1/persons/" + person).status()).isEqualTo(403);
        assertThat(cw.get("/api/v1/persons/" + person + "/cases").status()).isEqualTo(403);
        assertThat(cw.get("/api/v1/enrolments/" + enrolment).status()).isEqualTo(403);
        assertThat(cw.put("/api/v1/enrolments/" + enrolment, Map.of("version", 0)).status()).isEqualTo(403);
        assertThat(cw.get("/api/v1/referrals/" + referral).status()).isEqualTo(403);
        assertThat(cw.post("/api/v1/persons/" + person + "/cpr", Map.of("reason", "Skal ringe til kommunen nu")).status()).isEqualTo(403);
        assertThat(cw.post("/api/v1/persons/" + person + "/break-glass", Map.of("reason", "Akut situation, skal se handleplanen")).status())
                .isEqualTo(403);
        // lists leave the person out instead of failing
        var search = cw.get("/api/v1/persons?q=" + cpr);
        assertThat(search.status()).isEqualTo(200);
        assertThat(ids(search.json())).doesNotContain(person);
        assertThat(ids(cw.get("/api/v1/persons?q=Restriktion").json())).doesNotContain(person);
        assertThat(caseloadPersons(cw)).doesNotContain(person);
        // the page: a neutral refusal (no word of a restriction), and the forløb page too
        WebSession web = new WebSession(port, excluded);
        var page = web.get("/people/" + person);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Du har ikke adgang til denne side").doesNotContain("begræns").doesNotContain("udeluk")
                .doesNotContain("Bryd glasset");
        assertThat(web.get("/enrolments/" + enrolment).statusCode()).isEqualTo(403);
        var webSearch = web.get("/people?q=" + cpr);
        assertThat(webSearch.statusCode()).isEqualTo(200);
        assertThat(webSearch.body()).doesNotContain("/people/" + person + "\"").doesNotContain("Bryd glasset");
        // every refusal audited on the person
        assertThat(denied(excluded, "begrænsning på personen")).isGreaterThanOrEqualTo(8);

        // the rest of the team keeps access
        assertThat(api(caseworker).get("/api/v1/persons/" + person).status()).isEqualTo(200);
        assertThat(api(caseworker).get("/api/v1/enrolments/" + enrolment).status()).isEqualTo(200);
        assertThat(caseloadPersons(api(caseworker))).contains(person);

        // lifting needs a reason (Danish message), then access is back
        var noReason = api(dpo).delete("/api/v1/persons/" + person + "/restrictions/" + id);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("Skriv en begrundelse");
        assertThat(api(dpo).delete("/api/v1/persons/" + person + "/restrictions/" + id + "?reason=Fejlregistrering%20rettet").status()).isEqualTo(200);
        assertThat(api(dpo).delete("/api/v1/persons/" + person + "/restrictions/" + id + "?reason=Fejlregistrering%20rettet").status()).isEqualTo(409);
        assertThat(cw.get("/api/v1/persons/" + person).status()).isEqualTo(200);
        assertThat(cw.get("/api/v1/enrolments/" + enrolment).status()).isEqualTo(200);
    }

    @Test
    void aRestrictionToNamedUsersClosesThePersonToTheRestOfTheTeamAndTheWaitingList() {
        jdbc.sql("update cw_referral set status = 'WAITING' where id = ?").param(referral).update();
        try {
            assertThat(waitingPersons()).contains(person);
            restrict(dpo, Map.of("kind", "RESTRICT", "allowedUsernames", List.of(caseworker.username()), "reason", "Beskyttet adresse, vidne i sag"));
            assertThat(api(caseworker).get("/api/v1/persons/" + person).status()).isEqualTo(200);
            assertThat(api(caseworker).get("/api/v1/enrolments/" + enrolment).status()).isEqualTo(200);
            assertThat(api(excluded).get("/api/v1/persons/" + person).status()).isEqualTo(403);
            assertThat(api(excluded).get("/api/v1/enrolments/" + enrolment).status()).isEqualTo(403);
            assertThat(api(manager).get("/api/v1/enrolments/" + enrolment).status()).isEqualTo(403);
            assertThat(denied(manager, "begrænsning på personen")).isEqualTo(1);
            // the programme manager's waiting list leaves the person out; the count stays whole
            assertThat(waitingPersons()).doesNotContain(person);
        } finally {
            jdbc.sql("delete from cw_referral where id = ?").param(referral).update();
        }
    }

    @Test
    void aRestrictionIsRefusedWithDanishMessagesWhenIncomplete() {
        Api a = api(admin);
        var noKind = a.post("/api/v1/persons/" + person + "/restrictions", Map.of("username", excluded.username(), "reason", "En god begrundelse her"));
        assertThat(noKind.status()).isEqualTo(400);
        assertThat(noKind.body()).contains("Vælg om medarbejdere skal udelukkes");
        var unknown = a.post("/api/v1/persons/" + person + "/restrictions", Map.of("kind", "EXCLUDE", "username", "ingen-saadan-bruger", "reason", "En god begrundelse her"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("ingen medarbejder med brugernavnet: ingen-saadan-bruger");
        var empty = a.post("/api/v1/persons/" + person + "/restrictions", Map.of("kind", "RESTRICT", "allowedUsernames", List.of(), "reason", "En god begrundelse her"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("mindst ét brugernavn");
        var shortReason = a.post("/api/v1/persons/" + person + "/restrictions", Map.of("kind", "EXCLUDE", "username", excluded.username(), "reason", "kort"));
        assertThat(shortReason.status()).isEqualTo(400);
        assertThat(shortReason.body()).contains("mindst 10 tegn");
        assertThat(a.post("/api/v1/persons/999999999/restrictions", exclude(excluded)).status()).isEqualTo(404);
        assertThat(api(excluded).get("/api/v1/persons/" + person).status()).isEqualTo(200);
    }

    List<Long> waitingPersons() {
        var r = api(manager).get("/api/v1/programmes/EXIT/dashboard");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Long> out = new ArrayList<>();
        r.json().get("waitingList").forEach(l -> out.add(l.get("personId").asLong()));
        return out;
    }

    static List<Long> ids(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(p -> out.add(p.get("id").asLong()));
        return out;
    }

    static List<Long> caseloadPersons(Api api) {
        var r = api.get("/api/v1/caseload");
        assertThat(r.status()).isEqualTo(200);
        List<Long> out = new ArrayList<>();
        r.json().get("enrolments").forEach(i -> out.add(i.get("line").get("personId").asLong()));
        r.json().get("referrals").forEach(i -> out.add(i.get("personId").asLong()));
        return out;
    }
}
