package dk.vendepunkt.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.outcomes.internal.OffenceTable;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The offence table page: an administrator adds a code and changes its level; the import page lists the outcome imports. */
@IntegrationTest
class OffenceAdminBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired OffenceTable offences;

    @Test
    void administratorAddsAndChangesAnOffenceCode() {
        var admin = staff.user(Role.ADMIN);
        String code = "UI-" + System.nanoTime() % 1_000_000;
        try (Browser b = new Browser(port)) {
            b.login(admin.username(), admin.password());
            b.open("/admin/offences");
            assertThat(b.heading()).isEqualTo("Gerningskoder");
            assertThat(b.text()).contains("STRFL-244");
            assertThat(b.field("d-STRFL-244").getDomProperty("value")).isEqualTo("Vold (strfl. § 244)");
            b.type("code", code).type("description", "Testforhold").select("sspLevel", "2 – middel").submit("Opret gerningskode");
            assertThat(b.text()).contains("Gerningskoden " + code + " er oprettet.");
            new Select(b.driver().findElement(By.cssSelector("select[form='f-" + code + "']"))).selectByVisibleText("4 – personfarlig");
            b.driver().findElement(By.cssSelector("#f-" + code + " button[value=save]")).click();
            b.checkAccessibility();
            assertThat(b.text()).contains("Gerningskoden " + code + " er gemt.");
        }
        assertThat(offences.levels().get(code)).isEqualTo(4);
    }

    @Test
    void programmeManagerSeesTheOutcomeImports() {
        var pm = staff.user(Role.PROGRAMME_MANAGER);
        try (Browser b = new Browser(port)) {
            b.login(pm.username(), pm.password());
            b.open("/imports");
            assertThat(b.text()).contains("enrolments.csv").contains("register-events.csv").contains("follow-ups.csv").contains("reference-group.csv");
        }
    }
}
