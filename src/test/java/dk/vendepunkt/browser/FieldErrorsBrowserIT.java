package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium, with axe-core after every submission: a refused form shows each field's own error next to
 * the field (element {@code <field>-error}, pointed to by the field's aria-describedby and aria-invalid), besides
 * the summary at the top; in the people, portfolio and organisation modules.
 */
@IntegrationTest
class FieldErrorsBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;

    @Test
    void aPersonFormShowsTheCprErrorAtTheCprField() {
        var u = staff.user(Role.CASEWORKER, staff.team("fielderrors"));
        try (Browser b = new Browser(port)) {
            b.login(u.username(), u.password());
            b.open("/people/new").type("cpr", "999999-0000").type("firstName", "Bo").type("lastName", "Feltfejl").submit("Gem");
            assertFieldError(b, "cpr", "CPR-nummeret er ugyldigt");
            assertThat(b.field("cpr").getAttribute("aria-describedby")).as("the hint stays described too").contains("cpr-hint");
            assertThat(b.field("firstName").getAttribute("aria-invalid")).as("a good field is not marked").isNull();
            assertThat(b.driver().findElements(By.id("firstName-error"))).isEmpty();
        }
    }

    @Test
    void anInitiativeFormShowsTheNumberErrorAtItsField() {
        var u = staff.user(Role.ANALYST);
        try (Browser b = new Browser(port)) {
            b.login(u.username(), u.password());
            b.open("/portfolio/initiatives/new").type("ref", "FE-" + System.nanoTime()).type("name", "Feltfejl").type("citizens", "mange");
            new Select(b.field("department")).selectByValue("KFF");
            b.submit("Opret");
            assertFieldError(b, "citizens", "Angiv et helt tal.");
            assertThat(b.field("citizens").getAttribute("value")).as("the input is kept").isEqualTo("mange");
        }
    }

    @Test
    void theNewUserFormShowsTheUsernameErrorAtTheUsername() {
        try (Browser b = new Browser(port)) {
            b.login("admin", "test-admin-password");
            b.open("/admin/users").type("username", "Store Bogstaver").type("displayName", "Feltfejl").type("password", "en lang nok sætning her");
            b.driver().findElement(By.cssSelector("input[name=roles][value=READER]")).click();
            b.submit("Opret bruger");
            assertFieldError(b, "username", "Brugernavnet skal være 2-64 tegn");
            assertThat(b.field("username").getAttribute("aria-describedby")).contains("username-hint");
            // what was chosen is still chosen (issue: "Ny bruger" kept roles, functions and teams only until the first error)
            assertThat(b.driver().findElement(By.cssSelector("input[name=roles][value=READER]")).isSelected()).isTrue();
            assertThat(b.driver().findElement(By.cssSelector("input[name=roles][value=ADMIN]")).isSelected()).isFalse();
            assertThat(b.field("displayName").getAttribute("value")).isEqualTo("Feltfejl");
        }
    }

    /** The field's own error is next to it, tied to it, and the summary at the top links to the field. */
    private static void assertFieldError(Browser b, String field, String message) {
        WebElement error = b.field(field + "-error");
        assertThat(error.getText()).contains(message);
        WebElement control = b.field(field);
        assertThat(Arrays.asList(control.getAttribute("aria-describedby").split("\\s+"))).contains(field + "-error");
        assertThat(control.getAttribute("aria-invalid")).isEqualTo("true");
        WebElement parent = control.findElement(By.xpath(".."));
        assertThat(parent.findElements(By.id(field + "-error"))).as("the error sits with its field").hasSize(1);
        assertThat(b.driver().findElement(By.cssSelector(".error-summary a[href='#" + field + "']")).getText()).contains(message);
    }
}
