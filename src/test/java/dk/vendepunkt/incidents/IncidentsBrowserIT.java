package dk.vendepunkt.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In headless Chromium, with axe-core on every page: reporting an incident, its analysis, the list and the reporting overview. */
@IntegrationTest
class IncidentsBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;

    @Test
    void aProgrammeManagerReportsAnIncidentAndAttachesItsAnalysis() {
        var pm = staff.user(Role.PROGRAMME_MANAGER);
        String institution = "Aftenplejen " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser b = new Browser(port)) {
            b.login(pm.username(), pm.password());
            b.open("/incidents");
            b.driver().findElement(By.linkText("Indberet hændelse")).click();
            assertThat(b.heading()).isEqualTo("Indberet hændelse");
            b.checkAccessibility();

            // first without a start: the server's error is shown at the field
            ((JavascriptExecutor) b.driver()).executeScript("document.getElementById('startedAt').removeAttribute('required')");
            b.select("kind", "Chikane af ansatte").select("cause", "Uro i området").select("department", "SUF").type("institution", institution)
                    .submit("Indberet");
            assertThat(b.text()).contains("Der er fejl i formularen").contains("Feltet skal udfyldes.");
            assertThat(b.field("startedAt").getDomAttribute("aria-invalid")).isEqualTo("true");

            ((JavascriptExecutor) b.driver()).executeScript(
                    "document.getElementById('startedAt').value = '2012-02-18T21:40'; document.getElementById('endedAt').value = '2012-02-18T22:10';");
            b.type("description", "Unge kastede sten mod vagtbilen.").submit("Indberet");
            assertThat(b.text()).contains("Hændelsen er indberettet.");
            assertThat(b.heading()).isEqualTo("Hændelse: " + institution);
            assertThat(b.text()).contains("Chikane af ansatte").contains("Uro i området").contains("18-02-2012 21:40").contains("Unge kastede sten mod vagtbilen.")
                    .contains("Der er endnu ingen hændelsesanalyse.");

            b.driver().findElement(By.linkText("Tilføj hændelsesanalyse")).click();
            b.checkAccessibility();
            b.type("findings", "Bilerne var ikke kendt som kommunens.").type("action-0", "Hvide veste til aftenplejen")
                    .type("responsible-0", "Leder af aftenplejen").type("followUp", "Opfølgning efter et halvt år.");
            ((JavascriptExecutor) b.driver()).executeScript("document.getElementById('deadline-0').value = '2012-06-01';");
            b.submit("Gem analysen");
            assertThat(b.text()).contains("Hændelsesanalysen er gemt.").contains("Hvide veste til aftenplejen").contains("Leder af aftenplejen")
                    .contains("01-06-2012").contains("Opfølgning efter et halvt år.");

            b.open("/incidents?from=2012-02-01&to=2012-02-29");
            b.checkAccessibility();
            String table = b.field("incident-table").getText();
            assertThat(table).contains(institution).contains("Chikane af ansatte").contains("0,5");
            assertThat(b.field("goal4").getText()).contains("Effektmål 4 (2010–2013)");

            b.open("/incidents/reporting");
            b.checkAccessibility();
            assertThat(b.field("reporting-table").getText()).contains("ØKF").contains("SUF");
        }
    }
}
