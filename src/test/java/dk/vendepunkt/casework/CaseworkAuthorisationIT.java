package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each role against each casework endpoint group (API and pages); a caseworker outside the team gets 403 and an audit row. */
@IntegrationTest
class CaseworkAuthorisationIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired JdbcClient jdbc;

    long team;
    long enrolmentId;
    long personId;
    long followUpId;
    long referralId;
    final Map<Role, TestStaff.User> users = new EnumMap<>(Role.class);
    final Map<Role, Api> api = new EnumMap<>(Role.class);

    @BeforeEach
    void setUp() {
        team = staff.team("cw-auth");
        for (Role r : Role.values()) {
            TestStaff.User u = staff.user(r, team);
            users.put(r, u);
            api.put(r, Api.at(port).as(u.username(), u.password()));
        }
        enrolmentId = enrolments.enrolment(team);
        personId = jdbc.sql("select person_id from cw_enrolment where id = ?").param(enrolmentId).query(Long.class).single();
        referralId = jdbc.sql("""
                insert into cw_referral (person_id, programme, team_id, channel, referred_on, reason, legal_basis, created_by)
                values (?, 'EXIT', ?, 'SSP', current_date, 'test', 'CONSENT', 'test') returning id""")
                .params(personId, team).query(Long.class).single();
        long closed = enrolments.enrolment(personId, team, "EXIT", "INCLUSION", java.time.LocalDate.now().minusDays(200), null);
        enrolments.close(closed, java.time.LocalDate.now().minusDays(100), "COMPLETED");
        followUpId = jdbc.sql("insert into cw_follow_up (enrolment_id, kind, due_date) values (?, 'MONTHS_3', current_date) returning id")
                .param(closed).query(Long.class).single();
    }

    boolean caseStaff(Role r) {
        return r == Role.CASEWORKER || r == Role.PROGRAMME_MANAGER;
    }

    @Test
    void casesOnlyForCaseStaffOfTheTeam() {
        for (Role r : Role.values()) {
            Api a = api.get(r);
            int expected = caseStaff(r) ? 200 : 403;
            assertThat(a.get("/api/v1/enrolments/" + enrolmentId).status()).as(r + " enrolment").isEqualTo(expected);
            assertThat(a.get("/api/v1/referrals/" + referralId).status()).as(r + " referral").isEqualTo(expected);
            assertThat(a.get("/api/v1/persons/" + personId + "/cases").status()).as(r + " cases").isEqualTo(expected);
            assertThat(a.get("/api/v1/caseload").status()).as(r + " caseload").isEqualTo(expected);
            assertThat(a.get("/api/v1/family-cases").status()).as(r + " family cases").isEqualTo(expected);
            assertThat(a.get("/api/v1/families").status()).as(r + " families").isEqualTo(expected);
            assertThat(a.get("/api/v1/reviews-115").status()).as(r + " §115 meetings").isEqualTo(expected);
            if (!caseStaff(r)) {
                assertThat(a.post("/api/v1/referrals", Map.of("programme", "EXIT")).status()).as(r + " register").isEqualTo(403);
                assertThat(a.post("/api/v1/enrolments/" + enrolmentId + "/phase-changes", Map.of("toPhase", "COORDINATION", "reason", "x", "version", 0))
                        .status()).as(r + " phase").isEqualTo(403);
                assertThat(a.post("/api/v1/enrolments/" + enrolmentId + "/closure", Map.of("reason", "OTHER")).status()).as(r + " close").isEqualTo(403);
                assertThat(a.post("/api/v1/follow-ups/" + followUpId, Map.of("status", "NONE")).status()).as(r + " follow-up").isEqualTo(403);
            }
        }
    }

    @Test
    void caseworkerOutsideTheTeamIsRefusedForEveryOperationAndEachRefusalAudited() {
        long other = staff.team("cw-auth-other");
        TestStaff.User outsider = staff.user(Role.CASEWORKER, other);
        Api a = Api.at(port).as(outsider.username(), outsider.password());
        assertThat(a.get("/api/v1/enrolments/" + enrolmentId).status()).isEqualTo(403);
        assertThat(a.put("/api/v1/enrolments/" + enrolmentId, Map.of("baseline", "x", "version", 0)).status()).isEqualTo(403);
        assertThat(a.post("/api/v1/enrolments/" + enrolmentId + "/phase-changes", Map.of("toPhase", "COORDINATION", "reason", "x", "version", 0))
                .status()).isEqualTo(403);
        assertThat(a.post("/api/v1/enrolments/" + enrolmentId + "/closure",
                Map.of("reason", "OTHER", "endDate", java.time.LocalDate.now().toString(), "summary", "x", "version", 0)).status()).isEqualTo(403);
        assertThat(a.get("/api/v1/referrals/" + referralId).status()).isEqualTo(403);
        assertThat(a.post("/api/v1/referrals/" + referralId + "/screening", Map.of("gangRelated", false, "decision", "WAITING_LIST", "version", 0))
                .status()).isEqualTo(403);
        assertThat(a.post("/api/v1/follow-ups/" + followUpId, Map.of("status", "NONE", "statusDate", java.time.LocalDate.now().toString(), "version", 0))
                .status()).isEqualTo(403);
        assertThat(a.get("/api/v1/persons/" + personId + "/cases").status()).isEqualTo(403);
        assertThat(a.post("/api/v1/referrals", Map.of("personId", personId, "programme", "EXIT", "teamId", other, "channel", "SSP",
                "referredOn", java.time.LocalDate.now().toString(), "reason", "x", "legalBasis", "RPL_115")).status()).isEqualTo(403);

        long denied = jdbc.sql("select count(*) from aud_event where person_id = ? and action = 'DENIED' and actor = ?")
                .params(personId, outsider.username()).query(Long.class).single();
        assertThat(denied).isEqualTo(9);
        long withEnrolment = jdbc.sql("select count(*) from aud_event where enrolment_id = ? and action = 'DENIED' and actor = ?")
                .params(enrolmentId, outsider.username()).query(Long.class).single();
        assertThat(withEnrolment).isEqualTo(4);
        // nothing changed, nothing read
        assertThat(jdbc.sql("select phase from cw_enrolment where id = ?").param(enrolmentId).query(String.class).single()).isEqualTo("IDENTIFICATION");
        assertThat(jdbc.sql("select count(*) from aud_event where person_id = ? and action = 'READ' and actor = ?")
                .params(personId, outsider.username()).query(Long.class).single()).isZero();
        // the caseload of the outsider does not show the forløb
        assertThat(a.get("/api/v1/caseload").body()).doesNotContain("\"id\":" + enrolmentId + ",");
    }

    @Test
    void programmeGroups() {
        for (Role r : Role.values()) {
            Api a = api.get(r);
            // the DPO has the audit log and nothing of the case work (issue 12)
            assertThat(a.get("/api/v1/programmes").status()).as(r + " catalogue").isEqualTo(r == Role.READER || r == Role.DPO ? 403 : 200);
            assertThat(a.get("/api/v1/programmes/EXIT/dashboard").status()).as(r + " dashboard")
                    .isEqualTo(r == Role.PROGRAMME_MANAGER || r == Role.ANALYST ? 200 : 403);
            boolean mayEdit = r == Role.ADMIN || r == Role.PROGRAMME_MANAGER;
            int status = a.put("/api/v1/programmes/EXIT", Map.of("version", -1)).status();
            assertThat(status).as(r + " settings").isEqualTo(mayEdit ? 409 : 403);
        }
    }

    @Test
    void pagesByRole() {
        Map<String, Set<Role>> pages = Map.of(
                "/caseload", Set.of(Role.CASEWORKER, Role.PROGRAMME_MANAGER),
                "/referrals/new", Set.of(Role.CASEWORKER, Role.PROGRAMME_MANAGER),
                "/referrals/" + referralId, Set.of(Role.CASEWORKER, Role.PROGRAMME_MANAGER),
                "/enrolments/" + enrolmentId, Set.of(Role.CASEWORKER, Role.PROGRAMME_MANAGER),
                "/enrolments/" + enrolmentId + "/closure", Set.of(Role.CASEWORKER, Role.PROGRAMME_MANAGER),
                "/programmes", Set.of(Role.PROGRAMME_MANAGER, Role.ANALYST),
                "/programmes/EXIT", Set.of(Role.PROGRAMME_MANAGER, Role.ANALYST),
                "/family-cases", Set.of(Role.CASEWORKER, Role.PROGRAMME_MANAGER),
                "/families", Set.of(Role.CASEWORKER, Role.PROGRAMME_MANAGER),
                "/reviews-115", Set.of(Role.CASEWORKER, Role.PROGRAMME_MANAGER));
        for (Role r : Role.values()) {
            WebSession web = new WebSession(port, users.get(r));
            pages.forEach((path, allowed) -> assertThat(web.get(path).statusCode()).as(r + " " + path).isEqualTo(allowed.contains(r) ? 200 : 403));
        }
        TestStaff.User outsider = staff.user(Role.CASEWORKER, staff.team("cw-auth-page"));
        WebSession web = new WebSession(port, outsider);
        assertThat(web.get("/enrolments/" + enrolmentId).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from aud_event where enrolment_id = ? and action = 'DENIED' and actor = ?")
                .params(enrolmentId, outsider.username()).query(Long.class).single()).isEqualTo(1);
    }
}
