package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.crimestats.CrimeTestData;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 11, item 16: a person's "Bydel/distrikt" is a choice among the imported areas, and anything else is refused. */
@IntegrationTest
class PersonDistrictBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;

    @Test
    void theDistrictIsChosenFromTheImportedAreasAndAnUnknownOneIsRefused() {
        String p = "PD" + Long.toString(System.nanoTime(), 36);
        TestStaff.User analyst = staff.user(Role.ANALYST);
        var imported = CrimeTestData.importTwoDistricts(Api.at(port).as(analyst.username(), analyst.password()), p, CrimeTestData.uniqueNorthKm());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        long team = staff.team("distrikt");
        TestStaff.User worker = staff.user(Role.CASEWORKER, team);
        String lastName = "Distrikt" + p;

        try (Browser b = new Browser(port)) {
            b.login(worker.username(), worker.password());
            b.open("/people/new");
            // a select of the areas: the bydel, then its districts under it
            Select district = new Select(b.field("districtCode"));
            assertThat(district.getOptions().stream().map(o -> o.getText()).toList())
                    .contains("Ikke oplyst", p + "-B", p + "-B › " + p + "-D1", p + "-B › " + p + "-D2");
            b.type("cpr", TestStaff.uniqueCpr()).type("firstName", "Dina").type("lastName", lastName);
            district.selectByVisibleText(p + "-B › " + p + "-D2");
            b.submit("Gem");
            assertThat(jdbc.sql("select district_code from ppl_person where last_name = ?").param(lastName).query(String.class).single())
                    .isEqualTo(p + "-D2");
            // on the person page the choice is shown selected
            assertThat(new Select(b.field("districtCode")).getFirstSelectedOption().getText()).isEqualTo(p + "-B › " + p + "-D2");

            // free text (as the field used to take) is refused with a message at the field
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(
                    "const s = document.getElementById('districtCode'); const o = new Option('Nørrebro', 'Nørrebro'); s.add(o); s.value = 'Nørrebro';");
            b.driver().findElement(By.cssSelector("form[action$='/people/" + personId(lastName) + "'] button[type=submit]")).click();
            b.waitForText("er ikke et kendt område").checkAccessibility();
            assertThat(b.field("districtCode-error").getText()).contains("\"Nørrebro\" er ikke et kendt område");
        }
        assertThat(jdbc.sql("select district_code from ppl_person where last_name = ?").param(lastName).query(String.class).single())
                .isEqualTo(p + "-D2");

        // the API answers the same
        Api api = Api.at(port).as(worker.username(), worker.password());
        var refused = api.post("/api/v1/persons", Map.of("cpr", TestStaff.uniqueCpr(), "firstName", "Ole", "lastName", lastName + "x",
                "districtCode", "Nørrebro", "teamId", team));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("districtCode");
    }

    private long personId(String lastName) {
        return jdbc.sql("select id from ppl_person where last_name = ?").param(lastName).query(Long.class).single();
    }
}
