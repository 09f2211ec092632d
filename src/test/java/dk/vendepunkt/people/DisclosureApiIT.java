package dk.vendepunkt.people;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestStaff;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The disclosure log over the API ({@code POST/GET /api/v1/persons/{id}/disclosures}, contract "Privacy"): recorded
 * with recipient, basis, consent, scope, date and by whom, audited; a disclosure on consent is refused (400, field
 * {@code consentId}, a Danish message) unless a consent of the person in force covers the recipient; consents record
 * who gave them under the age rules.
 */
@IntegrationTest
class DisclosureApiIT {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired PersonDirectory people;
    @Autowired TestClock clock;

    Api api;
    long team;
    TestStaff.User caseworker;

    @BeforeEach
    void setUp() {
        team = staff.team("disclosures");
        caseworker = staff.user(Role.CASEWORKER, team);
        api = Api.at(port).as(caseworker.username(), caseworker.password());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A person of the team born on the given date (CPR 7th digit 4 for 2000-2036, else 0-3). */
    long personBorn(LocalDate birth) {
        int n = SEQ.incrementAndGet();
        boolean newCentury = birth.getYear() >= 2000;
        String cpr = String.format("%02d%02d%02d%d%03d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100,
                newCentury ? 4 : 3, (int) ((System.nanoTime() / 1000 + n) % 1000));
        return people.registerSystem(CprNumber.parse(cpr).orElseThrow(), "Vide", "Regivet", "D01", team);
    }

    long adult() {
        return personBorn(today().minusYears(30).minusDays(SEQ.get() % 300));
    }

    Api.Response consent(long person, Map<String, Object> fields) {
        Map<String, Object> m = new HashMap<>(Map.of("purpose", "Samarbejde med skolen", "legalBasis", "CONSENT",
                "givenOn", today().minusDays(10).toString(), "recipients", "Skolen\nUngdomsskolen"));
        m.putAll(fields);
        return api.post("/api/v1/persons/" + person + "/consents", m);
    }

    long consentId(Api.Response listAfter, String purpose) {
        assertThat(listAfter.status()).as(listAfter.toString()).isEqualTo(201);
        for (JsonNode c : listAfter.json()) if (c.get("purpose").asString().equals(purpose)) return c.get("id").asLong();
        throw new AssertionError("no consent " + purpose);
    }

    Api.Response disclose(long person, String basis, Long consentId, String recipient, LocalDate on) {
        Map<String, Object> m = new HashMap<>();
        m.put("recipient", recipient);
        m.put("legalBasis", basis);
        m.put("consentId", consentId);
        m.put("scope", "Handleplan og skolefravær");
        m.put("disclosedOn", on.toString());
        return api.post("/api/v1/persons/" + person + "/disclosures", m);
    }

    static String refusal(Api.Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsString("field")).as(r.toString()).containsExactly(field);
        return r.json().get("errors").get(0).get("message").asString();
    }

