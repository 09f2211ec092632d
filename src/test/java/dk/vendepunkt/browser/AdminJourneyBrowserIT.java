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

/** In headless Chromium: the administrator's and a caseworker's first steps, with axe-core on every page. */
@IntegrationTest
class AdminJourneyBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired dk.vendepunkt.support.TestClock clock;

    @Test
    void adminCreatesATeamAndAUserThenReadsTheAuditLog() {
        try (Browser b = new Browser(port)) {
            b.open("/login");
            assertThat(b.heading()).isEqualTo("Log ind");
            b.login("admin", "test-admin-password");
            assertThat(b.heading()).startsWith("Velkommen");

            String team = "Browserteam " + System.nanoTime();
            b.open("/admin/teams").type("name", team).select("departmentCode", "SOF – Socialforvaltningen").submit("Opret team");
            assertThat(b.text()).contains("Teamet " + team + " er oprettet.");

            b.open("/admin/users");
            b.type("username", "kort").type("displayName", "Kort Kode").type("password", "kort kode, lang sætning");
            b.driver().findElement(By.cssSelector("input[name=roles][value=CASEWORKER]")).click();
            b.driver().findElement(By.xpath("//label[span[text()='" + team + "']]/input")).click();
            b.submit("Opret bruger");
            assertThat(b.text()).contains("Brugeren kort er oprettet.");

            b.open("/admin/tokens").type("name", "browser-" + System.nanoTime());
            b.driver().findElement(By.cssSelector("input[name=roles][value=ANALYST]")).click();
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("document.getElementById('expires').value = arguments[0]",
                    java.time.LocalDate.now(clock).plusDays(30).toString());
            b.submit("Opret token");
            assertThat(b.driver().findElement(By.id("token-secret")).getText()).startsWith("vpt_");
            b.open("/account/tokens");
            assertThat(b.heading()).isEqualTo("Mine API-tokens");

            b.open("/admin/audit");
            assertThat(b.heading()).contains("Logning");
            b.open("/admin/audit/verify");
            assertThat(b.text()).contains("Kæden er intakt");
            b.open("/imports");
        }
    }

    @Test
    void caseworkerRegistersAPersonAndRevealsTheCpr() {
        long team = staff.team("browser");
        var u = staff.user(Role.CASEWORKER, team);
        String cpr = TestStaff.uniqueCpr();
        try (Browser b = new Browser(port)) {
            b.login(u.username(), u.password());
            b.open("/people/new").type("cpr", "999999-0000").type("firstName", "Bo").type("lastName", "Browsersen").submit("Gem");
            assertThat(b.text()).contains("CPR-nummeret er ugyldigt");
            b.type("cpr", cpr).submit("Gem");
            assertThat(b.text()).contains("Personen er oprettet.").contains(cpr.substring(0, 6) + "-XXXX");
            b.type("reason", "Kontrol af identitet").submit("Vis CPR-nummer");
            b.waitForText(cpr);
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(5))
                    .until(d -> d.findElements(org.openqa.selenium.By.id("reason")).isEmpty());
            assertThat(b.text()).as("birth date in the app's date format")
                    .contains(cpr.substring(0, 2) + "-" + cpr.substring(2, 4) + "-");
            b.open("/people?q=browsersen");
            assertThat(b.text()).contains("Bo Browsersen").contains("1 person fundet.");
        }
    }
}
