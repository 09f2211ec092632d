package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A withdrawn consent stops what rested on it: the forløb whose referral rested on the consent gets a task for its
 * owner (listed on the owner's caseload with the follow-ups that fall due, and on the forløb page) to find another
 * basis or end the processing, resolved with a reason; the team's other forløb and other teams see nothing.
 */
@IntegrationTest
class ConsentWithdrawnTaskIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @Test
    void theOwnerGetsATaskToFindAnotherBasisOrEndTheProcessing() {
        LocalDate today = LocalDate.now(clock);
        long team = staff.team("consent-task");
        var owner = staff.user(Role.CASEWORKER, team);
        Api api = Api.at(port).as(owner.username(), owner.password());
        Map<String, Object> referral = new HashMap<>(Map.of("cpr", TestStaff.uniqueCpr(), "firstName", "Tove", "lastName", "Tilbage",
                "programme", "EXIT", "teamId", team, "channel", "SELF", "referredOn", today.minusDays(30).toString(),
                "reason", "Ønsker hjælp til at komme ud af miljøet", "legalBasis", "CONSENT"));
        referral.put("consentOn", today.minusDays(30).toString());
        var ref = api.post("/api/v1/referrals", referral);
        assertThat(ref.status()).as(ref.toString()).isEqualTo(201);
        long personId = ref.json().get("personId").asLong();
        var screened = api.post("/api/v1/referrals/" + ref.json().get("id").asLong() + "/screening", Map.of("gangRelated", false,
                "decision", "ACCEPT", "coordinatorId", owner.id(), "startDate", today.minusDays(20).toString(), "baseline", "Uden job",
                "version", ref.json().get("version").asInt()));
        assertThat(screened.status()).as(screened.toString()).isEqualTo(200);
        long enrolmentId = screened.json().get("enrolmentId").asLong();
        assertThat(api.get("/api/v1/caseload").json().get("consentTasks").size()).isZero();

        long consentId = api.get("/api/v1/persons/" + personId + "/consents").json().get(0).get("id").asLong();
        var withdrawn = api.post("/api/v1/persons/" + personId + "/consents/" + consentId + "/withdrawal",
                Map.of("withdrawnOn", today.minusDays(2).toString()));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);

        JsonNode tasks = api.get("/api/v1/caseload").json().get("consentTasks");
        assertThat(tasks.size()).isEqualTo(1);
        assertThat(tasks.get(0).get("line").get("enrolmentId").asLong()).isEqualTo(enrolmentId);
        assertThat(tasks.get(0).get("line").get("dueDate").asString()).isEqualTo(today.minusDays(2).plusDays(14).toString());
        assertThat(jdbc.sql("select count(*) from aud_event where enrolment_id = ? and action = 'CREATE' and subject = 'opgave: samtykke trukket tilbage'")
                .param(enrolmentId).query(Long.class).single()).isEqualTo(1);
        var outsider = staff.user(Role.CASEWORKER, staff.team("consent-task-other"));
        assertThat(Api.at(port).as(outsider.username(), outsider.password()).get("/api/v1/caseload").json().get("consentTasks").size()).isZero();

        WebSession web = WebSession.signIn(port, owner);
        assertThat(web.page("/caseload").body()).contains("Samtykke trukket tilbage (1)").contains("/enrolments/" + enrolmentId + "#consent-tasks");
        String page = web.page("/enrolments/" + enrolmentId).body();
        assertThat(page).contains("Opgave: samtykket er trukket tilbage").contains("Videregivelser");
        long taskId = jdbc.sql("select id from cw_case_task where enrolment_id = ?").param(enrolmentId).query(Long.class).single();
        String resolve = "/enrolments/" + enrolmentId + "/consent-tasks/" + taskId;
        var refused = web.post(resolve, Map.of("resolution", "OTHER_BASIS"));
        assertThat(refused.body()).contains("Angiv en begrundelse.").contains("id=\"resolutionNote-" + taskId + "-error\"");
        var resolved = web.post(resolve, Map.of("resolution", "OTHER_BASIS", "note", "Servicelovens § 49 b, aftalt med lederen"));
        assertThat(resolved.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select resolution || ' ' || resolved_by from cw_case_task where id = ?").param(taskId).query(String.class).single())
                .isEqualTo("OTHER_BASIS " + owner.username());
        assertThat(api.get("/api/v1/caseload").json().get("consentTasks").size()).isZero();
    }
}
