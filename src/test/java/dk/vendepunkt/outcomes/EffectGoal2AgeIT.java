package dk.vendepunkt.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.portfolio.EffectMeasureFigures;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Effect goal 2 names the 18–25-year-olds: its figure counts the completed EXIT forløb of persons aged 18–25
 * at the end date (from the CPR number's birth date), with the all-ages figure beside it. EXIT forløb ending
 * in 1968 with asOf 1971 (no other test's EXIT forløb end before 1972); removed afterwards, because the
 * effect figures count every cohort up to their as-of date.
 */
@IntegrationTest
class EffectGoal2AgeIT {

    static final LocalDate END = LocalDate.of(1968, 6, 30);
    static final LocalDate AS_OF = LocalDate.of(1971, 1, 1);

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired EffectMeasureFigures figures;

    @AfterEach
    void removeTheForloeb() {
        jdbc.sql("delete from out_enrolment where programme = 'EXIT' and end_date < date '1972-01-01'").update();
    }

    /** A person born 1 January, {@code age} years old on {@link #END}. */
    static String person(int age, int serial) {
        return String.format(Locale.ROOT, "0101%02d-0%03d", (END.getYear() - age) % 100, serial);
    }

    @Test
    void goal2CountsThe18To25YearOldsAtTheEndWithTheAllAgesFigureBeside() {
        var pm = staff.user(Role.PROGRAMME_MANAGER);
        Api api = Api.at(port).as(pm.username(), pm.password());
        var d = new OutcomeTestData();
        int[] ages = {17, 18, 19, 20, 22, 25, 25, 26};
        for (int i = 0; i < ages.length; i++) {
            String p = person(ages[i], 700 + i);
            d.enrolment(p, "EXIT", END, "COMPLETED");
            // convicted within two years: the 18-year-old (counts) and the 26-year-old (all ages only)
            if (ages[i] == 18 || ages[i] == 26) d.conviction(p, END.plusDays(300), 4);
        }
        d.importAll(api);
        assertThat(jdbc.sql("select count(*) from out_person where birth_date = date '1950-01-01'").query(Long.class).single()).isEqualTo(1);

        var internal = figures.latest("no_serious_conviction_2y_completed", AS_OF, false).orElseThrow();
        // 18–25: 6 forløb, 5 without a conviction; all ages: 8 forløb, 6 without
        assertThat(internal.value()).isEqualTo(5.0 / 6);
        assertThat(internal.label()).contains("18–25-årige ved forløbets afslutning").contains("alle aldre: 75,0 %").contains("0 forløb uden kendt alder");
        // public: both withheld (fewer than 5 failures)
        var published = figures.latest("no_serious_conviction_2y_completed", AS_OF, true).orElseThrow();
        assertThat(published.suppressed()).isTrue();
        assertThat(published.label()).contains("alle aldre: –");
        // the effect report itself stays all ages, as its contract says
        var report = api.get("/api/v1/reports/effect?programme=EXIT&asOf=" + AS_OF + "&disclosure=internal").json();
        for (var m : report.get("measures")) {
            if (m.get("id").asString().equals("no_serious_conviction_2y_completed")) assertThat(m.get("eligible").asLong()).isEqualTo(8);
        }
    }
}
