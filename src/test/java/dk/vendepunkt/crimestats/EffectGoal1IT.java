package dk.vendepunkt.crimestats;

import static dk.vendepunkt.crimestats.CrimeTestData.csv;
import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.portfolio.demo.PortfolioDemoData;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Effect goal 1 on a hand-built file: distinct persons, the age limits 14 and 25 (13 and 26 left out), the
 * person-directed categories, residence in a deprived area (the test configuration's EG1T-D1 and EG1T-D2),
 * charges without a person key counted as unlinked, a year with a missing population; the feed into the
 * portfolio's goal 1; the imports' validation of the new columns. Years 1971–1973: no other test uses them.
 */
@IntegrationTest
class EffectGoal1IT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired PersonDirectory people;
    @Autowired PortfolioDemoData portfolio;

    Api analyst() {
        var u = staff.user(Role.ANALYST);
        return Api.at(port).as(u.username(), u.password());
    }

    /** A CPR number of a person born 1 January of {@code birthYear} (1900s). */
    static String cpr(int birthYear, int serial) {
        return String.format(Locale.ROOT, "0101%02d-0%03d", birthYear % 100, serial);
    }

    static int serial = 100;

    /** A charge on 15 June of {@code year} of a person aged {@code age} then (a new person each time). */
    static String charge(String ref, int year, int age, String category, String residence) {
        return charge(ref, year, age, category, cpr(year - age, serial++), residence);
    }

    static String charge(String ref, int year, int age, String category, String key, String residence) {
        return ref + "," + year + "-06-15," + age + "," + category + "," + key + "," + residence + "\n";
    }

    BigDecimal value(int year) {
        return jdbc.sql("""
                select v.value from pf_indicator_value v join pf_indicator i on i.id = v.indicator_id
                where i.ref = 'effektmaal1_sigtede_14_25' and v.period_start = ? and v.period_end = ?""")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).query(BigDecimal.class).optional().orElse(null);
    }

    /** sigtelser_unge in the second quarter of 1971, for an area or (null) the whole city. */
    BigDecimal quarter(String area) {
        return jdbc.sql("""
                select v.value from pf_indicator_value v join pf_indicator i on i.id = v.indicator_id
                where i.ref = 'sigtelser_unge' and v.period_start = date '1971-04-01' and v.period_end = date '1971-06-30'
                  and v.area is not distinct from ?""").param(area).query(BigDecimal.class).optional().orElse(null);
    }

    @Test
    void goal1CountsDistinctYoungPersonsInTheDeprivedAreasAndFeedsThePortfolio() {
        portfolio.load(null); // defines goal 1 and its indicator (idempotent)
        Api api = analyst();
        assertThat(CrimeTestData.importTwoDistricts(api, "EG1T", CrimeTestData.uniqueNorthKm()).status()).isEqualTo(200);
        assertThat(CrimeTestData.importTwoDistricts(api, "EG1U", CrimeTestData.uniqueNorthKm()).status()).isEqualTo(200);
        String d1 = "EG1T-D1";
        String d2 = "EG1T-D2";
        String other = "EG1U-D1";
        String p1 = cpr(1971 - 16, 1); // 16 in 1971, 18 in 1973
        String p2 = cpr(1971 - 20, 2);
        StringBuilder f = new StringBuilder("charge_ref,charged_on,age,offence_category,person_key,residence_area\n");
        // 1971: P1 twice (one person), P2, 14- and 25-year-olds count: 4 persons
        f.append(charge("EG1-01", 1971, 16, "VIOLENCE", p1, d1));
        f.append(charge("EG1-02", 1971, 16, "THREATS", p1.replace("-", ""), d2));
        f.append(charge("EG1-03", 1971, 20, "ROBBERY", p2, d2));
        f.append(charge("EG1-04", 1971, 14, "THREATS", d1));
        f.append(charge("EG1-05", 1971, 25, "SEXUAL", d2));
        // left out: 13 and 26 years old, not person-directed, outside the deprived areas, residence unknown
        f.append(charge("EG1-06", 1971, 13, "VIOLENCE", d1));
        f.append(charge("EG1-07", 1971, 26, "VIOLENCE", d1));
        f.append(charge("EG1-08", 1971, 18, "THEFT", d1));
        f.append(charge("EG1-09", 1971, 18, "VIOLENCE", other));
        f.append(charge("EG1-10", 1971, 18, "VIOLENCE", ""));
        // no person key: unlinked when it would otherwise count (residence deprived or unknown), never guessed into a person
        f.append(charge("EG1-11", 1971, 19, "VIOLENCE", "", d1));
        f.append(charge("EG1-12", 1971, 19, "ROBBERY", "", ""));
        f.append(charge("EG1-13", 1971, 19, "VIOLENCE", "", other));
        f.append(charge("EG1-14", 1971, 30, "VIOLENCE", "", d1));
        // 1972 (population missing for D2): 2 persons; 1973: 3 persons
        f.append(charge("EG1-21", 1972, 17, "VIOLENCE", p1, d1));
        f.append(charge("EG1-22", 1972, 19, "VIOLENCE", d2));
        f.append(charge("EG1-31", 1973, 22, "ROBBERY", p2, d1));
        f.append(charge("EG1-32", 1973, 18, "VIOLENCE", p1, d2));
        f.append(charge("EG1-33", 1973, 15, "THREATS", d2));
        var imp = csv(api, "charges", f);
        assertThat(imp.status()).as(imp.toString()).isEqualTo(200);

        // the CPR number is stored only as the people module's keyed hash
        assertThat(jdbc.sql("select person_hash from cs_charge where ref = 'EG1-01'").query(String.class).single())
                .isEqualTo(people.blindIndex(CprNumber.parse(p1).orElseThrow())).doesNotContain(p1.replace("-", "").substring(0, 6));
        assertThat(jdbc.sql("select count(*) from cs_charge where ref like 'EG1-%' and (person_hash like '%0101%' or person_hash like '%" + p1 + "%')")
                .query(Long.class).single()).isZero();

        // no population yet: counts, but no share, and nothing fed
        JsonNode g = api.get("/api/v1/crime/effect-goal-1?from=1971&to=1973").json();
        assertThat(g.get("years").get(0).get("charged").asInt()).isEqualTo(4);
        assertThat(g.get("years").get(0).get("population").isNull()).isTrue();
        assertThat(value(1971)).isNull();

        // the 14–25-year-olds (the ALL figures, in a file without the age_group column, are not used)
        var all = csv(api, "population", "area,year,population\n" + d1 + ",1971,5000\n" + d2 + ",1971,5000\n");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        var young = csv(api, "population", "area,year,population,age_group\n" + d1 + ",1971,100,AGE_14_25\n" + d2 + ",1971,100,AGE_14_25\n"
                + d1 + ",1972,100,AGE_14_25\n" + d1 + ",1973,100,AGE_14_25\n" + d2 + ",1973,100,AGE_14_25\n" + other + ",1973,100,\n");
        assertThat(young.status()).as(young.toString()).isEqualTo(200);

        g = api.get("/api/v1/crime/effect-goal-1?from=1971&to=1973").json();
        assertThat(g.get("areas").toString()).isEqualTo("[\"EG1T-D1\",\"EG1T-D2\"]");
        JsonNode y71 = g.get("years").get(0);
        assertThat(y71.get("year").asInt()).isEqualTo(1971);
        assertThat(y71.get("charged").asInt()).isEqualTo(4);
        assertThat(y71.get("unlinked").asInt()).isEqualTo(2);
        assertThat(y71.get("population").asLong()).isEqualTo(200);
        assertThat(y71.get("share").asDouble()).isEqualTo(0.02);
        assertThat(y71.get("changePct").isNull()).isTrue();
        JsonNode y72 = g.get("years").get(1);
        assertThat(y72.get("charged").asInt()).isEqualTo(2);
        assertThat(y72.get("population").isNull()).isTrue();
        assertThat(y72.get("share").isNull()).isTrue();
        assertThat(y72.get("changePct").isNull()).isTrue();
        JsonNode y73 = g.get("years").get(2);
        assertThat(y73.get("charged").asInt()).isEqualTo(3);
        assertThat(y73.get("unlinked").asInt()).isZero();
        assertThat(y73.get("share").asDouble()).isEqualTo(0.015);
        assertThat(y73.get("changePct").asDouble()).isCloseTo(-25.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.get("goalMet").asBoolean()).isTrue();
        // a range ending in the year without population: the goal cannot be judged
        assertThat(api.get("/api/v1/crime/effect-goal-1?from=1971&to=1972").json().get("goalMet").isNull()).isTrue();

        // fed into the portfolio (after the population import): the share in percent per year, none for 1972
        assertThat(value(1971)).isEqualByComparingTo("2");
        assertThat(value(1972)).isNull();
        assertThat(value(1973)).isEqualByComparingTo("1.5");
        JsonNode goal1 = null;
        for (JsonNode pg : api.get("/api/v1/portfolio/goals").json()) {
            if (pg.get("goal").get("number").asInt() == 1) goal1 = pg;
        }
        assertThat(goal1).isNotNull();
        assertThat(goal1.get("indicator").get("ref").asString()).isEqualTo("effektmaal1_sigtede_14_25");
        assertThat(goal1.get("status").asString()).isEqualTo("ACHIEVED");

        // the crime page shows the goal up to the period's end from the first year with a share, the unlinked charges apart
        String page = dk.vendepunkt.support.WebSession.signIn(port, staff.user(Role.ANALYST)).get("/crime?from=1973-01-01&to=1973-12-31").body();
        assertThat(page).contains("id=\"goal1-years\"").contains("Sigtelser uden personnøgle").contains("EG1T-D1, EG1T-D2")
                .contains("<th scope=\"row\">1971</th>").doesNotContain("<th scope=\"row\">1970</th>").contains("2,00 %").contains("1,50 %").contains("-25,0 %");
        var analyst = staff.user(Role.ANALYST);
        try (dk.vendepunkt.support.Browser b = new dk.vendepunkt.support.Browser(port)) { // axe-core checks the page with the goal's table
            b.login(analyst.username(), analyst.password());
            b.open("/crime?from=1973-01-01&to=1973-12-31");
            assertThat(b.text()).contains("Effektmål 1: unge i udsatte boligområder").contains("Målet er nået i det sidste år.");
        }

        // the quarterly charges of young people (up to 25) feed their indicator, for the city and per bydel of residence
        assertThat(quarter(null)).isEqualByComparingTo("12");
        assertThat(quarter("EG1T-B")).isEqualByComparingTo("8");
        assertThat(quarter("EG1U-B")).isEqualByComparingTo("2");

        // a later charges import refreshes the feed: one more person in 1973 is 4/200 = 2 %, no fall
        assertThat(csv(api, "charges", "charge_ref,charged_on,age,offence_category,person_key,residence_area\n"
                + charge("EG1-34", 1973, 21, "VIOLENCE", d1)).status()).isEqualTo(200);
        assertThat(value(1973)).isEqualByComparingTo("2");
    }

    @Test
    void theNewColumnsAreClassified() {
        assertThat(jdbc.sql("""
                select table_name || '.' || column_name || '=' || sensitivity from plt_column_sensitivity
                where (table_name = 'cs_charge' and column_name in ('person_hash', 'residence_area'))
                   or (table_name = 'area_population' and column_name = 'age_group') order by 1""").query(String.class).list())
                .containsExactly("area_population.age_group=NONE", "cs_charge.person_hash=PERSONAL", "cs_charge.residence_area=SENSITIVE");
    }

    @Test
    void theImportsRejectBadPersonKeysAgesAndAreasAndStoreNothing() {
        Api api = analyst();
        assertThat(CrimeTestData.importTwoDistricts(api, "EG1V", CrimeTestData.uniqueNorthKm()).status()).isEqualTo(200);
        String good = charge("EG1V-1", 1974, 18, "VIOLENCE", "EG1V-D1");
        var r = csv(api, "charges", "charge_ref,charged_on,age,offence_category,person_key,residence_area\n" + good
                + charge("EG1V-2", 1974, 18, "VIOLENCE", "123", "EG1V-D1")
                + charge("EG1V-3", 1974, 18, "VIOLENCE", cpr(1974 - 19, 900), "EG1V-D1")
                + charge("EG1V-4", 1974, 18, "VIOLENCE", "", "NOWHERE"));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        String errors = r.json().get("errors").toString();
        assertThat(errors).contains("Ugyldigt CPR-nummer").contains("Alderen passer ikke med CPR-nummerets fødselsdato: personen var 19 år")
                .contains("Ukendt distrikt").contains("\"person_key\"").contains("\"age\"").contains("\"residence_area\"");
        assertThat(jdbc.sql("select count(*) from cs_charge where ref like 'EG1V-%'").query(Long.class).single()).isZero();

        var p = csv(api, "population", "area,year,population,age_group\nEG1V-D1,1974,10,AGE_14_25\nEG1V-D2,1974,10,AGE_10_15\n");
        assertThat(p.status()).as(p.toString()).isEqualTo(422);
        assertThat(p.json().get("errors").toString()).contains("age_group");
        assertThat(jdbc.sql("select count(*) from area_population where area like 'EG1V-%'").query(Long.class).single()).isZero();

        assertThat(api.get("/api/v1/crime/effect-goal-1?from=1973&to=1971").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/crime/effect-goal-1?from=1971").status()).isEqualTo(400);
    }
}
