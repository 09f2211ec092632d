package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium, axe-core after every page: a core-team caseworker records a §115 meeting, adds a person
 * discussed, records the decision and amends it with a reason; the history shows both, the first superseded.
 */
@IntegrationTest
class Review115BrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;

    @Test
    void aCaseworkerRecordsAMeetingAPersonAndADecisionAndAmendsIt() {
        long team = staff.team("review115-browser");
        var u = staff.user(Role.CASEWORKER, team);
        String cpr = TestStaff.uniqueCpr();
        try (Browser b = new Browser(port)) {
            b.login(u.username(), u.password());
            b.open("/reviews-115");
            assertThat(b.text()).contains("Dine teams har ikke registreret nogen §115-møder endnu.");
            b.driver().findElement(By.linkText("Registrér et §115-møde")).click();
            b.checkAccessibility();
            assertThat(b.heading()).isEqualTo("Nyt §115-møde");
            b.type("staff", "Sara Holm").type("staffUnit-0", "BUF").type("policeName", "Kim Berg").type("policeUnit", "Forebyggelsesenheden");
            b.submit("Opret mødet");
            assertThat(b.text()).contains("Mødet er oprettet.").contains("Kim Berg (politiet, Forebyggelsesenheden)")
                    .contains("Ingen personer er drøftet på mødet endnu.");

            b.type("cpr", cpr).type("firstName", "Mads").type("lastName", "Listeperson").type("note", "Nævnt i to anmeldelser");
            b.submit("Tilføj personen");
            assertThat(b.text()).contains("Personen er tilføjet mødet.").contains("Mads Listeperson").contains("Første gang")
                    .contains("Ingen beslutning endnu");

            b.driver().findElement(By.linkText("Registrér beslutning for Mads Listeperson")).click();
            b.checkAccessibility();
            b.driver().findElement(By.id("outcome-REFER_CORE_TEAM")).click();
            b.type("reason", "Gentagne anmeldelser og skolefravær");
            b.submit("Registrér beslutningen");
            assertThat(b.text()).contains("Beslutningen er registreret.").contains("Henvises til kerneteamet: Gentagne anmeldelser og skolefravær");

            b.driver().findElement(By.linkText("Ændr beslutningen for Mads Listeperson")).click();
            b.checkAccessibility();
            b.driver().findElement(By.id("outcome-CONTACT_FAMILY")).click();
            b.type("reason", "Familien kontaktes først").type("amendmentReason", "Politiet har trukket en anmeldelse tilbage");
            b.submit("Registrér ændringen");
            assertThat(b.text()).contains("Kontakt til familien: Familien kontaktes først");

            b.driver().findElement(By.linkText("Ændr beslutningen for Mads Listeperson")).click();
            b.checkAccessibility();
            String history = b.field("history").getText();
            assertThat(history).contains("Henvises til kerneteamet").contains("Erstattet af en ændring")
                    .contains("Kontakt til familien").contains("Ændring – begrundelse: Politiet har trukket en anmeldelse tilbage").contains("Gældende");

            b.open("/reviews-115");
            assertThat(b.text()).contains("review115-browser");
        }
    }
}
