package dk.vendepunkt.people;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PersonApiIT {

    @LocalServerPort int port;
    @Value("${vendepunkt.cpr-lookup.max-per-hour:20}") int maxLookups;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;

    Api api;
    long team;
    TestStaff.User caseworker;

    @BeforeEach
    void setUp() {
        team = staff.team("persons");
        caseworker = staff.user(Role.CASEWORKER, team);
        api = Api.at(port).as(caseworker.username(), caseworker.password());
    }

    Map<String, Object> newPerson(String cpr) {
        return Map.of("cpr", cpr, "firstName", "Testa", "lastName", "Personsen", "teamId", team);
    }

    @Test
    void createReadUpdateWithCprEncryptedAndMasked() {
        String cpr = TestStaff.uniqueCpr();
        var created = api.post("/api/v1/persons", newPerson(cpr));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("maskedCpr").asString()).isEqualTo(cpr.substring(0, 6) + "-XXXX");
        assertThat(created.body()).doesNotContain(cpr.substring(7));

        // stored encrypted: the cipher text does not contain the digits, and the hash is not the number
        byte[] cipher = jdbc.sql("select cpr_cipher from ppl_person where id = ?").param(id).query(byte[].class).single();
        assertThat(new String(cipher, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(cpr.replace("-", ""));

        var read = api.get("/api/v1/persons/" + id);
        assertThat(read.status()).isEqualTo(200);
        int version = read.json().get("version").asInt();

        var updated = api.put("/api/v1/persons/" + id, Map.of("firstName", "Ny", "lastName", "Personsen", "version", version));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("firstName").asString()).isEqualTo("Ny");

        // a stale version is refused with 409 and nothing changes
        var stale = api.put("/api/v1/persons/" + id, Map.of("firstName", "Gammel", "lastName", "Personsen", "version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/persons/" + id).json().get("firstName").asString()).isEqualTo("Ny");

        long audits = jdbc.sql("select count(*) from aud_event where person_id = ? and action in ('CREATE','READ','UPDATE')")
                .param(id).query(Long.class).single();
        assertThat(audits).isGreaterThanOrEqualTo(4);
    }

    @Test
    void duplicateCprInEitherFormIsRefusedWithAClearMessage() {
        String cpr = TestStaff.uniqueCpr();
        assertThat(api.post("/api/v1/persons", newPerson(cpr)).status()).isEqualTo(201);
        var dup = api.post("/api/v1/persons", newPerson(cpr.replace("-", "")));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.json().get("errors").get(0).get("field").asString()).isEqualTo("cpr");
        assertThat(dup.json().get("errors").get(0).get("message").asString()).contains("findes allerede");
    }

    @Test
    void validationNamesEveryBadField() {
        var bad = api.post("/api/v1/persons", Map.of("cpr", "320190-1234", "firstName", "", "lastName", " ", "teamId", team));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("cpr", "firstName", "lastName");
        assertThat(bad.json().get("title").asString()).isEqualTo("Ugyldige data");
    }

    @Test
    void searchByCprOrNameAndRevealIsAudited() {
        String cpr = TestStaff.uniqueCpr();
        long id = api.post("/api/v1/persons", newPerson(cpr)).json().get("id").asLong();
        var byCpr = api.get("/api/v1/persons?q=" + cpr.replace("-", ""));
        assertThat(byCpr.json().valueStream().map(n -> n.get("id").asLong())).containsExactly(id);
        var byName = api.get("/api/v1/persons?q=personsen");
        assertThat(byName.json().valueStream().map(n -> n.get("id").asLong())).contains(id);

        var reveal = api.post("/api/v1/persons/" + id + "/cpr", Map.of("reason", "Henvendelse til Udbetaling Danmark"));
        assertThat(reveal.json().get("cpr").asString()).isEqualTo(cpr);
        String reason = jdbc.sql("select reason from aud_event where person_id = ? and action = 'REVEAL_CPR'").param(id)
                .query(String.class).single();
        assertThat(reason).isEqualTo("Henvendelse til Udbetaling Danmark");
    }

    @Test
    void revealNeedsAReasonOfAFewWords() {
        String cpr = TestStaff.uniqueCpr();
        long id = api.post("/api/v1/persons", newPerson(cpr)).json().get("id").asLong();
        for (Object body : new Object[] {Map.of(), Map.of("reason", "   "), Map.of("reason", "nysgerrig"), Map.of("reason", "Se lige"),
                Map.of("reason", "   Kontrollen   ")}) {
            var refused = api.post("/api/v1/persons/" + id + "/cpr", body);
            assertThat(refused.status()).as(body.toString()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain(cpr.substring(7));
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
            assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("mindst 10 tegn og 2 ord");
        }
        assertThat(api.post("/api/v1/persons/" + id + "/cpr", "").status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from aud_event where person_id = ? and action = 'REVEAL_CPR'").param(id)
                .query(Long.class).single()).isZero();

        var reveal = api.post("/api/v1/persons/" + id + "/cpr", Map.of("reason", "  Opringning fra SKAT  "));
        assertThat(reveal.status()).isEqualTo(200);
        assertThat(reveal.json().get("cpr").asString()).isEqualTo(cpr);
        assertThat(jdbc.sql("select reason from aud_event where person_id = ? and action = 'REVEAL_CPR'").param(id)
                .query(String.class).single()).isEqualTo("Opringning fra SKAT");
    }

    @Test
    void probingManyCprNumbersIsRefusedAboveTheHourlyLimitAndAudited() {
        TestStaff.User prober = staff.user(Role.CASEWORKER, team);
        Api probe = Api.at(port).as(prober.username(), prober.password());
        String first = TestStaff.uniqueCpr();
        assertThat(probe.get("/api/v1/persons?q=" + first).status()).isEqualTo(200);
        for (int i = 1; i < maxLookups; i++) {
            assertThat(probe.get("/api/v1/persons?q=" + TestStaff.uniqueCpr()).status()).as("look-up " + (i + 1)).isEqualTo(200);
        }
        // the same number again does not count
        assertThat(probe.get("/api/v1/persons?q=" + first.replace("-", "")).status()).isEqualTo(200);

        var limited = probe.get("/api/v1/persons?q=" + TestStaff.uniqueCpr());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("detail").asString()).contains("mere end " + maxLookups + " forskellige CPR-numre");
        // registering with a new number counts the same way
        String fresh = TestStaff.uniqueCpr();
        assertThat(probe.post("/api/v1/persons", Map.of("cpr", fresh, "firstName", "A", "lastName", "B", "teamId", team)).status()).isEqualTo(429);
        assertThat(jdbc.sql("select count(*) from ppl_person where created_by = ?")
                .param(prober.username()).query(Long.class).single()).isZero();
        // searching by name is no CPR look-up
        assertThat(probe.get("/api/v1/persons?q=personsen").status()).isEqualTo(200);

        assertThat(jdbc.sql("select count(*) from aud_event where actor = ? and action = 'CPR_PROBE_LIMITED'").param(prober.username())
                .query(Long.class).single()).isEqualTo(2);
        // another user is not affected
        assertThat(api.get("/api/v1/persons?q=" + TestStaff.uniqueCpr()).status()).isEqualTo(200);
    }

    @Test
    void revealOnThePersonPageNeedsAReasonToo() {
        String cpr = TestStaff.uniqueCpr();
        long id = api.post("/api/v1/persons", newPerson(cpr)).json().get("id").asLong();
        var web = new WebSession(port, caseworker);
        String page = "/people/" + id;

        var plain = web.post(page, page + "/cpr", Map.of("reason", "tjek"));
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("mindst 10 tegn og 2 ord").doesNotContain(cpr.substring(7));
        // htmx swaps only successful answers: the form comes back with the message
        var htmx = web.post(page, page + "/cpr", Map.of("reason", "tjek"), "HX-Request", "true");
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("mindst 10 tegn og 2 ord").contains("id=\"reason\"").doesNotContain(cpr.substring(7));
        assertThat(jdbc.sql("select count(*) from aud_event where person_id = ? and action = 'REVEAL_CPR'").param(id)
                .query(Long.class).single()).isZero();

        var shown = web.post(page, page + "/cpr", Map.of("reason", "Henvendelse fra Udbetaling Danmark"), "HX-Request", "true");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains(cpr).doesNotContain("id=\"reason\"");
        assertThat(jdbc.sql("select reason from aud_event where person_id = ? and action = 'REVEAL_CPR'").param(id)
                .query(String.class).single()).isEqualTo("Henvendelse fra Udbetaling Danmark");
    }
}
