package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium: a caseworker works a forløb's assessment, action plan, mentor, journal and pool
 * purchase; a programme manager sets the pool budget and approves the purchase. axe-core on every page.
 */
@IntegrationTest
class CasePlanBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;

    @Test
    void caseworkerWorksThePlanAndTheProgrammeManagerApprovesThePurchase() {
        long team = staff.team("planbrowser");
        TestStaff.User cw = staff.user(Role.CASEWORKER, team);
        TestStaff.User pm = staff.user(Role.PROGRAMME_MANAGER);
        long id = enrolments.enrolment(enrolments.person(team), team, "SSP_PLUS", "CONTACT", LocalDate.now().minusDays(40), null);
        String base = "/enrolments/" + id;
        try (Browser b = new Browser(port)) {
            b.login(cw.username(), cw.password());

            // assessment: a missing need level is named, then the baseline is saved
            b.open(base + "/assessment");
            assertThat(b.text()).contains("Der er endnu ingen behovs- og risikovurdering");
            for (String d : new String[] {"ECONOMY", "HOUSING", "EDUCATION_EMPLOYMENT", "NETWORK", "SUBSTANCE_ABUSE", "MENTAL_HEALTH",
                    "THREAT_LEVEL", "CRIMINAL_THINKING"}) {
                b.select("domains[" + d + "].needLevel", "Højt behov");
            }
            removeRequired(b, "domains[LEISURE].needLevel");
            b.type("domains[ECONOMY].situation", "Syntetisk: gæld til SKAT");
            b.submit("Gem vurdering");
            assertThat(b.text()).contains("Vælg behovsniveau.");
            b.select("domains[LEISURE].needLevel", "Lavt behov");
            b.submit("Gem vurdering");
            assertThat(b.text()).contains("Vurderingen er gemt.").contains("Meget høj").contains("Baseline");
            // a re-assessment starts from the baseline's situation and needs
            assertThat(b.field("domains[ECONOMY].situation").getAttribute("value")).isEqualTo("Syntetisk: gæld til SKAT");
            b.select("domains[HOUSING].needLevel", "Intet behov").submit("Gem vurdering");
            assertThat(b.text()).contains("Vurderingen er gemt.").contains("Revurdering").contains("Høj");

            // action plan: first goal, then an action (needs a reason), then the history shows two versions
            b.open(base + "/plan");
            assertThat(b.text()).contains("Der er ingen handleplan endnu");
            b.select("goal-domain", "Uddannelse/beskæftigelse").type("goal-text", "Starte på VUC til august");
            b.driver().findElement(By.cssSelector("#goal-agreed input[value=true]")).click();
            b.submit("Tilføj mål");
            assertThat(b.text()).contains("Handleplanen er gemt som en ny version.").contains("Starte på VUC til august");
            b.driver().findElement(By.xpath("//summary[normalize-space()='Tilføj handling']")).click();
            b.type("action-text", "Vejledningssamtale i UU").select("action-department", "BUF – Børne- og Ungdomsforvaltningen");
            b.driver().findElement(By.cssSelector("#action-agreed input[value=false]")).click();
            b.submit("Tilføj handling");
            assertThat(b.text()).contains("Angiv årsagen til ændringen.");
            b.type("action-reason", "Aftalt på netværksmøde").type("action-text", "Vejledningssamtale i UU");
            b.driver().findElement(By.cssSelector("#action-agreed input[value=false]")).click();
            b.submit("Tilføj handling");
            assertThat(b.text()).contains("Vejledningssamtale i UU").contains("Versionshistorik").contains("Aftalt på netværksmøde")
                    .contains("Handling tilføjet: Vejledningssamtale i UU (Planlagt)").contains("Mål tilføjet: Starte på VUC til august");
            // moving an action on: status and due date, shown old → new in the history
            b.driver().findElement(By.xpath("//summary[normalize-space()='Opdatér handling']")).click();
            b.select("progress-status", "I gang").type("progress-reason", "Samtalen er booket");
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                    "document.getElementById('progress-dueDate').value = arguments[0]", LocalDate.now().plusDays(20).toString());
            b.driver().findElement(By.cssSelector("#progress-agreed input[value=true]")).click();
            b.submit("Opdatér handling");
            String due = LocalDate.now().plusDays(20).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
            assertThat(b.text()).contains("Status for Vejledningssamtale i UU: Planlagt → I gang")
                    .contains("Frist for Vejledningssamtale i UU: – → " + due);
            b.open(base + "/plan?version=1");
            assertThat(b.text()).contains("Du ser version 1");

            // printed, the plan is a document: no navigation, forms or buttons; the goals stay
            b.open(base + "/plan");
            ((org.openqa.selenium.chromium.ChromiumDriver) b.driver()).executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
            assertThat(b.driver().findElement(By.cssSelector(".site-header nav")).isDisplayed()).isFalse();
            assertThat(b.driver().findElements(By.cssSelector("main form")).stream().noneMatch(org.openqa.selenium.WebElement::isDisplayed)).isTrue();
            assertThat(b.driver().findElement(By.tagName("main")).getText()).contains("Handleplan");
            ((org.openqa.selenium.chromium.ChromiumDriver) b.driver()).executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
            // a favicon of our own
            assertThat(b.driver().findElement(By.cssSelector("link[rel=icon]")).getAttribute("href")).endsWith("/img/favicon.svg");

            // mentor: an external person
            b.open(base + "/plan");
            b.driver().findElement(By.xpath("//summary[normalize-space()='Tilknyt mentor']")).click();
            b.driver().findElement(By.cssSelector("#mentor-kind input[value=EXTERNAL]")).click();
            b.type("mentor-name", "Ekstern Mentorsen").type("mentor-organisation", "Foreningen Fri");
            b.submit("Tilknyt mentor");
            assertThat(b.text()).contains("Mentoren er tilknyttet.").contains("Ekstern Mentorsen");

            // journal: a note and a planned contact marked as missed
            b.open(base + "/journal");
            b.type("note-text", "Syntetisk notat om samtalen.").submit("Gem notat");
            assertThat(b.text()).contains("Notatet er gemt.").contains("Syntetisk notat om samtalen.");
            b.driver().findElement(By.xpath("//summary[normalize-space()='Registrér kontakt']")).click();
            b.select("contact-type", "Hjemmebesøg").submit("Gem kontakt");
            assertThat(b.text()).contains("Kontakten er gemt.");
            b.driver().findElement(By.xpath("//button[normalize-space()='Udeblevet']")).click();
            b.waitForText("1 kontakt: 0 med fremmøde, 1 udeblevet.");
            b.checkAccessibility();

            // purchase: a bad amount is refused with a Danish message, then requested
            b.open(base + "/purchases");
            b.type("purchase-purpose", "Kørekort").type("purchase-supplier", "Køreskolen A/S").type("purchase-amount", "12,345");
            b.submit("Send anmodning");
            assertThat(b.text()).contains("Angiv et beløb i kroner over 0 med højst to decimaler.");
            b.type("purchase-amount", "12.500,50").submit("Send anmodning");
            assertThat(b.text()).contains("Anmodningen er sendt til godkendelse.").contains("12.500,50 kr.");

            // an unknown forløb is the ordinary 404 page
            b.open("/enrolments/" + (id + 1_000_000) + "/plan");
            assertThat(b.heading()).contains("404");

            // a closed forløb: every page can be read, none offers a form but the journal's note (documentation continues)
            enrolments.close(id, LocalDate.now(), "COMPLETED");
            for (String page : new String[] {"assessment", "plan", "purchases"}) {
                b.open(base + "/" + page);
                assertThat(b.text()).as(page).contains("Forløbet er afsluttet; siden kan kun læses.");
                assertThat(b.driver().findElements(By.cssSelector("main form[method=post]"))).as(page).isEmpty();
            }
            b.open(base + "/journal");
            assertThat(b.text()).contains("kontakter kan ikke længere registreres eller planlægges");
            assertThat(b.driver().findElements(By.cssSelector("main form[method=post]"))).extracting(f -> f.getAttribute("action"))
                    .singleElement().asString().endsWith("/journal");
            // the English texts are complete
            b.open(base + "/plan?lang=en");
            assertThat(b.text()).contains("Action plan").contains("Version history").doesNotContain("??");
            for (String page : new String[] {"assessment", "purchases"}) {
                b.open(base + "/" + page);
                assertThat(b.text()).as(page).contains("this page is read-only").doesNotContain("??");
            }
            b.open(base + "/journal");
            assertThat(b.text()).contains("contacts can no longer be recorded or planned").doesNotContain("??");
        }
        try (Browser b = new Browser(port)) {
            b.login(pm.username(), pm.password());
            int year = LocalDate.now().getYear();
            b.open("/programmes/SSP_PLUS/pool?year=" + year);
            b.type("budget-amount", "100.000,00").submit("Gem budget");
            assertThat(b.text()).contains("Budgettet for " + year + " er gemt.");
            b.open("/programmes/SSP_PLUS/pool?year=" + year + "&status=REQUESTED");
            // sorting replaces the list in place (htmx) and keeps the filter
            b.driver().findElement(By.xpath("//th/a[normalize-space()='Beløb']")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().contains("sort=amount"));
            b.checkAccessibility();
            assertThat(b.driver().getCurrentUrl()).contains("status=REQUESTED");
            b.driver().findElement(By.xpath("//tr[td[normalize-space()='Køreskolen A/S']]//a[normalize-space()='Godkend']")).click();
            b.checkAccessibility();
            assertThat(b.heading()).isEqualTo("Godkend køb");
            b.submit("Bekræft godkendelse");
            assertThat(b.text()).contains("er godkendt.");
            b.driver().findElement(By.xpath("//tr[td[normalize-space()='Køreskolen A/S']]//a[normalize-space()='Registrér betaling']")).click();
            b.checkAccessibility();
            b.submit("Bekræft betaling");
            assertThat(b.text()).contains("er registreret som betalt.");
            b.open("/programmes/NOPE/pool");
            assertThat(b.heading()).contains("404");
        }
    }

    static void removeRequired(Browser b, String id) {
        ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("document.getElementById(arguments[0]).removeAttribute('required')", id);
    }
}
