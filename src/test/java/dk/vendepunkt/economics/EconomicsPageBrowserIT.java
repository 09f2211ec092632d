package dk.vendepunkt.economics;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.platform.DemoData;
import dk.vendepunkt.support.Api;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/** In headless Chromium with axe-core: the economics page with the seeds' parameters, its charts, and the parameter form. */
@IntegrationTest
class EconomicsPageBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;

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

    /**
     * The new controls: the annual cost taken from an initiative's budget lines (an initiative of its own with
     * lines in 2088, removed again) into a scenario, with its source shown next to the value, and the scenario
     * deleted after the confirmation.
     */
    @Test
    void programmeManagerTakesTheCostFromTheBudgetAndDeletesTheScenario() {
        var pm = staff.user(Role.PROGRAMME_MANAGER);
        String code = EconomicsIT.programme(Api.at(port).as(pm.username(), pm.password()));
        String ref = "eco-b-" + System.nanoTime();
        long initiative = jdbc.sql("insert into pf_initiative (ref, name, department) values (?, 'Browsertest-indsats', 'SOF') returning id")
                .param(ref).query(Long.class).single();
        jdbc.sql("insert into pf_budget_line (initiative_id, year, budget_type, amount_dkk) values (?, 2088, 'DRIFT', 1000000), (?, 2088, 'ANLAEG', 250000)")
                .params(initiative, initiative).update();
        try (Browser b = new Browser(port)) {
            b.login(pm.username(), pm.password());
            b.open("/economics?programme=" + code + "&asOf=2026-01-01&successRate=0.5");
            b.checkAccessibility();
            // nothing chosen: the form again with the message at the initiatives
            b.submit("Hent udgift");
            assertThat(b.text()).contains("Der er fejl i formularen").contains("Vælg mindst én indsats og et budgetår, eller et år for puljekøb");
            assertThat(b.field("initiatives").getDomAttribute("aria-describedby")).isEqualTo("initiatives-error");

            b.type("s-scenario", "budget");
            b.driver().findElement(By.id("initiatives-" + ref)).click();
            b.type("budgetYear", "2088").type("poolYear", "2088").submit("Hent udgift");
            // 1 000 000 drift + 250 000 anlæg; no pool purchases of this programme in 2088
            assertThat(b.text()).contains("Den årlige udgift er sat til 1.250.000 kr. (Budget 2088, indsats 'Browsertest-indsats': 1.250.000 kr; "
                    + "puljekøb 2088: 0 kr).");

            b.open("/economics?programme=" + code + "&scenario=budget&asOf=2026-01-01&successRate=0.5");
            assertThat(b.field("parameter-table").getText()).contains("1250000 Budget 2088, indsats 'Browsertest-indsats': 1.250.000 kr; puljekøb 2088: 0 kr");
            // 1 250 000 over 1 year and 10 participants
            assertThat(b.field("cost-per-participant-year").getText()).isEqualTo("125.000 kr.");
            b.checkAccessibility();

            // delete the scenario: the browser asks first
            b.driver().findElement(By.xpath("//button[normalize-space()='Slet scenariet budget']")).click();
            assertThat(b.driver().switchTo().alert().getText()).contains("Slet scenariet budget for " + code);
            b.driver().switchTo().alert().accept();
            b.waitForText("Scenariet budget er slettet.");
            assertThat(b.field("parameter-table").getText()).contains("(grundscenariet)").doesNotContain("Browsertest-indsats");
            assertThat(b.driver().findElements(By.id("delete-scenario"))).isEmpty();
            b.checkAccessibility();
        } finally {
            jdbc.sql("delete from pf_initiative where id = ?").param(initiative).update();
        }
    }
}
