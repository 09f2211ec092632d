package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.SignedIn;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestFamilies;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /api/v1/family-cases/{id}/consents|contacts|handovers}: consent per member, the contact log and the hand-over of
 * existing cases recorded as disclosures to the core team (a hand-over on a withdrawn consent refused); a caseworker
 * outside the team gets 403 and a DENIED audit row.
 */
@IntegrationTest
class FamilyConsentApiIT {

    @LocalServerPort int port;
    @Autowired TestFamilies testFamilies;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void theTeamKeepsTheContactLogAndRecordsHandOversAsDisclosures() {
        var c = testFamilies.open("consent-api");
        LocalDate today = LocalDate.now(clock);
        Api api = Api.at(port).as(c.worker().username(), c.worker().password());
        String base = "/api/v1/family-cases/" + c.id();

        var consent = api.post(base + "/consents", Map.of("personId", c.young15(), "givenBy", "PERSON", "givenOn", today.minusDays(3).toString()));
        assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
        long consentId = consent.json().get("consentId").asLong();
        var byFather = api.post(base + "/consents", Map.of("personId", c.child12(), "givenBy", "GUARDIAN", "guardianId", c.father()));
        assertThat(byFather.status()).isEqualTo(400);
        assertThat(byFather.json().get("errors").get(0).get("field").asString()).isEqualTo("guardianId");
        assertThat(byFather.json().get("errors").get(0).get("message").asString())
                .isEqualTo("Frank " + c.surname() + " har ikke registreret forældremyndighed over Bo " + c.surname()
                        + " og kan ikke give samtykke for Bo " + c.surname() + ".");

        // contacts
        assertThat(api.get(base + "/contacts").json().size()).isZero();
        var noMembers = api.post(base + "/contacts", Map.of("contactDate", today.toString(), "kind", "INFORMATION", "memberIds", List.of(),
                "note", "x".repeat(501)));
        assertThat(noMembers.status()).isEqualTo(400);
        assertThat(noMembers.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("memberIds", "note");
        var contact = api.post(base + "/contacts", Map.of("contactDate", today.minusDays(2).toString(), "kind", "MOTIVATION",
                "memberIds", List.of(c.mother(), c.young15()), "note", "Ida og mor vil gerne deltage"));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        var contacts = api.get(base + "/contacts").json();
        assertThat(contacts.size()).isEqualTo(1);
        assertThat(contacts.get(0).get("kind").asString()).isEqualTo("MOTIVATION");
        assertThat(contacts.get(0).get("members").findValuesAsString("name")).containsExactly("Mette " + c.surname(), "Ida " + c.surname());
        assertThat(contacts.get(0).get("heldBy").asString()).isEqualTo(c.worker().username());

        // a hand-over on the case's consent (found by itself) is a disclosure to the core team
        var onConsent = api.post(base + "/handovers", Map.of("personId", c.young15(), "departmentCode", "BUF", "caseDescription",
                "Skolesag om fravær", "handedOverOn", today.minusDays(1).toString(), "legalBasis", "CONSENT"));
        assertThat(onConsent.status()).as(onConsent.toString()).isEqualTo(201);
        long disclosure = onConsent.json().get("disclosureId").asLong();
        assertThat(jdbc.sql("select recipient || '|' || legal_basis || '|' || consent_id || '|' || scope from ppl_disclosure where id = ?")
                .param(disclosure).query(String.class).single())
                .startsWith(jdbc.sql("select name from org_team where id = ?").param(c.team()).query(String.class).single() + "|CONSENT|" + consentId)
                .endsWith("Eksisterende sag i BUF: Skolesag om fravær");

        var withdrawn = api.post(base + "/consents/" + consentId + "/withdrawal", Map.of("withdrawnOn", today.toString()));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        var refused = api.post(base + "/handovers", Map.of("personId", c.young15(), "departmentCode", "SOF", "caseDescription",
                "Underretning", "handedOverOn", today.toString(), "legalBasis", "CONSENT", "consentId", consentId));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("consentId");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("trukket tilbage");

        var onSel = api.post(base + "/handovers", Map.of("personId", c.child12(), "departmentCode", "SOF", "caseDescription",
                "§ 50-undersøgelse", "handedOverOn", today.toString(), "legalBasis", "SEL_49B"));
        assertThat(onSel.status()).as(onSel.toString()).isEqualTo(201);
        var handovers = api.get(base + "/handovers").json();
        assertThat(handovers.findValuesAsString("legalBasis")).containsExactly("SEL_49B", "CONSENT");
        assertThat(jdbc.sql("select count(*) from cw_family_handover where family_case_id = ?").param(c.id()).query(Long.class).single())
                .as("the refused hand-over left nothing").isEqualTo(2);
    }

    @Test
    void aCaseworkerOutsideTheTeamIsRefusedAndAudited() {
        var c = testFamilies.open("consent-api-denied");
        TestStaff.User outsider = staff.user(Role.CASEWORKER, staff.team("consent-api-other"));
        Api api = Api.at(port).as(outsider.username(), outsider.password());
        String base = "/api/v1/family-cases/" + c.id();
        assertThat(api.get(base + "/contacts").status()).isEqualTo(403);
        assertThat(api.post(base + "/handovers", Map.of("personId", c.young15(), "departmentCode", "BUF", "caseDescription", "Sag",
                "legalBasis", "SEL_49B")).status()).isEqualTo(403);
        assertThat(api.get(base + "/consents").status()).isEqualTo(403);
        assertThat(jdbc.sql("select subject from aud_event where action = 'DENIED' and actor = ? order by id").param(outsider.username())
                .query(String.class).list())
                .containsExactly("familiesag " + c.id() + ": kontakter", "familiesag " + c.id() + ": overdragelse",
                        "familiesag " + c.id() + ": samtykke");
        assertThat(jdbc.sql("select count(*) from cw_family_handover where family_case_id = ?").param(c.id()).query(Long.class).single()).isZero();
    }
}
