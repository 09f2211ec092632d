package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.SignedIn;
import dk.vendepunkt.support.TestFamilies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium, axe-core after every page: a core team member records consent on the family case's consent
 * page (a father without parental authority refused at the guardian field, the mother accepted), records an adult
 * son's refusal of the parents' involvement, records a contact and a hand-over (refused on consent the son has not
 * given, accepted on Servicelovens §49 b).
 */
@IntegrationTest
class FamilyConsentBrowserIT {

    @LocalServerPort int port;
    @Autowired TestFamilies testFamilies;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void aCoreTeamMemberRecordsConsentAndARefusalOnTheConsentPage() {
        var c = testFamilies.open("consent-browser");
        SignedIn.clear();
        String s = c.surname();
        try (Browser b = new Browser(port)) {
            b.login(c.worker().username(), c.worker().password());
            b.open("/family-cases/" + c.id() + "/consent");
            assertThat(b.heading()).isEqualTo("Samtykke til deltagelse – Familien " + s);
            assertThat(b.driver().findElement(By.id("member-" + c.child12())).getText()).contains("Intet samtykke").contains("Kræves før udredning");

            b.driver().findElement(By.xpath("//summary[normalize-space()='Registrér samtykke']")).click();
            b.select("consent-personId", "Bo " + s);
            b.driver().findElement(By.id("consent-givenBy-GUARDIAN")).click();
            b.select("consent-guardianId", "Frank " + s).submit("Gem samtykket");
            assertThat(b.field("consent-guardianId-error").getText())
                    .isEqualTo("Frank " + s + " har ikke registreret forældremyndighed over Bo " + s + " og kan ikke give samtykke for Bo " + s + ".");

            b.select("consent-guardianId", "Mette " + s).submit("Gem samtykket");
            assertThat(b.text()).contains("Samtykket er registreret.");
            assertThat(b.driver().findElement(By.id("member-" + c.child12())).getText()).contains("af Mette " + s)
                    .doesNotContain("Kræves før udredning");

            b.driver().findElement(By.xpath("//summary[normalize-space()='Registrér frabedelse']")).click();
            b.select("refusal-personId", "Adam " + s).type("refusal-note", "Ønsker ikke forældrene med").submit("Gem frabedelsen");
            assertThat(b.field("not-involved").getText()).contains("Forældrene må ikke inddrages i eller informeres om Adam " + s);

            b.open("/family-cases/" + c.id() + "/contacts");
            assertThat(b.text()).contains("Der er ikke registreret kontakter endnu.");
            assertThat(b.field("not-involved").getText()).contains("Adam " + s);
            b.select("contact-kind", "Informationssamtale").submit("Gem kontakten");
            assertThat(b.field("contact-memberIds-error").getText()).isEqualTo("Vælg mindst ét familiemedlem, der deltog.");
            b.driver().findElement(By.id("contact-memberIds-" + c.mother())).click();
            b.type("contact-note", "Mor fik information om indsatsen").submit("Gem kontakten");
            assertThat(b.text()).contains("Kontakten er registreret.");
            assertThat(b.driver().findElement(By.cssSelector("#contacts table tbody tr")).getText())
                    .contains("Informationssamtale").contains("Mette " + s).contains("Mor fik information om indsatsen");

            b.open("/family-cases/" + c.id() + "/handovers");
            assertThat(b.text()).contains("Der er ikke registreret overdragelser endnu.");
            b.select("handover-personId", "Adam " + s).select("handover-departmentCode", "Beskæftigelses- og Integrationsforvaltningen (BIF)")
                    .type("handover-caseDescription", "Jobcentersag").select("handover-legalBasis", "Samtykke").submit("Gem overdragelsen");
            assertThat(b.field("handover-legalBasis-error").getText()).as("Adam has not consented").isNotBlank();
            b.select("handover-legalBasis", "Servicelovens §49 b").submit("Gem overdragelsen");
            assertThat(b.text()).contains("Overdragelsen er registreret og videregivelsen logget.");
            assertThat(b.driver().findElement(By.cssSelector("#handovers table tbody tr")).getText())
                    .contains("Adam " + s).contains("BIF").contains("Jobcentersag").contains("Servicelovens §49 b");
        }
    }
}
