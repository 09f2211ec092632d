package dk.vendepunkt.people;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The disclosure endpoints × role and team: only the person's teams (caseworker, programme manager) read and record
 * disclosures; a caseworker of another team, ADMIN, ANALYST, READER and DPO get 403, and the refusals are audited. The
 * DPO reads the audit log (pages and API) and sees no case content: 403 on persons, forløb and the caseload.
 */
@IntegrationTest
class DisclosureAuthorisationIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired JdbcClient jdbc;

    @Test
    void theDisclosureEndpointsByRoleAndTeam() {
        long team = staff.team("disclosure-auth");
        long otherTeam = staff.team("disclosure-auth-other");
        long person = enrolments.person(team);
        Map<String, TestStaff.User> users = new LinkedHashMap<>();
        users.put("ADMIN", staff.user(Role.ADMIN));
        users.put("PROGRAMME_MANAGER", staff.user(Role.PROGRAMME_MANAGER, team));
        users.put("CASEWORKER same team", staff.user(Role.CASEWORKER, team));
        users.put("CASEWORKER other team", staff.user(Role.CASEWORKER, otherTeam));
        users.put("ANALYST", staff.user(Role.ANALYST));
        users.put("READER", staff.user(Role.READER));
        users.put("DPO", staff.user(Role.DPO));
        Map<String, Object> body = Map.of("recipient", "Skolen", "legalBasis", "BARNETS_LOV", "scope", "Skolefravær",
                "disclosedOn", LocalDate.now().minusDays(1).toString());
        String path = "/api/v1/persons/" + person + "/disclosures";
        users.forEach((who, u) -> {
            boolean allowed = who.equals("PROGRAMME_MANAGER") || who.equals("CASEWORKER same team");
            Api api = Api.at(port).as(u.username(), u.password());
            assertThat(api.post(path, body).status()).as(who + " POST").isEqualTo(allowed ? 201 : 403);
            assertThat(api.get(path).status()).as(who + " GET").isEqualTo(allowed ? 200 : 403);
            long denied = jdbc.sql("select count(*) from aud_event where actor = ? and action = 'DENIED'").param(u.username())
                    .query(Long.class).single();
            assertThat(denied).as(who + " refusals audited").isEqualTo(allowed ? 0 : 2);
        });
        assertThat(jdbc.sql("select count(*) from ppl_disclosure where person_id = ?").param(person).query(Long.class).single()).isEqualTo(2);
        // the other team's refusal names the person
        assertThat(jdbc.sql("select count(*) from aud_event where actor = ? and action = 'DENIED' and person_id = ?")
                .params(users.get("CASEWORKER other team").username(), person).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theDpoReadsTheAuditLogAndSeesNoCaseContent() {
        long team = staff.team("dpo");
        long person = enrolments.person(team);
        long enrolment = enrolments.enrolment(person, team, "EXIT", "IDENTIFICATION", LocalDate.now().minusDays(20), null);
        var dpo = staff.user(Role.DPO);
        Api api = Api.at(port).as(dpo.username(), dpo.password());
        assertThat(api.get("/api/v1/audit?size=1").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/verify").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/users").status()).as("administration stays ADMIN's").isEqualTo(403);
        assertThat(api.get("/api/v1/persons/" + person).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/persons?q=Test").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/enrolments/" + enrolment).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/caseload").status()).isEqualTo(403);

        WebSession web = WebSession.signIn(port, dpo);
        var audit = web.page("/admin/audit");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(web.page("/admin/audit/verify").statusCode()).isEqualTo(200);
        assertThat(web.page("/").body()).as("the start page offers the audit log").contains("href=\"/admin/audit\"");
        assertThat(web.page("/admin/users").statusCode()).isEqualTo(403);
        assertThat(web.page("/people/" + person).statusCode()).isEqualTo(403);
        assertThat(web.page("/enrolments/" + enrolment).statusCode()).isEqualTo(403);
        assertThat(web.page("/caseload").statusCode()).isEqualTo(403);
        assertThat(audit.body()).as("no menu entry to case work").doesNotContain("href=\"/caseload\"").doesNotContain("href=\"/people\"");
    }
}
