package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.FamilyWorkFixtures;
import dk.vendepunkt.support.FamilyWorkFixtures.FamilyInAssessment;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestClock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium: a core team coordinator fills the family's six-part assessment (a journal summary, a measure on
 * the timeline, the overall assessment), is told what is missing before completing it, completes it, writes the first
 * family action plan and records the family's agreement. axe-core on every page.
 */
@IntegrationTest
class FamilyWorkBrowserIT {

    @LocalServerPort int port;
    @Autowired FamilyWorkFixtures fixtures;
    @Autowired TestClock clock;

    static void date(Browser b, String id, LocalDate d) {
        ((JavascriptExecutor) b.driver()).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, d.toString());
    }

    static void open(Browser b, String summary) {
        b.driver().findElement(By.xpath("//summary[normalize-space()='" + summary + "']")).click();
    }

    @Test
    void aCoordinatorFillsTheAssessmentAndAgreesThePlanWithTheFamily() {
        FamilyInAssessment f = fixtures.familyInAssessment("Familien Browsersen");
        LocalDate today = LocalDate.now(clock);
        String base = "/family-cases/" + f.caseId();
        try (Browser b = new Browser(port)) {
            b.login(f.coordinator().username(), f.coordinator().password());

            b.open(base + "/assessment");
            b.checkAccessibility();
            assertThat(b.heading()).isEqualTo("Udredning – Familien Browsersen");
            assertThat(b.text()).contains("1. Stamoplysninger").contains("Mor Browsersen").contains("Barn Browsersen")
                    .contains("Ikke screenet").contains("YLS/CMI").contains("Der er endnu ingen journalresuméer.");

            // part 2: a journal summary (the form is open while there are none)
            b.select("summary-personId", "Mor Browsersen").select("summary-department", "SOF – Socialforvaltningen")
                    .type("summary-source", "KMD Sag, sag 4711").type("summary-summary", "Syntetisk: kontakt om økonomi, ingen aktuel sag.");
            date(b, "summary-summaryDate", today.minusDays(90));
            b.submit("Tilføj journalresumé");
            assertThat(b.text()).contains("Journalresuméet er gemt.").contains("KMD Sag, sag 4711");

            // completing now names part 5
            b.submit("Afslut udredningen");
            assertThat(b.text()).contains("Del 5 mangler");

            // part 3: a measure, drawn on the timeline
            open(b, "Tilføj indsats");
            b.select("measure-personId", "Barn Browsersen").type("measure-measure", "Kontaktperson")
                    .select("measure-department", "BUF – Børne- og Ungdomsforvaltningen");
            date(b, "measure-from", today.minusDays(200));
            b.submit("Tilføj indsats");
            assertThat(b.text()).contains("Indsatsen er gemt.");
            assertThat(b.driver().findElements(By.cssSelector("figure.timeline svg rect"))).hasSize(1);

            // part 5, then complete
            b.type("overall-resources", "Mor er engageret og har et netværk").type("overall-challenges", "Højt skolefravær")
                    .type("overall-needs-" + f.child(), "Fast skolegang og en fritidsaktivitet");
            b.submit("Gem vurderingen");
            assertThat(b.text()).contains("Den samlede vurdering er gemt.");
            b.submit("Afslut udredningen");
            assertThat(b.text()).contains("Udredningen er afsluttet.").contains("Afsluttet " + today.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")));
            assertThat(b.driver().findElements(By.xpath("//button[normalize-space()='Tilføj indsats']"))).isEmpty();

            // the family action plan: the first version, then the family's agreement
            b.open(base + "/plan");
            b.checkAccessibility();
            assertThat(b.text()).contains("Der er ingen familiehandleplan endnu.");
            b.type("plan-wishes", "Vi vil have ro derhjemme, og at Barn kommer i skole");
            b.select("plan-goal-0-personId", "Barn Browsersen").type("plan-goal-0-goal", "Møde i skole hver dag")
                    .select("plan-goal-0-department", "BUF – Børne- og Ungdomsforvaltningen").select("plan-goal-0-measure", "Skolestøtte");
            date(b, "plan-goal-0-deadline", today.plusDays(90));
            date(b, "plan-goal-0-reviewOn", today.plusDays(30));
            b.submit("Gem ny version");
            assertThat(b.text()).contains("Familiehandleplanen er gemt som en ny version.").contains("Kladde – planen er ikke aftalt med familien")
                    .contains("Møde i skole hver dag").contains("Skolestøtte");

            b.submit("Registrér familiens accept");
            assertThat(b.text()).contains("Vælg, hvem i familien der har accepteret planen.");
            b.driver().findElement(By.id("agreement-agreedBy-" + f.mother())).click();
            b.submit("Registrér familiens accept");
            assertThat(b.text()).contains("Familiens accept er registreret.").contains("Aftalt").contains("Mor Browsersen")
                    .doesNotContain("Kladde – planen er ikke aftalt med familien");
        }
    }
}
