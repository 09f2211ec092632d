package dk.vendepunkt.economics;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.platform.DemoData;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** In headless Chromium with axe-core: the economics page with the seeds' parameters, its charts, and the parameter form. */
@IntegrationTest
class EconomicsPageBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired ApplicationContext context;

    @Test
    void programmeManagerSeesTheFiguresAndChartsAndSetsAScenarioParameter() {
        context.getBeansOfType(DemoData.class).values().stream()
                .filter(d -> d.getClass().getSimpleName().startsWith("EconomicsDemoData")).findFirst().orElseThrow().load(null);
        var pm = staff.user(Role.PROGRAMME_MANAGER);
        try (Browser b = new Browser(port)) {
            b.login(pm.username(), pm.password());
            b.driver().findElement(By.linkText("Økonomi")).click();
            assertThat(b.heading()).isEqualTo("Økonomi");

            b.open("/economics?programme=EXIT&asOf=2026-01-01&successRate=0.40");
            assertThat(b.field("gain-per-participant").getText()).isEqualTo("298.000 kr.");
            assertThat(b.text()).contains("Break-even-succesrate").contains("Monte Carlo (10.000 træk, frø 1)");
            assertThat(b.field("tornado-table").getText()).contains("Gevinst pr. succes pr. år (kr.) 70000 150000").contains("Diskonteringsrente");
            // the four charts are drawn
            new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return ['gain-chart','break-even-chart','histogram-chart','tornado-chart'].every(function (id) { return !!Chart.getChart(id); })"));
            b.checkAccessibility();

            b.open("/economics?programme=FAMILY&asOf=2026-01-01&successRate=0.40");
            assertThat(b.field("cost-per-participant-year").getText()).isEqualTo("151.050 kr.");
            b.select("q-scenario", "light").submit("Beregn");
            assertThat(b.field("cost-per-participant-year").getText()).isEqualTo("55.000 kr.");
            assertThat(b.field("parameter-table").getText()).contains("fra scenariet").contains("Gribskov");

            // the form refuses a low end above the value, field by field
            b.type("scenario", "light").select("parameter", "Deltagere i perioden").type("value", "10").type("low", "12").type("high", "30")
                    .submit("Gem parameter");
            assertThat(b.text()).contains("Der er fejl i formularen").contains("Den lave værdi ligger over værdien");
            assertThat(b.field("low").getDomAttribute("aria-invalid")).isEqualTo("true");
            // and saves a valid one: 10 children instead of 20 doubles the cost per child
            b.type("low", "8").submit("Gem parameter");
            assertThat(b.text()).contains("Parameteren participants er gemt.");
            b.open("/economics?programme=FAMILY&scenario=light&asOf=2026-01-01&successRate=0.40");
            assertThat(b.field("cost-per-participant-year").getText()).isEqualTo("110.000 kr.");
        }
    }
}
