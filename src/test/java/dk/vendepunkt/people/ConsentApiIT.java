package dk.vendepunkt.people;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The consent register: a referral on the basis of consent records one; consents and other legal bases are
 * recorded per purpose, validated, withdrawn once; only the person's teams see them, and every read and change
 * is audited.
 */
@IntegrationTest
class ConsentApiIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;

    Api api;
    long team;
    TestStaff.User caseworker;
    final LocalDate today = LocalDate.now(Zones.ZONE);

    @BeforeEach
    void setUp() {
        team = staff.team("consents");
        caseworker = staff.user(Role.CASEWORKER, team);
        api = Api.at(port).as(caseworker.username(), caseworker.password());
    }

    long referredOnConsent() {
        Map<String, Object> m = new HashMap<>();
        m.put("cpr", TestStaff.uniqueCpr());
        m.put("firstName", "Sam");
        m.put("lastName", "Tykke");
        m.put("programme", "EXIT");
        m.put("teamId", team);
        m.put("channel", "SELF");
        m.put("referredOn", today.minusDays(5).toString());
        m.put("reason", "Ønsker hjælp til at komme ud af miljøet");
        m.put("legalBasis", "CONSENT");
        m.put("consentOn", today.minusDays(6).toString());
        var ref = api.post("/api/v1/referrals", m);
        assertThat(ref.status()).as(ref.toString()).isEqualTo(201);
        return ref.json().get("personId").asLong();
    }

    @Test
    void aReferralOnConsentRecordsItAndConsentsAreRecordedAndWithdrawn() {
        long person = referredOnConsent();
        JsonNode list = api.get("/api/v1/persons/" + person + "/consents").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("purpose").asString()).isEqualTo("Henvisning til Exitprogrammet");
        assertThat(list.get(0).get("legalBasis").asString()).isEqualTo("CONSENT");
        assertThat(list.get(0).get("givenOn").asString()).isEqualTo(today.minusDays(6).toString());
        assertThat(list.get(0).get("active").asBoolean()).isTrue();

        var bad = api.post("/api/v1/persons/" + person + "/consents", Map.of("purpose", " ", "legalBasis", "MAYBE",
                "givenOn", today.plusDays(1).toString()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("purpose", "legalBasis", "givenOn");
        var expiresFirst = api.post("/api/v1/persons/" + person + "/consents", Map.of("purpose", "Deling med politiet", "legalBasis", "RPL_115",
                "givenOn", today.minusDays(3).toString(), "expiresOn", today.minusDays(3).toString()));
        assertThat(expiresFirst.json().get("errors").findValuesAsString("field")).containsExactly("expiresOn");

        var shared = api.post("/api/v1/persons/" + person + "/consents", Map.of("purpose", "Udveksling i SSP", "legalBasis", "SEL_49B",
                "givenOn", today.minusDays(2).toString(), "expiresOn", today.plusYears(1).toString(), "note", "Aftalt på møde"));
        assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
        assertThat(shared.json().size()).isEqualTo(2);
        long consentId = list.get(0).get("id").asLong();

        String withdrawal = "/api/v1/persons/" + person + "/consents/" + consentId + "/withdrawal";
        assertThat(api.post(withdrawal, Map.of("withdrawnOn", today.minusDays(10).toString())).json().get("errors").findValuesAsString("field"))
                .containsExactly("withdrawnOn");
        assertThat(api.post(withdrawal, Map.of("withdrawnOn", today.plusDays(1).toString())).status()).isEqualTo(400);
        var withdrawn = api.post(withdrawal, Map.of("withdrawnOn", today.toString()));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        JsonNode after = withdrawn.json();
        JsonNode w = null;
        for (JsonNode c : after) if (c.get("id").asLong() == consentId) w = c;
        assertThat(w.get("withdrawnOn").asString()).isEqualTo(today.toString());
        assertThat(w.get("active").asBoolean()).isFalse();
        assertThat(api.post(withdrawal, Map.of("withdrawnOn", today.toString())).status()).isEqualTo(409);
        // a consent of another person is not reached through this person
        long other = referredOnConsent();
        assertThat(api.post("/api/v1/persons/" + other + "/consents/" + consentId + "/withdrawal", Map.of("withdrawnOn", today.toString()))
                .status()).isEqualTo(404);

        assertThat(jdbc.sql("select count(*) from aud_event where person_id = ? and actor = ? and subject like 'samtykke%'")
                .params(person, caseworker.username()).query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void onlyThePersonsTeamsSeeTheConsents() {
        long person = referredOnConsent();
        var outsider = staff.user(Role.CASEWORKER, staff.team("consents-other"));
        var response = Api.at(port).as(outsider.username(), outsider.password()).get("/api/v1/persons/" + person + "/consents");
        assertThat(response.status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from aud_event where person_id = ? and actor = ? and action = 'DENIED'")
                .params(person, outsider.username()).query(Long.class).single()).isEqualTo(1);
        var analyst = staff.user(Role.ANALYST);
        assertThat(Api.at(port).as(analyst.username(), analyst.password()).get("/api/v1/persons/" + person + "/consents").status())
                .isEqualTo(403);
    }
}
