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

/** In headless Chromium with axe-core: the DPO's page, the administrator's retention page, and the retention dates on a person's page. */
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

    /**
     * The administrator sees the preview for a chosen date and may run the job only after confirming; without the
     * confirmation nothing is erased (the run itself is RetentionIT's: here it would reach other tests' old data).
     */
    @Test
    void theAdministratorPreviewsAtADateAndMustConfirmARun() {
        var admin = staff.user(Role.ADMIN);
        try (Browser b = new Browser(port)) {
            b.login(admin.username(), admin.password());
            b.open("/admin/retention?asOf=1899-12-31");
            assertThat(b.heading()).isEqualTo("Sletning");
            assertThat(b.text()).contains("Sletning efter reglerne pr. 31-12-1899");
            b.checkAccessibility();
            b.submit("Slet og pseudonymisér nu");
            assertThat(b.text()).contains("Bekræft, at du vil køre sletningen.").doesNotContain("er slettet eller pseudonymiseret");
            b.checkAccessibility();
        }
        var dpo = staff.user(Role.DPO);
        try (Browser b = new Browser(port)) {
            b.login(dpo.username(), dpo.password());
            b.open("/dpo?asOf=1899-12-31");
            assertThat(b.text()).contains("Sletning efter reglerne pr. 31-12-1899");
            b.open("/admin/retention");
            assertThat(b.text()).doesNotContain("Kør sletningen nu");
        }
    }
}
