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

/** The glossary in the app: a help page reached from every page, and the same definitions as hints on domain words in headings. */
@IntegrationTest
class GlossaryBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;

    @Test
    void theGlossaryExplainsTheDomainWordsAndHeadingsHintThem() {
        long team = staff.team("glossary");
        var cw = staff.user(Role.CASEWORKER, team);
        long id = enrolments.enrolment(enrolments.person(team), team, "SSP_PLUS", "CONTACT", LocalDate.now().minusDays(10), null);
        try (Browser b = new Browser(port)) {
            b.login(cw.username(), cw.password());
            b.open("/enrolments/" + id + "/plan");
            String hint = b.field("plan-heading").getAttribute("title");
            assertThat(hint).startsWith("Mål pr. livsområde");
            b.driver().findElement(By.linkText("Ordliste")).click();
            b.waitForText("Fagudtrykkene i Vendepunkt");
            b.checkAccessibility();
            assertThat(b.path()).isEqualTo("/help/glossary");
            assertThat(b.field("term-forloeb").getText()).isEqualTo("Forløb");
            assertThat(b.text()).contains("Puljekøb").contains("Årsplads").contains("§115-listen").contains(hint);
        }
    }
}
