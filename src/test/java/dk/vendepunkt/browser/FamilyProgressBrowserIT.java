package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.SignedIn;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestFamilies;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium with axe-core on every page: a core team member opens the family case's progress page from the
 * case, records a child's baseline well-being and a later value, and sees the child's chart drawn; a parent's scale is
 * not offered for the child.
 */
@IntegrationTest
class FamilyProgressBrowserIT {

    @LocalServerPort int port;
    @Autowired TestFamilies testFamilies;
    @Autowired TestClock clock;

    @Test
    void aCoreTeamMemberRecordsABaselineAndALaterValueAndSeesTheChart() {
        var c = testFamilies.open("progress-browser");
        SignedIn.clear();
        LocalDate today = LocalDate.now(clock);
        String form = "m" + c.young15() + "-WELLBEING";
        try (Browser b = new Browser(port)) {
            b.login(c.worker().username(), c.worker().password());
            b.open("/family-cases/" + c.id());
            b.driver().findElement(By.linkText("Fremskridtsmåling")).click();
            b.checkAccessibility();
            assertThat(b.heading()).isEqualTo("Fremskridtsmåling – Familien " + c.surname());
            assertThat(b.field("member-" + c.young15()).getText()).contains("Der er ingen målinger endnu.");
            assertThat(b.driver().findElements(By.id("m" + c.young15() + "-PARENT_EMPLOYMENT-value"))).isEmpty();
            assertThat(b.driver().findElements(By.id("m" + c.mother() + "-PARENT_EMPLOYMENT-value"))).hasSize(1);

            record(b, form, today.minusDays(20), "Udgangsmåling", "4");
            assertThat(b.text()).contains("Målingen er gemt.");
            record(b, form, today, "Undervejs", "7");
            assertThat(b.text()).contains("Målingen er gemt.");
            // a second baseline is refused at its field, the form open again with the input kept
            record(b, form, today, "Udgangsmåling", "8");
            assertThat(b.field(form + "-occasion-error").getText()).contains("udgangsmåling");
            assertThat(b.field(form + "-value").getAttribute("value")).isEqualTo("8");

            WebElement member = b.field("member-" + c.young15());
            assertThat(member.getText()).contains("Udgangsmåling").contains("Undervejs");
            String chart = "progress-" + c.young15() + "-WELLBEING";
            assertThat(b.field(chart).getAttribute("data-values")).isEqualTo("[4,7]");
            Boolean drawn = new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return typeof Chart !== 'undefined' && Chart.getChart(document.getElementById(arguments[0])) !== undefined", chart));
            assertThat(drawn).isTrue();
            b.checkAccessibility();
        }
    }

    /** Opens the scale's form under the member, fills it and submits it; waits for the page that results. */
    private static void record(Browser b, String form, LocalDate on, String occasion, String value) {
        WebElement details = b.driver().findElement(By.xpath("//details[.//input[@id='" + form + "-value']]"));
        if (details.getAttribute("open") == null) details.findElement(By.tagName("summary")).click();
        ((JavascriptExecutor) b.driver()).executeScript("document.getElementById(arguments[0]).value = arguments[1]", form + "-measuredOn", on.toString());
        b.select(form + "-occasion", occasion).type(form + "-value", value);
        WebElement button = b.driver().findElement(By.xpath("//form[.//input[@id='" + form + "-value']]//button"));
        button.click();
        new WebDriverWait(b.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(button));
        b.checkAccessibility();
    }
}
