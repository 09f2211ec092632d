package dk.vendepunkt.people;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PersonApiIT {

    @LocalServerPort int port;
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
        return Map.of("cpr", cpr, "firstName", "Testa", "lastName", "Personsen", "districtCode", "D01", "teamId", team);
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
}
