package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In headless Chromium, axe-core on every page: a caseworker breaks the glass from a CPR search outside the team and
 * the DPO reviews it; an administrator restricts a person and lifts the restriction.
 */
@IntegrationTest
class PrivacyBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired PersonDirectory people;
    @Autowired JdbcClient jdbc;

    @Test
    void caseworkerBreaksTheGlassAndTheDpoReportsIt() {
        long team = staff.team("glass-b");
        long otherTeam = staff.team("glass-b-other");
        var caseworker = staff.user(Role.CASEWORKER, otherTeam);
        var dpo = staff.user(Role.DPO);
        String cpr = TestStaff.uniqueCpr();
        long person = people.registerSystem(CprNumber.parse(cpr).orElseThrow(), "Gitte", "Glasbrowser", "D01", team);
        try (Browser b = new Browser(port)) {
            b.login(caseworker.username(), caseworker.password());
            b.open("/people?q=" + cpr);
            assertThat(b.text()).contains("er registreret, men hører ikke til dine teams").doesNotContain("Gitte");
            b.driver().findElement(By.linkText("Bryd glasset for at få adgang")).click();
            b.checkAccessibility();
            assertThat(b.heading()).isEqualTo("Personen hører ikke til dine teams");
            assertThat(b.text()).contains("i 4 timer");
            b.type("reason", "Akut nu").submit("Bryd glasset");
            assertThat(b.text()).contains("Skriv en begrundelse på mindst 20 tegn for at bryde glasset");
            b.type("reason", "Politiet melder akut fare for personen i aften").submit("Bryd glasset");
            assertThat(b.heading()).isEqualTo("Gitte Glasbrowser");
            assertThat(b.text()).contains("Du har adgang til personen til").contains("Du har adgang via \"Bryd glasset\"");
        }
        long grant = jdbc.sql("select id from ppl_break_glass where person_id = ?").param(person).query(Long.class).single();
        try (Browser b = new Browser(port)) {
            b.login(dpo.username(), dpo.password());
            b.open("/dpo/break-glass");
            assertThat(b.text()).contains(caseworker.username()).contains("Politiet melder akut fare for personen i aften").contains("Åben nu");
            b.driver().findElement(By.id("outcome-" + grant + "-REPORTED")).click();
            b.driver().findElement(By.xpath("//form[contains(@action,'/dpo/break-glass/" + grant + "/review')]//button")).click();
            b.waitForText("Skriv en bemærkning");
            b.checkAccessibility();
            b.driver().findElement(By.id("outcome-" + grant + "-REPORTED")).click();
            b.type("note-" + grant, "Ingen akut situation i journalen");
            b.driver().findElement(By.xpath("//form[contains(@action,'/dpo/break-glass/" + grant + "/review')]//button")).click();
            b.waitForText("Gennemgangen er gemt.");
            b.checkAccessibility();
            assertThat(b.text()).doesNotContain("Politiet melder akut fare for personen i aften");
            b.open("/dpo/break-glass?all=true");
            assertThat(b.text()).contains("Indberettet · " + dpo.username() + ": Ingen akut situation i journalen");
        }
    }

    @Test
    void administratorRestrictsAPersonAndLiftsTheRestriction() {
        long team = staff.team("restr-b");
        var admin = staff.user(Role.ADMIN);
        var relative = staff.user(Role.CASEWORKER, team);
        String cpr = TestStaff.uniqueCpr();
        long person = people.registerSystem(CprNumber.parse(cpr).orElseThrow(), "Rasmus", "Restriktionsen", "D01", team);
        try (Browser b = new Browser(port)) {
            b.login(admin.username(), admin.password());
            b.open("/dpo/restrictions");
            b.type("cpr", cpr).submit("Find personen");
            assertThat(b.heading()).isEqualTo("Begrænsninger: Rasmus Restriktionsen");
            assertThat(b.text()).contains("Personen har ingen begrænsninger.");
            b.driver().findElement(By.id("kind-EXCLUDE")).click();
            b.type("username", relative.username()).type("reason", "moster").submit("Gem begrænsning");
            assertThat(b.text()).contains("Skriv en begrundelse på mindst 10 tegn.");
            b.driver().findElement(By.id("kind-EXCLUDE")).click();
            b.type("username", relative.username()).type("reason", "Medarbejderen er personens moster").submit("Gem begrænsning");
            assertThat(b.text()).contains("Begrænsningen er gemt.").contains("Udeluk navngivne medarbejdere").contains(relative.username());
            b.open("/dpo/restrictions");
            assertThat(b.text()).contains("Person " + person);
            b.open("/dpo/restrictions/persons/" + person);
            long id = jdbc.sql("select id from ppl_restriction where person_id = ?").param(person).query(Long.class).single();
            b.type("reason-" + id, "Medarbejderen er fratrådt");
            b.driver().findElement(By.xpath("//button[normalize-space()='Ophæv']")).click();
            b.driver().switchTo().alert().accept();
            b.waitForText("Begrænsningen er ophævet.");
            b.checkAccessibility();
            assertThat(b.text()).contains("Ophævet af " + admin.username());
        }
    }
}
