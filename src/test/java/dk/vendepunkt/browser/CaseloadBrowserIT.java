package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11, item 9: "Min sagsstamme" shows the forløb first, searched by name or forløb number, filtered by programme,
 * phase and "needs action", sorted and paged; the follow-up tasks are a compact list of links, not forms.
 */
@IntegrationTest
class CaseloadBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired PersonDirectory people;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private long person(long team, String first, String last) {
        return people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr()).orElseThrow(), first, last, "D01", team);
    }

    private List<String> names(Browser b) {
        return b.driver().findElements(By.cssSelector("#enrolments tbody tr td:nth-child(2)")).stream().map(WebElement::getText).toList();
    }

    @Test
    void searchFilterSortPageAndFollowUpsAsLinks() {
        long team = staff.team("stamme");
        TestStaff.User worker = staff.user(Role.CASEWORKER, team);
        LocalDate today = LocalDate.now(clock);
        String tag = "Q" + Long.toString(System.nanoTime(), 36);
        // Ada: new in Exit; Bo: in SSP+ for 100 days without a contact (needs action); Cai: closed, with a follow-up due
        long ada = enrolments.enrolment(person(team, "Ada", tag), team, "EXIT", "IDENTIFICATION", today.minusDays(10), null);
        long bo = enrolments.enrolment(person(team, "Bo", tag), team, "SSP_PLUS", "CONTACT", today.minusDays(100), null);
        long cai = enrolments.enrolment(person(team, "Cai", tag), team, "EXIT", "IDENTIFICATION", today.minusDays(300), null);
        enrolments.close(cai, today.minusDays(90), "MOVED");
        jdbc.sql("insert into cw_follow_up (enrolment_id, kind, due_date) values (?, 'MONTHS_3', ?)").params(cai, today).update();

        try (Browser b = new Browser(port)) {
            b.login(worker.username(), worker.password());
            b.open("/caseload");
            // the forløb come first; the follow-up is a link to the forløb's form, no form in the caseload
            String page = b.driver().getPageSource();
            assertThat(page.indexOf("id=\"enrolments-heading\"")).isLessThan(page.indexOf("id=\"tasks-heading\""));
            assertThat(b.driver().findElements(By.cssSelector("form[action*='/follow-ups/']"))).isEmpty();
            assertThat(b.driver().findElement(By.linkText("Registrér opfølgning for Cai " + tag)).getAttribute("href"))
                    .endsWith("/enrolments/" + cai + "#follow-ups");
            // ongoing only, newest start first
            assertThat(names(b)).containsExactly("Ada " + tag, "Bo " + tag);

            // search by name through the form
            b.type("q", "bo " + tag.toLowerCase()).submit("Søg");
            assertThat(names(b)).containsExactly("Bo " + tag);
            // by forløb number
            b.open("/caseload?q=" + ada);
            assertThat(names(b)).containsExactly("Ada " + tag);
            // by programme and phase
            b.open("/caseload?programme=SSP_PLUS");
            assertThat(names(b)).containsExactly("Bo " + tag);
            b.open("/caseload?phase=IDENTIFICATION");
            assertThat(names(b)).containsExactly("Ada " + tag);
            // needs action: Bo has had no contact for 30 days
            b.open("/caseload?needsAction=true");
            assertThat(names(b)).containsExactly("Bo " + tag);
            assertThat(b.field("enrolments").getText()).contains("Ingen kontakt i 30 dage");
            // a contact today settles it
            jdbc.sql("insert into cw_contact (enrolment_id, contact_date, contact_type, attended, recorded_by) values (?, ?, 'MEETING', true, 'test')")
                    .params(bo, today).update();
            b.open("/caseload?needsAction=true");
            assertThat(names(b)).isEmpty();
            assertThat(b.text()).contains("Ingen forløb passer til søgningen.");
            // closed forløb after the ongoing ones; sorted by name
            b.open("/caseload?closed=true&sort=NAME");
            assertThat(names(b)).containsExactly("Ada " + tag, "Bo " + tag, "Cai " + tag);
            b.open("/caseload?sort=NAME&q=" + tag);
            assertThat(names(b)).containsExactly("Ada " + tag, "Bo " + tag);

            // paging: 25 forløb a page, the pager keeps the search
            for (int i = 0; i < 25; i++) {
                enrolments.enrolment(person(team, "Pia" + (10 + i), tag), team, "EXIT", "IDENTIFICATION", today.minusDays(20), null);
            }
            b.open("/caseload?sort=NAME&q=" + tag);
            assertThat(names(b)).hasSize(25).startsWith("Ada " + tag, "Bo " + tag);
            assertThat(b.heading()).isEqualTo("Min sagsstamme");
            assertThat(b.text()).contains("Mine forløb (27)").contains("Side 1 af 2");
            b.driver().findElement(By.linkText("Næste")).click();
            b.waitForText("Side 2 af 2").checkAccessibility();
            assertThat(names(b)).containsExactly("Pia33 " + tag, "Pia34 " + tag);
        }
    }
}
