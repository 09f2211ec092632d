package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In headless Chromium with axe-core: the DPO's page, and the retention dates on a person's page. */
@IntegrationTest
class PrivacyPagesBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;

    @Test
    void theDpoPageAndThePersonsRetentionDatesAreAccessible() {
        long team = staff.team("privacy-pages");
        var enrolment = enrolments.enrolment(team);
        long person = enrolments.personOf(enrolment);
        var dpo = staff.user(Role.DPO);
        try (Browser b = new Browser(port)) {
            b.login(dpo.username(), dpo.password());
            b.open("/dpo");
            assertThat(b.heading()).isEqualTo("Databeskyttelse");
            assertThat(b.text()).contains("Hent indsigt").contains("Sletning efter reglerne");
            b.checkAccessibility();
        }
        var caseworker = staff.user(Role.CASEWORKER, team);
        try (Browser b = new Browser(port)) {
            b.login(caseworker.username(), caseworker.password());
            b.open("/people/" + person);
            // the forløb is open: its date is not known yet, and so neither is the person's
            assertThat(b.field("retention").getText()).contains("Sletning").contains("når forløbet er afsluttet");
            b.checkAccessibility();
        }
    }
}
