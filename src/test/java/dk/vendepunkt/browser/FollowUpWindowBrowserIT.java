package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11, item 3: a follow-up recorded outside the 3-month measure's window ([end + 60, end + 120], the contract's
 * "Outcomes") is not silently lost. The form shows the window, a date outside it is a warning the user confirms,
 * and the programme manager sees the follow-ups recorded outside it.
 */
@IntegrationTest
class FollowUpWindowBrowserIT {

    private static final DateTimeFormatter DK = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired PersonDirectory people;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private Long enrolmentId;

    @AfterEach
    void removeFromTheEffectFigures() {
        // the closed forløb would count in the effect reports of other tests
        if (enrolmentId == null) return;
        jdbc.sql("delete from out_follow_up where casework_enrolment_id = ?").param(enrolmentId).update();
        jdbc.sql("delete from out_enrolment where casework_enrolment_id = ?").param(enrolmentId).update();
    }

    @Test
    void theWindowIsShownADateOutsideItIsConfirmedAndTheManagerSeesIt() {
        long team = staff.team("vindue");
        TestStaff.User worker = staff.user(Role.CASEWORKER, team);
        TestStaff.User manager = staff.user(Role.PROGRAMME_MANAGER, team);
        LocalDate today = LocalDate.now(clock);
        String lastName = "Vindue" + Long.toString(System.nanoTime(), 36);
        long person = people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr()).orElseThrow(), "Vera", lastName, "D01", team);
        enrolmentId = enrolments.enrolment(person, team, "SSP_PLUS", "CONTACT", today.minusDays(600), null);
        LocalDate end = today.minusDays(274);
        Api api = Api.at(port).as(worker.username(), worker.password());
        int version = jdbc.sql("select version from cw_enrolment where id = ?").param(enrolmentId).query(Integer.class).single();
        var closed = api.post("/api/v1/enrolments/" + enrolmentId + "/closure",
                Map.of("reason", "COMPLETED", "endDate", end.toString(), "summary", "I job", "version", version));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        long followUpId = jdbc.sql("select id from cw_follow_up where enrolment_id = ? and kind = 'MONTHS_3'").param(enrolmentId)
                .query(Long.class).single();
        String window = DK.format(end.plusDays(60)) + " – " + DK.format(end.plusDays(120));

        try (Browser b = new Browser(port)) {
            b.login(worker.username(), worker.password());
            b.open("/enrolments/" + enrolmentId);
            assertThat(b.field("statusDate-" + followUpId + "-hint").getText()).contains(window);

            // the form's date (today) lies outside the window: a warning, nothing saved
            b.select("status-" + followUpId, "I beskæftigelse").type("note-" + followUpId, "Fastansat");
            String form = "form[action$='/follow-ups/" + followUpId + "']";
            b.driver().findElement(By.cssSelector(form + " button[type=submit]")).click();
            b.waitForText("uden for målevinduet").checkAccessibility();
            assertThat(b.text()).contains("Datoen ligger uden for målevinduet (" + window + ")");
            assertThat(jdbc.sql("select status from cw_follow_up where id = ?").param(followUpId).query(String.class).optional()).isEmpty();

            // the entry is kept; the user confirms, and it is saved
            assertThat(b.field("note-" + followUpId).getAttribute("value")).isEqualTo("Fastansat");
            b.driver().findElement(By.id("confirmOutsideWindow-" + followUpId)).click();
            b.driver().findElement(By.cssSelector(form + " button[type=submit]")).click();
            b.waitForText("Opfølgningen er registreret.").checkAccessibility();
            assertThat(jdbc.sql("select status from cw_follow_up where id = ?").param(followUpId).query(String.class).single())
                    .isEqualTo("EMPLOYMENT");
        }

        try (Browser b = new Browser(port)) {
            b.login(manager.username(), manager.password());
            b.open("/programmes/SSP_PLUS");
            String late = b.field("late-follow-ups").getText();
            assertThat(late).contains("Vera " + lastName).contains(DK.format(today)).contains(window);
        }
    }
}
