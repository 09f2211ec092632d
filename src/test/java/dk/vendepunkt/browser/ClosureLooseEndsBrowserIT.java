package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11, item 7: the closure form lists the loose ends (planned actions, future contacts, approved but unpaid
 * purchases), each to be resolved or consciously carried over; after closure a journal note can still be added,
 * contacts cannot be planned.
 */
@IntegrationTest
class ClosureLooseEndsBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private Long enrolmentId;

    @AfterEach
    void removeFromTheEffectFigures() {
        if (enrolmentId == null) return;
        jdbc.sql("delete from out_enrolment where casework_enrolment_id = ?").param(enrolmentId).update();
    }

    @Test
    void looseEndsAreResolvedOrCarriedOverAndTheJournalContinuesAfterClosure() {
        long team = staff.team("loese-ender");
        TestStaff.User worker = staff.user(Role.CASEWORKER, team);
        LocalDate today = LocalDate.now(clock);
        enrolmentId = enrolments.enrolment(team);
        long plan = jdbc.sql("""
                insert into cw_plan_version (enrolment_id, number, reason, agreed, agreed_on, created_by, created_on)
                values (?, 1, 'Første plan', true, ?, 'test', ?) returning id""").params(enrolmentId, today, today).query(Long.class).single();
        long goal = jdbc.sql("insert into cw_plan_goal (plan_version_id, position, domain, text) values (?, 1, 'EDUCATION_EMPLOYMENT', 'Uddannelse') returning id")
                .param(plan).query(Long.class).single();
        long action = jdbc.sql("""
                insert into cw_plan_action (goal_id, position, text, department, due_date, status) values (?, 1, 'Søg lærlingeplads', 'BIF', ?, 'PLANNED')
                returning id""").params(goal, today.plusDays(20)).query(Long.class).single();
        jdbc.sql("insert into cw_plan_action (goal_id, position, text, department, status) values (?, 2, 'Afsluttet handling', 'SOF', 'DONE')")
                .param(goal).update();
        long contact = jdbc.sql("insert into cw_contact (enrolment_id, contact_date, contact_type, recorded_by) values (?, ?, 'MEETING', 'test') returning id")
                .params(enrolmentId, today.plusDays(7)).query(Long.class).single();
        long purchase = jdbc.sql("""
                insert into cw_pool_purchase (enrolment_id, programme, budget_year, purpose, supplier, amount, status, requested_on, requested_by,
                  decided_by, decided_at)
                values (?, 'EXIT', ?, 'Kørekort', 'Køreskolen', 9000, 'APPROVED', ?, 'test', 'test', now()) returning id""")
                .params(enrolmentId, today.getYear(), today).query(Long.class).single();
        String dk = "dd-MM-yyyy";

        try (Browser b = new Browser(port)) {
            b.login(worker.username(), worker.password());
            b.open("/enrolments/" + enrolmentId + "/closure");
            String looseEnds = b.field("loose-ends").getText();
            assertThat(looseEnds).contains("Løse ender (3)")
                    .contains("Handling i handleplanen: Søg lærlingeplads (frist " + today.plusDays(20).format(java.time.format.DateTimeFormatter.ofPattern(dk)) + ")")
                    .contains("Planlagt kontakt: Møde den " + today.plusDays(7).format(java.time.format.DateTimeFormatter.ofPattern(dk)))
                    .contains("Godkendt, ikke betalt puljekøb: Kørekort")
                    .doesNotContain("Afsluttet handling");

            // closing without a decision on each is refused
            b.select("reason", "Gennemført (selvhjulpen)").type("summary", "I lære");
            b.driver().findElement(By.id("carryOver-ACTION-" + action)).click();
            b.submit("Afslut forløbet");
            assertThat(b.text()).contains("2 løse ender er hverken løst eller markeret som videreført");
            assertThat(jdbc.sql("select end_date from cw_enrolment where id = ?").param(enrolmentId).query(LocalDate.class).optional()).isEmpty();

            // the choice made is kept; the others are carried over consciously, and the forløb is closed
            assertThat(b.field("carryOver-ACTION-" + action).isSelected()).isTrue();
            b.driver().findElement(By.id("carryOver-CONTACT-" + contact)).click();
            b.driver().findElement(By.id("carryOver-PURCHASE-" + purchase)).click();
            b.submit("Afslut forløbet");
            assertThat(b.text()).contains("Forløbet er afsluttet");

            // the journal records what was carried over; a note can still be written; contacts cannot be planned
            b.open("/enrolments/" + enrolmentId + "/journal");
            assertThat(b.text()).contains("Videreført ved afslutningen:").contains("Søg lærlingeplads").contains("Kørekort")
                    .contains("kontakter kan ikke længere registreres eller planlægges");
            assertThat(b.driver().findElements(By.id("contact-contactDate"))).isEmpty();
            b.driver().findElement(By.cssSelector("section[aria-labelledby='notes-heading'] details summary")).click();
            b.type("note-text", "Ringede efter afslutningen; går fint i lære.").submit("Gem notat");
            assertThat(b.text()).contains("Notatet er gemt.").contains("Ringede efter afslutningen");
        }
        Api api = Api.at(port).as(worker.username(), worker.password());
        var planned = api.post("/api/v1/enrolments/" + enrolmentId + "/contacts",
                Map.of("contactDate", today.plusDays(3).toString(), "type", "MEETING"));
        assertThat(planned.status()).as(planned.toString()).isEqualTo(400);
    }
}
