package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.casework.domain.LifeDomain;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In headless Chromium, with axe-core on every page: referral → screening → enrolment → phase change → closure →
 * follow-up in the caseload, then the person page and the programme dashboard.
 */
@IntegrationTest
class CaseworkJourneyBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;

    @Test
    void referralToFollowUp() {
        long team = staff.team("journey");
        TestStaff.User consultant = staff.user(Role.CASEWORKER, team);
        TestStaff.User coordinator = staff.user(Role.CASEWORKER, Set.of(StaffFunction.SSP_CONSULTANT), team);
        TestStaff.User manager = staff.user(Role.PROGRAMME_MANAGER, team);
        String cpr = TestStaff.uniqueCpr();
        long enrolmentId;
        long personId;
        try (Browser b = new Browser(port)) {
            b.login(consultant.username(), consultant.password());

            // referral: a missing reason is reported in Danish, then registered
            b.open("/referrals/new");
            b.type("cpr", cpr).type("firstName", "Jens").type("lastName", "Rejse").select("channel", "Politi")
                    .select("legalBasis", "Samtykke").type("referrer", "Station City");
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("document.getElementById('consentOn').value = arguments[0]",
                    java.time.LocalDate.now(dk.vendepunkt.platform.Zones.ZONE).minusDays(1).toString());
            // skip the browser's own check of required fields to see the server's answer
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("document.getElementById('referral-form').noValidate = true");
            b.submit("Registrér henvisning");
            assertThat(b.text()).contains("Beskriv årsagen til henvisningen.");
            b.type("reason", "Sigtet for røveri, vil ud af miljøet").submit("Registrér henvisning");
            assertThat(b.text()).contains("Henvisningen er registreret").contains("Afventer visitation").contains("Opfylder aldersgrænsen");

            // screening: accept, not gang-related, coordinated by an SSP+ consultant
            b.driver().findElement(By.id("gang-no")).click();
            b.driver().findElement(By.id("decision-ACCEPT")).click();
            b.select("coordinatorId", "Test " + coordinator.username());
            b.type("baseline", "Ingen uddannelse, ingen fast bolig, tæt på miljøet");
            b.submit("Gem visitation");
            assertThat(b.text()).contains("Personen er optaget").contains("Identifikation");
            assertThat(b.path()).startsWith("/enrolments/");
            enrolmentId = Long.parseLong(b.path().substring("/enrolments/".length()));

            // phase change along an allowed transition
            b.select("toPhase", "Koordination").type("reason", "Behovsafklaringsmøde holdt med SOF og BIF").submit("Skift fase");
            assertThat(b.text()).contains("Fasen er skiftet.").contains("Behovsafklaringsmøde holdt med SOF og BIF");

            // a baseline and a re-assessment (the plan's API), so the closure shows the change per life domain
            Api api = Api.at(port).as(consultant.username(), consultant.password());
            for (String need : List.of("HIGH", "LOW")) {
                List<Map<String, Object>> domains = Arrays.stream(LifeDomain.values())
                        .map(d -> Map.<String, Object>of("domain", d.name(), "situation", "Beskrivelse", "needLevel", need)).toList();
                var assessed = api.post("/api/v1/enrolments/" + enrolmentId + "/assessments",
                        Map.of("assessedOn", LocalDate.now(Zones.ZONE).toString(), "summary", "Vurdering", "domains", domains));
                assertThat(assessed.status()).as(assessed.toString()).isEqualTo(201);
            }

            // closure
            b.driver().findElement(By.linkText("Afslutning")).click();
            b.waitForText("Afslutning og evaluering").checkAccessibility();
            assertThat(b.text()).contains("Behov pr. livsområde ved baseline og ved seneste vurdering").contains("Højt behov").contains("Lavt behov");
            b.select("reason", "Gennemført (selvhjulpen)").type("summary", "I lære som tømrer, egen lejlighed, nyt netværk");
            b.submit("Afslut forløbet");
            assertThat(b.text()).contains("Forløbet er afsluttet").contains("I lære som tømrer");
            // a closure is corrected with a reason; the old value stays visible
            b.type("summary", "I lære som tømrer og egen lejlighed").type("why", "Opsummeringen var ufuldstændig").submit("Gem rettelsen");
            assertThat(b.text()).contains("Afslutningen er rettet").contains("Opsummeringen var ufuldstændig");

            // three months later the first follow-up falls due and is a form in the caseload
            jdbc.sql("update cw_follow_up set due_date = current_date where enrolment_id = ? and kind = 'MONTHS_3'").param(enrolmentId).update();
            long followUpId = jdbc.sql("select id from cw_follow_up where enrolment_id = ? and kind = 'MONTHS_3'").param(enrolmentId)
                    .query(Long.class).single();
            b.open("/caseload");
            assertThat(b.text()).contains("Jens Rejse");
            // the caseload lists the task with a link to the forløb's follow-up form
            b.driver().findElement(By.linkText("Registrér opfølgning for Jens Rejse")).click();
            b.waitForText("Opfølgning efter afslutning").checkAccessibility();
            // without a status the form answers in Danish at the task
            String form = "form[action$='/follow-ups/" + followUpId + "']";
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("document.querySelector(arguments[0]).noValidate = true", form);
            b.driver().findElement(By.cssSelector(form + " button[type=submit]")).click();
            b.waitForText("Vælg personens status.").checkAccessibility();
            b.select("status-" + followUpId, "I beskæftigelse").type("note-" + followUpId, "Fastansat");
            b.driver().findElement(By.cssSelector("form[action$='/follow-ups/" + followUpId + "'] button[type=submit]")).click();
            // today lies before the measurement window (end + 60 days): saved only when confirmed
            b.waitForText("Datoen ligger uden for målevinduet").checkAccessibility();
            b.driver().findElement(By.id("confirmOutsideWindow-" + followUpId)).click();
            b.driver().findElement(By.cssSelector("form[action$='/follow-ups/" + followUpId + "'] button[type=submit]")).click();
            b.waitForText("Opfølgningen er registreret.").checkAccessibility();

            personId = jdbc.sql("select person_id from cw_enrolment where id = ?").param(enrolmentId).query(Long.class).single();
            b.open("/people/" + personId);
            assertThat(b.text()).contains("Exitprogrammet").contains("Gennemført (selvhjulpen)");
            // the referral's consent is in the person's register; another purpose is recorded beside it
            assertThat(b.field("consents").getText()).contains("Henvisning til Exitprogrammet").contains("Samtykke").contains("Gældende");
            b.driver().findElement(By.cssSelector("#consents details summary")).click();
            b.type("purpose", "Deling med jobcentret").select("legalBasis", "Servicelovens §49 b");
            b.driver().findElement(By.cssSelector("#consents form[action$='/consents'] button[type=submit]")).click();
            b.waitForText("Samtykket eller hjemlen er registreret.").checkAccessibility();
            assertThat(b.field("consents").getText()).contains("Deling med jobcentret");
            // the person withdraws the consent to the referral (after a confirmation); the forløb then says so
            b.driver().findElement(By.xpath("//section[@id='consents']//tr[contains(., 'Henvisning til Exitprogrammet')]//button")).click();
            b.driver().switchTo().alert().accept();
            b.waitForText("Samtykket er trukket tilbage.").checkAccessibility();
            assertThat(b.field("consents").getText()).contains("Trukket tilbage");
            b.open("/enrolments/" + enrolmentId);
            assertThat(b.text()).contains("Samtykket, som henvisningen bygger på, blev trukket tilbage");
            b.checkAccessibility();
            b.open("/enrolments/" + enrolmentId);
            assertThat(b.text()).contains("I beskæftigelse");
            // the recorded task and the tasks not yet open (1 and 2 years) offer no recording form
            assertThat(b.driver().findElements(By.cssSelector("#follow-ups form:not([action$='/correction'])"))).isEmpty();
            // a recorded follow-up is corrected with a reason, and the correction is listed at it
            b.driver().findElement(By.cssSelector("#follow-ups details summary")).click();
            b.select("status-" + followUpId, "I uddannelse").type("why-" + followUpId, "Forkert status registreret");
            b.driver().findElement(By.cssSelector("form[action$='/follow-ups/" + followUpId + "/correction'] button[type=submit]")).click();
            // the date still lies outside the measurement window: confirmed once more
            b.waitForText("Datoen ligger uden for målevinduet").checkAccessibility();
            assertThat(b.field("why-" + followUpId).getAttribute("value")).isEqualTo("Forkert status registreret");
            b.driver().findElement(By.id("confirmOutsideWindow-" + followUpId)).click();
            b.driver().findElement(By.cssSelector("form[action$='/follow-ups/" + followUpId + "/correction'] button[type=submit]")).click();
            b.waitForText("Opfølgningen er rettet.").checkAccessibility();
            // who corrected it is shown by name, not by username
            assertThat(b.text()).contains("Forkert status registreret").contains("I beskæftigelse").contains("rettet til I uddannelse")
                    .contains("Test " + consultant.username() + ": I beskæftigelse");
        }
        assertThat(jdbc.sql("select status from cw_follow_up where enrolment_id = ? and kind = 'MONTHS_3'").param(enrolmentId)
                .query(String.class).single()).isEqualTo("EDUCATION");

        try (Browser b = new Browser(port)) {
            b.login(manager.username(), manager.password());
            b.open("/programmes");
            assertThat(b.text()).contains("Exitprogrammet");
            b.open("/programmes/EXIT");
            assertThat(b.text()).contains("Belægning").contains("Tilgang").contains("Puljebudget").contains("Venteliste");
            // eligibility and capacity are data the programme manager edits (KIV: the inactive historical programme)
            b.open("/programmes/KIV").type("capacityPerYear", "12").submit("Gem");
            assertThat(b.text()).contains("Programmets indstillinger er gemt.");
            assertThat(b.field("capacityPerYear").getAttribute("value")).isEqualTo("12");
        }
    }
}
