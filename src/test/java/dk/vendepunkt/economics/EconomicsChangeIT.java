package dk.vendepunkt.economics;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Changing a parameter or a scenario through the API with optimistic concurrency, deleting a scenario (API and
 * page, audited), and who may do what: ANALYST and PROGRAMME_MANAGER read, PROGRAMME_MANAGER changes.
 */
@IntegrationTest
class EconomicsChangeIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;

    Api as(Role role) {
        var u = staff.user(role);
        return Api.at(port).as(u.username(), u.password());
    }

    static Map<String, Object> change(String value, Integer version) {
        Map<String, Object> m = new HashMap<>();
        m.put("value", value);
        m.put("source", "test");
        if (version != null) m.put("version", version);
        return m;
    }

    static String param(String code, String scenario, String parameter) {
        return "/api/v1/economics/parameters/" + parameter + "?programme=" + code + (scenario == null ? "" : "&scenario=" + scenario);
    }

    long audited(String action, String subject) {
        return jdbc.sql("select count(*) from aud_event where action = ? and subject = ?").params(action, subject).query(Long.class).single();
    }

    @Test
    void putChangesAParameterAtItsVersionAndAStaleVersionIsAConflict() {
        Api pm = as(Role.PROGRAMME_MANAGER);
        String code = EconomicsIT.programme(pm);
        int version = -1;
        for (var row : pm.get("/api/v1/economics/parameters?programme=" + code).json().get("parameters"))
            if (row.get("parameter").asString().equals("participants")) version = row.get("version").asInt();
        assertThat(version).isZero();

        var put = pm.put(param(code, null, "participants"), change("20", version));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("version").asInt()).isEqualTo(1);
        assertThat(put.json().get("value").decimalValue()).isEqualByComparingTo("20");
        // 600 000 / 20 = 30 000; 0.5 × 200 000 − 30 000 = 70 000
        assertThat(pm.get("/api/v1/economics/cost-benefit?programme=" + code + "&asOf=2026-01-01&successRate=0.5&draws=10").json()
                .get("gainPerParticipant").decimalValue()).isEqualByComparingTo("70000");
        // someone read version 0 before that change: stale
        var stale = pm.put(param(code, null, "participants"), change("30", 0));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("En anden har gemt ændringer");
        // a parameter the set does not have: 404 with a version, created without one, 409 when created twice
        assertThat(pm.put(param(code, null, "one_off_cost_dkk"), change("100000", 0)).status()).isEqualTo(404);
        var created = pm.put(param(code, "dyr", "one_off_cost_dkk"), change("100000", null));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.json().get("version").asInt()).isZero();
        assertThat(pm.put(param(code, "dyr", "one_off_cost_dkk"), change("100000", null)).status()).isEqualTo(409);
        // the rules of the form and the import
        var bad = pm.put(param(code, null, "discount_rate"), change("2", null));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Diskonteringsrenten skal være under 1");
        assertThat(pm.put(param(code, null, "cost"), change("1", null)).status()).isEqualTo(400);
        assertThat(audited("UPDATE", "økonomiparameter " + code + "/participants")).isEqualTo(1);
        assertThat(audited("CREATE", "økonomiparameter " + code + "/dyr/one_off_cost_dkk")).isEqualTo(1);
    }

    @Test
    void aScenarioIsRenamedAndDeletedAndUnknownOnesAre404() {
        Api pm = as(Role.PROGRAMME_MANAGER);
        String code = EconomicsIT.programme(pm);
        assertThat(pm.put(param(code, "a", "years"), change("2", null)).status()).isEqualTo(200);
        assertThat(pm.put(param(code, "b", "years"), change("3", null)).status()).isEqualTo(200);
        var renamed = pm.put("/api/v1/economics/scenarios/a?programme=" + code, Map.of("name", "to-aar"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(pm.put("/api/v1/economics/scenarios/b?programme=" + code, Map.of("name", "to-aar")).status()).isEqualTo(409);
        assertThat(pm.put("/api/v1/economics/scenarios/x?programme=" + code, Map.of("name", "y")).status()).isEqualTo(404);
        assertThat(pm.get("/api/v1/economics/parameters?programme=" + code).json().get("scenarios").toString()).isEqualTo("[\"b\",\"to-aar\"]");

        assertThat(pm.delete("/api/v1/economics/scenarios/b?programme=" + code).status()).isEqualTo(204);
        assertThat(pm.delete("/api/v1/economics/scenarios/b?programme=" + code).status()).isEqualTo(404);
        assertThat(pm.get("/api/v1/economics/parameters?programme=" + code).json().get("scenarios").toString()).isEqualTo("[\"to-aar\"]");
        assertThat(audited("DELETE", "økonomiscenarie " + code + "/b")).isEqualTo(1);

        // the page: deleted after the confirmation (a plain form post), the base set stays; unknown: 404
        var manager = WebSession.signIn(port, staff.user(Role.PROGRAMME_MANAGER));
        var deleted = manager.post("/economics?programme=" + code + "&scenario=to-aar", "/economics/scenarios/delete",
                Map.of("programme", code, "scenario", "to-aar"));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(pm.get("/api/v1/economics/parameters?programme=" + code).json().get("scenarios").size()).isZero();
        assertThat(pm.get("/api/v1/economics/parameters?programme=" + code).json().get("parameters").size()).isEqualTo(6);
        assertThat(manager.post("/economics?programme=" + code, "/economics/scenarios/delete", Map.of("programme", code, "scenario", "to-aar"))
                .statusCode()).isEqualTo(404);
        assertThat(manager.post("/economics?programme=" + code, "/economics/scenarios/delete", Map.of("programme", code, "scenario", ""))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void authorisationMatrix() {
        Api pm = as(Role.PROGRAMME_MANAGER);
        String code = EconomicsIT.programme(pm);
        Set<Role> readers = EnumSet.of(Role.ANALYST, Role.PROGRAMME_MANAGER), editors = EnumSet.of(Role.PROGRAMME_MANAGER);
        for (Role role : Role.values()) {
            Api api = as(role);
            // reads
            int read = readers.contains(role) ? 200 : 403;
            assertThat(api.get("/api/v1/economics/cost-benefit?programme=" + code + "&asOf=2026-01-01&successRate=0.4&draws=10").status())
                    .as(role + " cost-benefit").isEqualTo(read);
            assertThat(api.get("/api/v1/economics/parameters?programme=" + code).status()).as(role + " parameters").isEqualTo(read);
            assertThat(WebSession.signIn(port, staff.user(role)).get("/economics?programme=" + code).statusCode()).as(role + " page").isEqualTo(read);
            // changes: each role on a scenario of its own, so that a wrongly allowed change cannot hide another's refusal
            String scenario = "m-" + role.name().toLowerCase();
            boolean edits = editors.contains(role);
            assertThat(api.put(param(code, scenario, "years"), change("2", null)).status()).as(role + " put parameter").isEqualTo(edits ? 200 : 403);
            pm.put(param(code, scenario, "years"), change("2", null));
            assertThat(api.put("/api/v1/economics/scenarios/" + scenario + "?programme=" + code, Map.of("name", scenario + "-x")).status())
                    .as(role + " put scenario").isEqualTo(edits ? 200 : 403);
            String current = edits ? scenario + "-x" : scenario;
            assertThat(api.delete("/api/v1/economics/scenarios/" + current + "?programme=" + code).status()).as(role + " delete").isEqualTo(edits ? 204 : 403);
            pm.delete("/api/v1/economics/scenarios/" + current + "?programme=" + code);
            var session = WebSession.signIn(port, staff.user(role));
            pm.put(param(code, scenario, "years"), change("2", null));
            assertThat(session.post("/economics?programme=" + code, "/economics/scenarios/delete", Map.of("programme", code, "scenario", scenario))
                    .statusCode()).as(role + " page delete").isEqualTo(edits ? 302 : 403);
            pm.delete("/api/v1/economics/scenarios/" + scenario + "?programme=" + code);
        }
        assertThat(pm.get("/api/v1/economics/parameters?programme=" + code).json().get("scenarios").size()).isZero();
    }
}
