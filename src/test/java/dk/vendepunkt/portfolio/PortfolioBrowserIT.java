package dk.vendepunkt.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.portfolio.demo.PortfolioDemoData;
import dk.vendepunkt.portfolio.internal.EvaluationService;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The analyst's year in headless Chromium, with axe-core on every page: programme overview → initiative
 * edit (validation message, stale version) → budget line → indicator values → self-evaluation submitted by
 * one analyst and reviewed by another → annual report published for READERs.
 */
@IntegrationTest
class PortfolioBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired PortfolioDemoData demo;

    @Test
    void theAnalystsYear() {
        PortfolioFixtures.demo(demo);
        var first = staff.user(Role.ANALYST);
        var second = staff.user(Role.ANALYST);
        Api api = Api.at(port).as(first.username(), first.password());
        int year = 2040 + ThreadLocalRandom.current().nextInt(50);
        String ref = "BR-" + System.nanoTime();
        var created = api.post("/api/v1/portfolio/initiatives", Map.of("ref", ref, "name", "Nattevandring " + ref, "department", "KFF", "focusArea", 5,
                "funding", "EXTENSION_WANTED"));
        long id = created.json().get("initiative").get("id").asLong();
        api.post("/api/v1/portfolio/initiatives/" + id + "/budget-lines", Map.of("year", year, "budgetType", "DRIFT", "amountDkk", "750000"));
        for (int n = 1; n <= 5; n++) {
            api.post("/api/v1/portfolio/initiatives", Map.of("ref", ref + "-" + n, "name", "KFF-indsats " + n + " " + ref, "department", "KFF"));
        }
        String indRef = "br_" + System.nanoTime();
        var ind = api.post("/api/v1/portfolio/indicators", Map.of("ref", indRef, "name", "Utryghed " + indRef, "unit", "procent", "department", "TMF", "direction", "DOWN"));
        long indicator = ind.json().get("indicator").get("id").asLong();

        try (Browser b = new Browser(port)) {
            b.login(first.username(), first.password());
            b.open("/portfolio?year=" + year);
            assertThat(b.heading()).isEqualTo("Sikker By");
            assertThat(b.text()).contains("Overblik " + year).contains("Effektmål").contains("Fritidsliv med indhold")
                    .contains("Ønskes forlænget").contains("750.000");
            assertThat(drawn(b, "funding-chart")).as("Chart.js drew the funding chart").isTrue();

            // a focus area's vision is edited in place (saved unchanged here: other tests read the demo texts)
            b.driver().findElement(By.xpath("//summary[normalize-space()='Ret indsatsområde 6']")).click();
            b.submit("Gem indsatsområde 6");
            assertThat(b.text()).contains("Indsatsområdet er gemt.");

            b.open("/portfolio/initiatives?q=" + ref);
            b.driver().findElement(By.linkText("Nattevandring " + ref)).click();
            b.checkAccessibility();
            assertThat(b.path()).isEqualTo("/portfolio/initiatives/" + id);

            // validation message, then a good save
            b.type("name", "Nattevandring i Tingbjerg " + ref).type("citizens", "mange").submit("Gem indsatsen");
            assertThat(b.text()).contains("Angiv et helt tal.");
            b.type("citizens", "40").type("geography", "Tingbjerg");
            b.driver().findElement(By.id("age15to18")).click();
            b.submit("Gem indsatsen");
            assertThat(b.text()).contains("Indsatsen er gemt.").contains("Nattevandring i Tingbjerg " + ref).contains("15-18 år");

            // someone else saves meanwhile: the form answers with the stale-version message
            var current = api.get("/api/v1/portfolio/initiatives/" + id).json().get("initiative");
            api.put("/api/v1/portfolio/initiatives/" + id, Map.of("ref", ref, "name", current.get("name").asString(), "department", "KFF",
                    "focusArea", 5, "citizens", 41, "version", current.get("version").asInt()));
            b.type("methods", "Voksne på gaden fredag og lørdag").submit("Gem indsatsen");
            assertThat(b.text()).contains("En anden har gemt ændringer");

            b.type("budgetYear", String.valueOf(year + 1)).select("budgetType", "Anlæg").type("amountDkk", "1250000.50").submit("Gem budgetlinje");
            assertThat(b.text()).contains("Budgetlinjen er gemt.").contains("1.250.000,50").contains("2.000.000,50");

            b.open("/portfolio/budget?from=" + year + "&to=" + (year + 1) + "&department=KFF");
            assertThat(b.text()).contains("Nattevandring i Tingbjerg " + ref);

            // indicator values entered by hand
            b.open("/portfolio/indicators/" + indicator);
            value(b, year - 1, "12.5");
            assertThat(b.text()).contains("Værdien er gemt.").contains("12,5");
            value(b, year, "11");
            assertThat(b.text()).contains("I ønsket retning");
            assertThat(drawn(b, "indicator-chart")).as("Chart.js drew the indicator's chart").isTrue();
            // Danish axes: dates as dd-MM-yyyy, numbers with the Danish locale
            assertThat(String.valueOf(((JavascriptExecutor) b.driver()).executeScript(
                    "var c = Chart.getChart('indicator-chart'); return Chart.defaults.locale + ' ' + c.data.labels.join(' ');")))
                    .matches("da-DK( \\d{2}-\\d{2}-\\d{4})+");
            b.open("/portfolio/indicators");

            // a self-evaluation: created, answered and submitted
            b.open("/portfolio/initiatives/" + id);
            b.select("kind", "Selvevaluering").type("period", String.valueOf(year)).submit("Nyt skema");
            assertThat(b.text()).contains("Skemaet er oprettet.").contains("Kladde");
            b.submit("Indsend");
            assertThat(b.text()).contains("Spørgsmålet skal besvares");
            for (String q : EvaluationService.Kind.SELF_EVALUATION.questions()) b.type(q, "Svar: " + q);
            b.submit("Indsend");
            assertThat(b.text()).contains("Skemaet er indsendt.").contains("Du har selv indsendt skemaet");

            // the department's prioritisation: too few initiatives first, then three most and three least effective
            b.open("/portfolio/prioritisations?year=" + year);
            b.open("/portfolio/prioritisations/KFF/" + year);
            b.select("most0", "Nattevandring i Tingbjerg " + ref).type("most0reason", "Mange unge nås").submit("Gem prioritering");
            assertThat(b.text()).contains("Vælg mellem 3 og 6 indsatser.");
            for (int n = 0; n < 6; n++) {
                String kind = n < 3 ? "most" : "least";
                int row = n % 3;
                if (n > 0) b.select(kind + row, "KFF-indsats " + n + " " + ref);
                b.type(kind + row + "reason", "Begrundelse " + n);
            }
            b.submit("Gem prioritering");
            assertThat(b.text()).contains("Prioriteringen er gemt.").contains("KFF-indsats 5 " + ref).contains("Begrundelse 4");
            b.open("/portfolio/goals/1");
            b.open("/portfolio/initiatives/new");
        }

        try (Browser b = new Browser(port)) {
            b.login(second.username(), second.password());
            b.open("/portfolio/evaluations");
            b.driver().findElement(By.linkText("Nattevandring i Tingbjerg " + ref)).click();
            b.checkAccessibility();
            b.type("comment", "Fint, tal for deltagere næste år").submit("Godkend gennemgang");
            assertThat(b.text()).contains("Skemaet er gennemgået.").contains("Gennemgået").contains(first.username()).contains(second.username());

            b.open("/portfolio/report?year=" + year);
            assertThat(b.heading()).isEqualTo("Årsrapport til Økonomiudvalget " + year);
            assertThat(b.text()).contains("Nattevandring i Tingbjerg " + ref).contains("Selvevalueringer og opfølgninger for " + year);
            b.driver().findElement(By.xpath("//button[normalize-space()='Publicér']")).click();
            b.driver().switchTo().alert().accept();
            b.waitForText("Rapporten er publiceret.");
            b.checkAccessibility();
            assertThat(b.path()).isEqualTo("/reports");
            assertThat(b.text()).contains("Sikker By – årlig afrapportering til Økonomiudvalget " + year);
        }

        var reader = staff.user(Role.READER);
        try (Browser b = new Browser(port)) {
            b.login(reader.username(), reader.password());
            b.open("/portfolio");
            assertThat(b.text()).contains("publicerede rapporter");
            b.open("/reports?q=Sikker%20By");
            assertThat(b.text()).contains("Sikker By – årlig afrapportering til Økonomiudvalget " + year);
        }
    }

    private static boolean drawn(Browser b, String canvasId) {
        return Boolean.TRUE.equals(((JavascriptExecutor) b.driver())
                .executeScript("return typeof Chart !== 'undefined' && Chart.getChart(arguments[0]) !== undefined", canvasId));
    }

    private static void value(Browser b, int year, String value) {
        JavascriptExecutor js = (JavascriptExecutor) b.driver();
        js.executeScript("document.getElementById('periodStart').value = arguments[0]; document.getElementById('periodEnd').value = arguments[1];",
                year + "-01-01", year + "-12-31");
        b.type("value", value).type("source", "Tryghedsundersøgelsen").submit("Gem værdi");
    }
}