    @Test
    void aDisclosureIsRecordedListedAndAudited() {
        long person = adult();
        var created = disclose(person, "RPL_115", null, "Københavns Politi", today().minusDays(1));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode d = created.json();
        assertThat(d.get("recipient").asString()).isEqualTo("Københavns Politi");
        assertThat(d.get("legalBasis").asString()).isEqualTo("RPL_115");
        assertThat(d.get("legalBasisName").asString()).isEqualTo("Retsplejelovens §115");
        assertThat(d.get("scope").asString()).isEqualTo("Handleplan og skolefravær");
        assertThat(d.get("disclosedOn").asString()).isEqualTo(today().minusDays(1).toString());
        assertThat(d.get("createdBy").asString()).isEqualTo(caseworker.username());

        JsonNode list = api.get("/api/v1/persons/" + person + "/disclosures").json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).get("id").asLong()).isEqualTo(d.get("id").asLong());

        assertThat(jdbc.sql("select count(*) from aud_event where person_id = ? and actor = ? and action = 'CREATE' and subject like 'videregivelse %'")
                .params(person, caseworker.username()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from aud_event where person_id = ? and actor = ? and action = 'READ' and subject = 'videregivelser'")
                .params(person, caseworker.username()).query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyFieldIsValidatedInDanish() {
        long person = adult();
        var empty = api.post("/api/v1/persons/" + person + "/disclosures", Map.of("legalBasis", "MAYBE", "disclosedOn", today().plusDays(1).toString()));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("recipient", "scope", "disclosedOn", "legalBasis");
        assertThat(refusal(disclose(person, "OTHER", null, "Jobcentret", today()), "legalBasisText")).isEqualTo("Angiv hjemlen i ord (lov og paragraf).");
        Map<String, Object> other = new HashMap<>(Map.of("recipient", "Jobcentret", "legalBasis", "OTHER", "legalBasisText",
                "Lov om aktiv beskæftigelsesindsats § 21", "scope", "Navn og uddannelse", "disclosedOn", today().toString()));
        assertThat(api.post("/api/v1/persons/" + person + "/disclosures", other).status()).isEqualTo(201);
        assertThat(refusal(disclose(person, "FVL_28", 1L, "Skolen", today()), "consentId")).contains("kun angives, når hjemlen er samtykke");
    }

    @Test
    void consentIsRefusedWithoutAConsentInForceThatCoversTheRecipient() {
        long person = adult();
        long inForce = consentId(consent(person, Map.of("givenBy", "PERSON")), "Samarbejde med skolen");
        assertThat(refusal(disclose(person, "CONSENT", null, "Skolen", today()), "consentId")).isEqualTo("Vælg det samtykke, videregivelsen hviler på.");
        // wrong purpose: the consent does not name the recipient
        assertThat(refusal(disclose(person, "CONSENT", inForce, "Jobcentret", today()), "consentId"))
                .isEqualTo("Samtykket (Samarbejde med skolen) dækker ikke videregivelse til Jobcentret.");
        // a consent of another person
        long other = adult();
        assertThat(refusal(disclose(other, "CONSENT", inForce, "Skolen", today()), "consentId")).isEqualTo("Samtykket findes ikke hos personen.");
        // in force and covering: recorded, with the consent
        var ok = disclose(person, "CONSENT", inForce, "ungdomsskolen", today());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.json().get("consentId").asLong()).isEqualTo(inForce);
        assertThat(ok.json().get("consentPurpose").asString()).isEqualTo("Samarbejde med skolen");

        // withdrawn: sharing on it is refused from the day of withdrawal
        var withdrawn = api.post("/api/v1/persons/" + person + "/consents/" + inForce + "/withdrawal", Map.of("withdrawnOn", today().toString()));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(refusal(disclose(person, "CONSENT", inForce, "Skolen", today()), "consentId")).startsWith("Samtykket er trukket tilbage");
        // the refused attempts read the consent: logged with the outcome
        assertThat(jdbc.sql("select count(*) from aud_event where person_id = ? and actor = ? and subject like 'samtykke % prøvet for en videregivelse: afvist'")
                .params(person, caseworker.username()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anExpiredConsentIsRefusedOnceTheClockPassesItsEnd() {
        long person = adult();
        long c = consentId(consent(person, Map.of("givenBy", "PERSON", "expiresOn", today().plusDays(5).toString())), "Samarbejde med skolen");
        assertThat(disclose(person, "CONSENT", c, "Skolen", today()).status()).isEqualTo(201);
        clock.advance(Duration.ofDays(7));
        assertThat(refusal(disclose(person, "CONSENT", c, "Skolen", today()), "consentId")).startsWith("Samtykket udløb");
    }

    @Test
    void whoMayConsentFollowsTheAgeOnTheDayItWasGiven() {
        LocalDate given = today().minusDays(10);
        long child = personBorn(given.minusYears(12));
        assertThat(refusal(consent(child, Map.of("givenBy", "PERSON")), "givenBy"))
                .isEqualTo("Personen var 12 år, da samtykket blev givet. Under 15 år kan kun en forælder med forældremyndighed give samtykke.");
        assertThat(refusal(consent(child, Map.of("givenBy", "GUARDIAN", "guardianName", "Onkel Ib", "guardianCustody", false)), "givenBy"))
                .isEqualTo("Onkel Ib har ikke forældremyndighed og kan ikke give samtykke for personen, som var 12 år.");
        assertThat(consent(child, Map.of("givenBy", "GUARDIAN", "guardianName", "Mor Anne", "guardianCustody", true)).status()).isEqualTo(201);
        assertThat(dk.vendepunkt.support.WebSession.signIn(port, caseworker).page("/people/" + child).body())
                .as("the person page says who gave it").contains("Mor Anne (forældremyndighed)");
        assertThat(refusal(consent(child, Map.of()), "givenBy")).isEqualTo("Vælg hvem der gav samtykket.");
        assertThat(consent(child, Map.of("givenBy", "GUARDIAN")).json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("guardianName", "guardianCustody");

        long young = personBorn(given.minusYears(16));
        assertThat(consent(young, Map.of("givenBy", "PERSON")).status()).isEqualTo(201);
        assertThat(consent(young, Map.of("givenBy", "GUARDIAN", "guardianName", "Far Ole", "guardianCustody", true)).status()).isEqualTo(201);

        long adult = personBorn(given.minusYears(18));
        assertThat(refusal(consent(adult, Map.of("givenBy", "GUARDIAN", "guardianName", "Mor Anne", "guardianCustody", true)), "givenBy"))
                .startsWith("Personen var 18 år");
        JsonNode recorded = consent(adult, Map.of("givenBy", "PERSON")).json().get(0);
        assertThat(recorded.get("givenBy").asString()).isEqualTo("PERSON");
        assertThat(recorded.get("recipients").asString()).isEqualTo("Skolen\nUngdomsskolen");
        // another legal basis in the register needs no giver
        assertThat(api.post("/api/v1/persons/" + adult + "/consents", Map.of("purpose", "§115-møde", "legalBasis", "RPL_115",
                "givenOn", given.toString())).status()).isEqualTo(201);
    }

    @Test
    void aChildsConsentGivenWithoutParentalAuthorityCarriesNoDisclosure() {
        // recorded before the giver rules (or by another record): the rule is checked again at the disclosure
        long child = personBorn(today().minusYears(11).minusDays(10));
        long byChild = jdbc.sql("""
                insert into ppl_consent (person_id, purpose, legal_basis, given_on, created_by, given_by, recipients)
                values (?, 'Samarbejde med skolen', 'CONSENT', ?, 'test', 'PERSON', 'Skolen') returning id""")
                .params(child, today().minusDays(3)).query(Long.class).single();
        long byUncle = jdbc.sql("""
                insert into ppl_consent (person_id, purpose, legal_basis, given_on, created_by, given_by, guardian_name, guardian_custody, recipients)
                values (?, 'Samarbejde med skolen', 'CONSENT', ?, 'test', 'GUARDIAN', 'Onkel Ib', false, 'Skolen') returning id""")
                .params(child, today().minusDays(3)).query(Long.class).single();
        long unknown = jdbc.sql("""
                insert into ppl_consent (person_id, purpose, legal_basis, given_on, created_by, recipients)
                values (?, 'Samarbejde med skolen', 'CONSENT', ?, 'test', 'Skolen') returning id""")
                .params(child, today().minusDays(3)).query(Long.class).single();
        assertThat(refusal(disclose(child, "CONSENT", byChild, "Skolen", today()), "consentId")).startsWith("Personen var 11 år");
        assertThat(refusal(disclose(child, "CONSENT", byUncle, "Skolen", today()), "consentId"))
                .isEqualTo("Onkel Ib har ikke forældremyndighed og kan ikke give samtykke for personen, som var 11 år.");
        assertThat(refusal(disclose(child, "CONSENT", unknown, "Skolen", today()), "consentId")).contains("ikke registreret, hvem der gav");
        assertThat(jdbc.sql("select count(*) from ppl_disclosure where person_id = ?").param(child).query(Long.class).single()).isZero();
    }
}
