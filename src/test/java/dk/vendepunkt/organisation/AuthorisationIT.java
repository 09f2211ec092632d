package dk.vendepunkt.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each role against each endpoint group; a caseworker outside the team gets 403 and an audit record. */
@IntegrationTest
class AuthorisationIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;

    @Test
    void caseworkerOutsideTheTeamIsRefusedAndTheAttemptAudited() {
        long teamA = staff.team("a");
        long teamB = staff.team("b");
        var inA = staff.user(Role.CASEWORKER, teamA);
        var inB = staff.user(Role.CASEWORKER, teamB);
        long id = Api.at(port).as(inA.username(), inA.password()).post("/api/v1/persons",
                Map.of("cpr", TestStaff.uniqueCpr(), "firstName", "A", "lastName", "B", "teamId", teamA)).json().get("id").asLong();

        Api other = Api.at(port).as(inB.username(), inB.password());
        assertThat(other.get("/api/v1/persons/" + id).status()).isEqualTo(403);
        assertThat(other.post("/api/v1/persons/" + id + "/cpr", Map.of("reason", "nysgerrig")).status()).isEqualTo(403);
        assertThat(other.put("/api/v1/persons/" + id, Map.of("firstName", "X", "lastName", "Y", "version", 0)).status()).isEqualTo(403);

        long denied = jdbc.sql("select count(*) from aud_event where person_id = ? and action = 'DENIED' and actor = ?")
                .params(id, inB.username()).query(Long.class).single();
        assertThat(denied).isEqualTo(3);
        // and the person was not changed
        assertThat(jdbc.sql("select first_name from ppl_person where id = ?").param(id).query(String.class).single()).isEqualTo("A");
    }

    @Test
    void rolesAgainstEndpointGroups() {
        long team = staff.team("roles");
        Map<Role, Api> as = new java.util.EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            var u = staff.user(r, team);
            as.put(r, Api.at(port).as(u.username(), u.password()));
        }
        // administration: ADMIN only; the audit log: ADMIN and DPO
        for (Role r : Role.values()) {
            int expected = r == Role.ADMIN ? 200 : 403;
            assertThat(as.get(r).get("/api/v1/audit?size=1").status()).as(r + " audit")
                    .isEqualTo(r == Role.ADMIN || r == Role.DPO ? 200 : 403);
            assertThat(as.get(r).get("/api/v1/admin/users").status()).as(r + " users").isEqualTo(expected);
        }
        // persons: caseworkers and programme managers only; ANALYST, READER, ADMIN and DPO never see a person
        for (Role r : Role.values()) {
            boolean allowed = r == Role.CASEWORKER || r == Role.PROGRAMME_MANAGER;
            assertThat(as.get(r).get("/api/v1/persons?q=a").status()).as(r + " persons").isEqualTo(allowed ? 200 : 403);
        }
        // no credentials: 401 on the API, redirect to the login page in the UI
        assertThat(Api.at(port).get("/api/v1/persons?q=a").status()).isEqualTo(401);
        assertThat(Api.at(port).as("nobody", "wrong-password-123").get("/api/v1/persons?q=a").status()).isEqualTo(401);
    }

    @Test
    void repeatedFailedLoginsLockTheAccount() {
        var u = staff.user(Role.ANALYST);
        Api wrong = Api.at(port).as(u.username(), "not-the-password");
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get("/api/v1/admin/users").status()).isEqualTo(401);
        }
        // now even the right password is refused until the lock expires
        assertThat(Api.at(port).as(u.username(), u.password()).get("/api/v1/persons?q=a").status()).isEqualTo(401);
        jdbc.sql("update org_user set locked_until = now() - interval '1 minute' where id = ?").param(u.id()).update();
        assertThat(Api.at(port).as(u.username(), u.password()).get("/api/v1/persons?q=a").status()).isEqualTo(403);
    }

    @Test
    void healthIsPublicAndUp() {
        var h = Api.at(port).get("/actuator/health");
        assertThat(h.status()).isEqualTo(200);
        assertThat(h.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void openApiIsPublishedForSignedInUsers() {
        var u = staff.user(Role.ANALYST);
        var docs = Api.at(port).as(u.username(), u.password()).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/persons")).isTrue();
    }
}
