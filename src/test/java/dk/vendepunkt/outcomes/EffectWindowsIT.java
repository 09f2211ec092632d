package dk.vendepunkt.outcomes;

import static dk.vendepunkt.outcomes.OutcomeTestData.cohort;
import static dk.vendepunkt.outcomes.OutcomeTestData.measure;
import static dk.vendepunkt.outcomes.OutcomeTestData.person;
import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Window and censoring edge cases of the contract's definitions, on KIV forløb of the 1960s (no other test
 * uses them). asOf = 1965-01-01.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EffectWindowsIT {

    static final LocalDate AS_OF = LocalDate.of(1965, 1, 1);
    static final LocalDate END = LocalDate.of(1961, 3, 1);
    static final LocalDate FU_END = LocalDate.of(1962, 3, 1);

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    JsonNode report;
    Api api;

    @BeforeAll
    void importScenario() {
        var pm = staff.user(Role.PROGRAMME_MANAGER);
        api = Api.at(port).as(pm.username(), pm.password());
        var d = new OutcomeTestData();
        // cohort 1961: the register windows
        String onEnd = person(), on365 = person(), on366 = person(), minor = person(), convOnly = person(), before = person(),
                dead = person(), ongoing = person(), twice = person(), viaTable = person();
        d.enrolment(onEnd, "KIV", END, "COMPLETED").charge(onEnd, END, 4).conviction(onEnd, END, 4);          // event on end date: not counted
        d.enrolment(on365, "KIV", END, "COMPLETED").charge(on365, END.plusDays(365), 3).conviction(on365, END.plusDays(730), 3); // on the last day: counted
        d.enrolment(on366, "KIV", END, "COMPLETED").charge(on366, END.plusDays(366), 4).conviction(on366, END.plusDays(731), 4); // the day after: not counted
        d.enrolment(minor, "KIV", END, "DROPPED_OUT").charge(minor, END.plusDays(10), 2);                     // level 2 is not serious
        d.enrolment(convOnly, "KIV", END, "COMPLETED").conviction(convOnly, END.plusDays(10), 4);            // a conviction is not a charge
        d.enrolment(before, "KIV", END, "COMPLETED").charge(before, END.minusDays(100), 4).conviction(before, END.minusDays(1), 4); // before discharge
        d.enrolment(dead, "KIV", END, "DECEASED").charge(dead, END.plusDays(5), 4);                           // left out of every measure
        d.enrolment(ongoing, "KIV", null, null).charge(ongoing, END.plusDays(5), 4);                          // no end date: not a unit
        d.enrolment(viaTable, "KIV", END, "MOVED").event(viaTable, "CHARGE", END.plusDays(20), "STRFL-266"); // level 3 from the offence table
        // one person, two forløb: the charge falls after the first and before the second
        d.enrolment(twice, "KIV", LocalDate.of(1961, 2, 1), "DROPPED_OUT").enrolment(twice, "KIV", LocalDate.of(1961, 12, 1), "COMPLETED")
                .charge(twice, LocalDate.of(1961, 6, 1), 4);
        // the same person in another programme does not count here
        d.enrolment(onEnd, "RAMMEMODEL", END, "COMPLETED");
        // cohort 1962: the follow-up window [end+60, end+120], closest to end+91, tie -> later
        String at60 = person(), at59 = person(), at120 = person(), at121 = person(), tie = person(), closest = person();
        d.enrolment(at60, "KIV", FU_END, "COMPLETED").followUp(at60, FU_END.plusDays(60), "EDUCATION");
        d.enrolment(at59, "KIV", FU_END, "COMPLETED").followUp(at59, FU_END.plusDays(59), "EMPLOYMENT");
        d.enrolment(at120, "KIV", FU_END, "COMPLETED").followUp(at120, FU_END.plusDays(120), "NONE");
        d.enrolment(at121, "KIV", FU_END, "COMPLETED").followUp(at121, FU_END.plusDays(121), "EDUCATION");
        d.enrolment(tie, "KIV", FU_END, "COMPLETED").followUp(tie, FU_END.plusDays(81), "NONE").followUp(tie, FU_END.plusDays(101), "ACTIVATION");
        d.enrolment(closest, "KIV", FU_END, "COMPLETED").followUp(closest, FU_END.plusDays(91), "NONE").followUp(closest, FU_END.plusDays(92), "EMPLOYMENT")
                .followUp(closest, FU_END.plusDays(60), "EDUCATION");
        // cohort 1964: windows that have (not) passed by asOf
        String exactly365 = person(), only364 = person(), exactly120 = person(), only119 = person();
        d.enrolment(exactly365, "KIV", AS_OF.minusDays(365), "COMPLETED");  // end + 365 = asOf: eligible
        d.enrolment(only364, "KIV", AS_OF.minusDays(364), "COMPLETED");     // not yet
        d.enrolment(exactly120, "KIV", AS_OF.minusDays(120), "OTHER").followUp(exactly120, AS_OF.minusDays(120).plusDays(91), "EMPLOYMENT");
        d.enrolment(only119, "KIV", AS_OF.minusDays(119), "OTHER").followUp(only119, AS_OF.minusDays(119).plusDays(91), "EMPLOYMENT");
        // ended after asOf: not yet ended as of that date
        d.enrolment(person(), "KIV", AS_OF.plusDays(1), "COMPLETED");
        d.importAll(api);
        var r = api.get("/api/v1/reports/effect?programme=KIV&asOf=" + AS_OF + "&disclosure=internal");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        report = r.json();
    }

    @Test
    void chargeWindowIsEndExclusiveAndEndPlus365Inclusive() {
        JsonNode m = measure(cohort(report, 1961).get("measures"), "no_new_serious_charge_1y");
        // units: onEnd, on365, on366, minor, convOnly, before, viaTable, twice x 2 = 9 (dead and ongoing left out)
        assertThat(m.get("eligible").asLong()).isEqualTo(9);
        // failures: on365, viaTable (level 3 from the table), twice's first forløb
        assertThat(m.get("successes").asLong()).isEqualTo(6);
        assertThat(m.get("rate").asDouble()).isEqualTo(6 / 9.0);
        assertThat(cohort(report, 1961).get("ended").asLong()).isEqualTo(9);
    }

    @Test
    void convictionMeasureCountsCompletedForløbOnlyWithA730DayWindow() {
        JsonNode m = measure(cohort(report, 1961).get("measures"), "no_serious_conviction_2y_completed");
        // completed: onEnd, on365, on366, convOnly, before, twice's second = 6; failures: on365 (day 730), convOnly
        assertThat(m.get("eligible").asLong()).isEqualTo(6);
        assertThat(m.get("successes").asLong()).isEqualTo(4);
    }

    @Test
    void followUpClosestToDay91WithinDays60To120TieToTheLater() {
        JsonNode m = measure(cohort(report, 1962).get("measures"), "education_or_employment_3m");
        // eligible: at60 (EDUCATION), at120 (NONE), tie (ACTIVATION wins), closest (day 91 NONE wins); missing: at59, at121
        assertThat(m.get("eligible").asLong()).isEqualTo(4);
        assertThat(m.get("successes").asLong()).isEqualTo(2);
        assertThat(m.get("missing").asLong()).isEqualTo(2);
    }

    @Test
    void forløbWhoseWindowHasNotPassedAreNotYetEligible() {
        JsonNode c = cohort(report, 1964).get("measures");
        JsonNode charge = measure(c, "no_new_serious_charge_1y");
        assertThat(charge.get("eligible").asLong()).isEqualTo(1);           // exactly365
        assertThat(charge.get("notYetEligible").asLong()).isEqualTo(3);     // only364, exactly120, only119
        JsonNode conv = measure(c, "no_serious_conviction_2y_completed");
        assertThat(conv.get("eligible").asLong()).isZero();
        assertThat(conv.get("rate").isNull()).isTrue();
        assertThat(conv.get("ci95").isNull()).isTrue();
        assertThat(conv.get("notYetEligible").asLong()).isEqualTo(2);
        JsonNode fu = measure(c, "education_or_employment_3m");
        assertThat(fu.get("eligible").asLong()).isEqualTo(1);               // exactly120; only119 not yet
        assertThat(fu.get("successes").asLong()).isEqualTo(1);
        assertThat(fu.get("missing").asLong()).isEqualTo(2);                // exactly365, only364: window passed, no follow-up
        assertThat(fu.get("notYetEligible").asLong()).isEqualTo(1);
    }

    @Test
    void survivalCurveCountsFirstSeriousChargeAfterEndCensoredAtAsOf() {
        var r = api.get("/api/v1/reports/effect/survival?programme=KIV&asOf=1962-01-01");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode points = r.json().get("points");
        // ended by 1962-01-01: cohort 1961 (9 units). Events: viaTable day 20, twice's first forløb day 120 (1961-02-01 -> 06-01);
        // on365 at day 365 is after its censoring at asOf (day 306) -> censored
        assertThat(points.size()).isEqualTo(2);
        assertThat(points.get(0).get("day").asInt()).isEqualTo(20);
        assertThat(points.get(0).get("atRisk").asLong()).isEqualTo(9);
        assertThat(points.get(0).get("events").asLong()).isEqualTo(1);
        assertThat(points.get(0).get("survival").asDouble()).isEqualTo(8 / 9.0);
        assertThat(points.get(1).get("day").asInt()).isEqualTo(120);
        // twice's second forløb (ended 1961-12-01) is censored at day 31; all others are at risk on day 120
        assertThat(points.get(1).get("atRisk").asLong()).isEqualTo(7);
        assertThat(points.get(1).get("survival").asDouble()).isCloseTo(8 / 9.0 * 6 / 7.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(points.get(1).get("lower").asDouble()).isLessThan(points.get(1).get("survival").asDouble());
    }
}
