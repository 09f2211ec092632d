package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In headless Chromium with axe-core on every page: a core team member creates a family with two members, records
 * parental authority, opens a family case, sets the coordinator pair and moves the case to Udredning; the list, the
 * overview and the person page show it.
 */
@IntegrationTest
class FamilyBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired StaffAdministration admin;
    @Autowired TestClock clock;

    @Test
    void aCoreTeamMemberBuildsAFamilyAndTakesItsCaseIntoUdredning() {
        LocalDate today = LocalDate.now(clock);
        long team = staff.team("kerneteam-browser");
        Set<StaffFunction> core = Set.of(StaffFunction.CORE_TEAM_MEMBER);
        TestStaff.User buf = staff.user(Role.CASEWORKER, core, team);
        TestStaff.User bif = staff.user(Role.CASEWORKER, core, team);
        admin.setDepartment(buf.id(), "BUF");
        admin.setDepartment(bif.id(), "BIF");
        String name = "Familien Browsersen " + team;

        try (Browser b = new Browser(port)) {
            b.login(buf.username(), buf.password());
            b.open("/families/new");
            b.type("name", name).submit("Opret familien");
            assertThat(b.heading()).isEqualTo(name);
            assertThat(b.text()).contains("Familien er oprettet.").contains("Familien har ingen medlemmer endnu.");

            b.type("new-cpr", TestStaff.uniqueCpr(today.minusYears(41))).type("new-firstName", "Mona").type("new-lastName", "Browsersen")
                    .select("new-relation", "Mor").submit("Registrér og tilføj til familien");
            assertThat(b.text()).contains("Personen er tilføjet familien.");
            b.type("new-cpr", TestStaff.uniqueCpr(today.minusYears(13))).type("new-firstName", "Bo").type("new-lastName", "Browsersen")
                    .select("new-relation", "Barn").submit("Registrér og tilføj til familien");
            assertThat(b.field("current-members").getText()).contains("Mona Browsersen").contains("Bo Browsersen").contains("Mor").contains("Barn");

            var box = b.driver().findElement(By.cssSelector("#authority-matrix input[type=checkbox]"));
            assertThat(box.isSelected()).isFalse();
            box.click();
            b.submit("Gem forældremyndighed");
            assertThat(b.text()).contains("Forældremyndigheden er gemt.");
            assertThat(b.driver().findElement(By.cssSelector("#authority-matrix input[type=checkbox]")).isSelected()).isTrue();

            b.driver().findElement(By.linkText("Åbn en familiesag")).click();
            b.checkAccessibility();
            assertThat(b.heading()).isEqualTo("Åbn en familiesag for " + name);
            b.select("channel", "Skole").type("reason", "Højt fravær, storebror i et bandemiljø");
            b.field("criteria-GANG_RELATION").click();
            b.submit("Åbn familiesagen");
            assertThat(b.heading()).isEqualTo("Familiesag: " + name);
            assertThat(b.field("case-phase").getText()).isEqualTo("Opsporing");
            assertThat(b.driver().findElement(By.id("family-parts")).isDisplayed()).isTrue();

            b.select("pair-coordinator1", "Test " + buf.username() + " (BUF)").select("pair-coordinator2", "Test " + bif.username() + " (BIF)")
                    .submit("Gem koordinatorparret");
            assertThat(b.text()).contains("Koordinatorparret er gemt.");
            assertThat(b.field("case-pair").getText()).isEqualTo("Test " + buf.username() + " / Test " + bif.username());

            // Bo is 13: his mother, who has parental authority, consents on the consent page (the gate into Udredning)
            String caseUrl = b.driver().getCurrentUrl();
            b.driver().findElement(By.linkText("Samtykke til deltagelse")).click();
            b.checkAccessibility();
            b.driver().findElement(By.xpath("//summary[normalize-space()='Registrér samtykke']")).click();
            b.select("consent-personId", "Bo Browsersen");
            b.driver().findElement(By.id("consent-givenBy-GUARDIAN")).click();
            b.select("consent-guardianId", "Mona Browsersen").submit("Gem samtykket");
            assertThat(b.text()).contains("Samtykket er registreret.");
            b.driver().get(caseUrl);
            b.select("phase-toPhase", "Udredning").type("phase-reason", "Familien har givet samtykke").submit("Skift fase");
            assertThat(b.text()).contains("Familiesagen har skiftet fase.");
            assertThat(b.field("case-phase").getText()).isEqualTo("Udredning");
            assertThat(b.field("case-children").getText()).contains("Bo Browsersen");

            b.open("/family-cases?q=" + team);
            assertThat(b.field("case-list").getText()).contains(name).contains("Udredning");
            b.open("/family-cases/overview");
            assertThat(b.text()).contains("kerneteam-browser");
            b.open("/families?q=" + team);
            b.driver().findElement(By.linkText(name)).click();
            b.checkAccessibility();
            b.driver().findElement(By.linkText("Mona Browsersen")).click();
            b.checkAccessibility();
            assertThat(b.field("families").getText()).contains(name).contains("Mor");
        }
    }
}
