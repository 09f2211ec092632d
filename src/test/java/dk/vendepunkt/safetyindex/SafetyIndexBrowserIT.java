package dk.vendepunkt.safetyindex;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In headless Chromium, with axe-core on every page: the analyst's Tryghedsindeks page and the urolige-områder forms; the reader's view. */
@IntegrationTest
class SafetyIndexBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;

    @Test
    void analystReadsTheIndexEntersSspFiguresAndPublishesTheReportForReaders() {
        var analyst = staff.user(Role.ANALYST);
        Api api = Api.at(port).as(analyst.username(), analyst.password());
        SafetyTestCity city = new SafetyTestCity();
        city.importAreas(api);
        int y = city.year;
        StringBuilder csv = new StringBuilder(SafetyIndexIT.HEADER);
        SafetyTestCity.rows(csv, "b" + city.a, y - 1, city.a, 30, "1", "1", "1", "1");
        SafetyTestCity.rows(csv, "b" + city.b, y - 1, city.b, 30, "1", "0", "0", "0");
        SafetyTestCity.rows(csv, "n" + city.a, y, city.a, 1000, "1", "1", "0", "1");
        SafetyTestCity.rows(csv, "n" + city.b, y, city.b, 30, "1", "1", "0", "1");
        SafetyTestCity.rows(csv, "n" + city.c, y, city.c, 12, "1", "0", "0", "0");
        assertThat(SafetyTestCity.importSurvey(api, csv.toString()).status()).isEqualTo(200);

        String assessment = "Stille halvår i testbydelen " + city.prefix;
        try (Browser b = new Browser(port)) {
            b.login(analyst.username(), analyst.password());
            b.open("/safety-index?year=" + y + "&baseline=" + (y - 1));
            assertThat(b.heading()).isEqualTo("Tryghedsindeks");
            assertThat(b.text()).contains("Distrikter pr. kategori " + y).contains("Indeks pr. distrikt " + y);
            String table = b.field("safety-table").getText();
            assertThat(table).contains("Testdistrikt " + city.a + " (" + city.a + ")").contains("Ordinær").contains("(sidste år: Markant)")
                    .contains("For få svar");
            assertThat(b.field("halving").getText()).isNotEmpty();
            assertThat(b.text()).contains("Respondenter i hele byen\n1.042");
            assertThat(table).contains("1.000");
            assertThat(b.field("goal3-table").getText()).contains(city.a).contains("Ja");
            assertThat(b.field("halving").getText()).contains("Målet er nået");
            new WebDriverWait(b.driver(), Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("#safety-map path.leaflet-interactive")).size() >= 3);
            b.checkAccessibility();

            b.open("/safety-index/unrest?year=" + y + "&half=1");
            assertThat(b.heading()).isEqualTo("Afrapportering af urolige områder");
            b.driver().findElement(By.linkText("Indtast SSP-enkeltsager og vurderinger")).click();
            b.checkAccessibility();
            assertThat(b.heading()).isEqualTo("SSP-enkeltsager og vurderinger, 1. halvår " + y);
            b.type("cases-" + city.bydel, "3").type("assessment-" + city.bydel, assessment).submit("Gem");
            assertThat(b.path()).isEqualTo("/safety-index/unrest");
            assertThat(b.text()).contains("Oplysningerne for 1. halvår " + y + " er gemt.").contains(assessment);

            // the form again shows what was saved
            b.open("/safety-index/unrest/input?year=" + y + "&half=1");
            assertThat(b.field("cases-" + city.bydel).getDomProperty("value")).isEqualTo("3");

            // the server validates too (the browser's own min check removed): error summary and field message
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("document.getElementById(arguments[0]).removeAttribute('min')",
                    "cases-" + city.bydel);
            b.type("cases-" + city.bydel, "-4").submit("Gem");
            assertThat(b.text()).contains("Der er fejl i formularen").contains("Antallet skal være mellem 0 og 100.000.");
            assertThat(b.field("cases-" + city.bydel).getDomAttribute("aria-invalid")).isEqualTo("true");

            // someone else saves in between: the stale form is refused and nothing is overwritten
            b.open("/safety-index/unrest/input?year=" + y + "&half=1");
            var other = api.get("/api/v1/safety-index/ssp?year=" + y + "&half=1");
            int version = 0;
            for (var e : other.json()) if (e.get("bydel").asString().equals(city.bydel)) version = e.get("version").asInt();
            assertThat(api.put("/api/v1/safety-index/ssp?year=" + y + "&half=1",
                    "[{\"bydel\":\"" + city.bydel + "\",\"singleCases\":4,\"assessment\":\"" + assessment + "\",\"version\":" + version + "}]").status())
                    .isEqualTo(200);
            b.type("cases-" + city.bydel, "9").submit("Gem");
            assertThat(b.text()).contains("En anden har gemt oplysninger for halvåret");
            b.open("/safety-index/unrest/input?year=" + y + "&half=1");
            assertThat(b.field("cases-" + city.bydel).getDomProperty("value")).isEqualTo("4");

            b.open("/safety-index/unrest?year=" + y + "&half=1");
            b.driver().findElement(By.xpath("//button[normalize-space()='Publicér (tal under 5 undertrykkes)']")).click();
            new WebDriverWait(b.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
            new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> b.path().startsWith("/reports/"));
            b.checkAccessibility();
            assertThat(b.text()).contains("Afrapportering af urolige områder").contains(assessment);
        }

        var reader = staff.user(Role.READER);
        try (Browser b = new Browser(port)) {
            b.login(reader.username(), reader.password());
            b.open("/safety-index");
            assertThat(b.text()).contains("Afrapportering af urolige områder").contains("1. halvår " + y);
            assertThat(b.driver().findElements(By.id("safety-table"))).isEmpty();
        }
    }
}
