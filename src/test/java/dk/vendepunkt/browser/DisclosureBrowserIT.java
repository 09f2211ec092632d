package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium, axe-core after every page: a caseworker records a disclosure on consent on the person page;
 * a consent that does not cover the recipient is refused at the consent field, one that does is recorded and listed.
 */
@IntegrationTest
class DisclosureBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;

    @Test
    void aCaseworkerRecordsADisclosureOnConsentOnThePersonPage() {
        long team = staff.team("disclosure-browser");
        var u = staff.user(Role.CASEWORKER, team);
        long person = enrolments.person(team);
        var consent = Api.at(port).as(u.username(), u.password()).post("/api/v1/persons/" + person + "/consents",
                Map.of("purpose", "Samarbejde med skolen", "legalBasis", "CONSENT", "givenBy", "PERSON",
                        "givenOn", LocalDate.now().minusDays(5).toString(), "recipients", "Skolen"));
        assertThat(consent.status()).as(consent.toString()).isEqualTo(201);
        try (Browser b = new Browser(port)) {
            b.login(u.username(), u.password());
            b.open("/people/" + person);
            assertThat(b.text()).contains("Der er ikke registreret videregivelser af personens oplysninger.")
                    .contains("Dækker videregivelse til: Skolen");
            b.driver().findElement(By.xpath("//summary[normalize-space()='Registrér videregivelse']")).click();
            b.type("recipient", "Jobcentret").select("disclosureLegalBasis", "Samtykke – Databeskyttelsesforordningens art. 6, stk. 1, litra a, og art. 9, stk. 2, litra a")
                    .select("consentId", "Samarbejde med skolen (" + LocalDate.now().minusDays(5).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")) + ")")
                    .type("scope", "Handleplan og fremmøde");
            b.submit("Registrér videregivelsen");
            assertThat(b.field("consentId-error").getText()).isEqualTo("Samtykket (Samarbejde med skolen) dækker ikke videregivelse til Jobcentret.");
            assertThat(b.field("recipient").getAttribute("value")).as("the input is kept").isEqualTo("Jobcentret");

            b.type("recipient", "Skolen").submit("Registrér videregivelsen");
            assertThat(b.text()).contains("Videregivelsen er registreret.");
            String row = b.driver().findElement(By.cssSelector("#disclosures table tbody tr")).getText();
            assertThat(row).contains("Skolen").contains("Samtykke").contains("Handleplan og fremmøde");
        }
    }
}
