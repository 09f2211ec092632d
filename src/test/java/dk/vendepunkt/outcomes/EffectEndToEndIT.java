package dk.vendepunkt.outcomes;

import static dk.vendepunkt.outcomes.OutcomeTestData.measure;
import static dk.vendepunkt.outcomes.OutcomeTestData.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.outcomes.internal.EffectStatistics;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * End to end: three contract files (and a reference group) imported through the API, the effect report read
 * back and its numbers checked. EXIT forløb of 1972 (no other test uses that era); asOf 1980-01-01.
 */
@IntegrationTest
class EffectEndToEndIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired dk.vendepunkt.portfolio.EffectMeasureFigures effectGoals;

    @Test
    void importThreeFilesThenReadTheReport() {
        var pm = staff.user(Role.PROGRAMME_MANAGER);
        Api api = Api.at(port).as(pm.username(), pm.password());
        LocalDate end = LocalDate.of(1972, 6, 30);
        var d = new OutcomeTestData();
        // 20 forløb: 12 completed, 8 dropped out; 8 charged (level >= 3) within the year; 3 of the completed
        // convicted within two years; 15 with a follow-up at day 90, 9 of them in education/employment/activation
        for (int i = 0; i < 20; i++) {
            String p = person();
            d.enrolment(p, "EXIT", end, i < 12 ? "COMPLETED" : "DROPPED_OUT");
            if (i % 5 < 2) d.charge(p, end.plusDays(100 + i), i % 2 == 0 ? 3 : 4);       // i = 0,1,5,6,10,11,15,16
            if (i < 3) d.conviction(p, end.plusDays(400 + i), 4);
            if (i < 15) d.followUp(p, end.plusDays(90), i < 9 ? (i % 3 == 0 ? "EDUCATION" : i % 3 == 1 ? "EMPLOYMENT" : "ACTIVATION") : "NONE");
            d.charge(p, end.plusDays(10), 2);                                             // minor offences do not count
        }
        // reference group: 25 people with the same index date, 15 of them charged within the year
        String label = OutcomeTestData.ref("Sammenligningsgruppe");
        for (int i = 0; i < 25; i++) {
            String p = person();
            d.referenceMember(p, end, label);
            if (i < 15) d.charge(p, end.plusDays(200), 4);
        }
        d.importAll(api);

        var r = api.get("/api/v1/reports/effect?programme=EXIT&asOf=1980-01-01&reference=" + label);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("programme").asString()).isEqualTo("EXIT");
        assertThat(report.get("asOf").asString()).isEqualTo("1980-01-01");
        assertThat(report.get("disclosure").asString()).isEqualTo("public");

        JsonNode charge = measure(report.get("measures"), "no_new_serious_charge_1y");
        assertThat(charge.get("eligible").asLong()).isEqualTo(20);
        assertThat(charge.get("successes").asLong()).isEqualTo(12);
        assertThat(charge.get("rate").asDouble()).isEqualTo(0.6);
        var w = EffectStatistics.wilson(12, 20);
        assertThat(charge.get("ci95").get(0).asDouble()).isCloseTo(w.lower(), within(1e-12));
        assertThat(charge.get("ci95").get(1).asDouble()).isCloseTo(w.upper(), within(1e-12));
        assertThat(charge.get("target").isNull()).isTrue();
        assertThat(charge.get("suppressed").asBoolean()).isFalse();

        JsonNode conv = measure(report.get("measures"), "no_serious_conviction_2y_completed");
        assertThat(conv.get("suppressed").asBoolean()).isTrue();           // 3 failures < 5
        assertThat(conv.get("successes").isNull()).isTrue();
        assertThat(conv.get("eligible").asLong()).isEqualTo(12);           // not sensitive (ADR 0009)
        assertThat(conv.get("target").asDouble()).isEqualTo(0.60);          // Sikker By effect goal 2

        JsonNode fu = measure(report.get("measures"), "education_or_employment_3m");
        assertThat(fu.get("eligible").asLong()).isEqualTo(15);
        assertThat(fu.get("successes").asLong()).isEqualTo(9);
        assertThat(fu.get("missing").asLong()).isEqualTo(5);
        assertThat(fu.get("rate").asDouble()).isEqualTo(0.6);

        JsonNode cmp = measure(report.get("reference").get("measures"), "no_new_serious_charge_1y");
        assertThat(cmp.get("reference").get("eligible").asLong()).isEqualTo(25);
        assertThat(cmp.get("reference").get("successes").asLong()).isEqualTo(10);
        assertThat(cmp.get("difference").asDouble()).isCloseTo(0.6 - 0.4, within(1e-12));
        var nc = EffectStatistics.newcombe(12, 20, 10, 25);
        assertThat(cmp.get("ci95").get(0).asDouble()).isCloseTo(nc.lower(), within(1e-12));
        assertThat(cmp.get("ci95").get(1).asDouble()).isCloseTo(nc.upper(), within(1e-12));
        assertThat(report.get("reference").get("members").asLong()).isEqualTo(25);

        // internal: the conviction measure unsuppressed
        JsonNode internal = api.get("/api/v1/reports/effect?programme=EXIT&asOf=1980-01-01&disclosure=internal").json();
        JsonNode convInternal = measure(internal.get("measures"), "no_serious_conviction_2y_completed");
        assertThat(convInternal.get("eligible").asLong()).isEqualTo(12);
        assertThat(convInternal.get("successes").asLong()).isEqualTo(9);
        assertThat(convInternal.get("rate").asDouble()).isEqualTo(0.75);

        // Sikker By effect goal 2 reads the figure of the 18–25-year-olds (none here: born in the 1970s, children
        // at the end), with this all-ages figure beside it, withheld in its public version
        var goal = effectGoals.latest("no_serious_conviction_2y_completed", LocalDate.of(1980, 1, 1), false).orElseThrow();
        assertThat(goal.value()).isNull();
        assertThat(goal.label()).contains("alle aldre: 75,0 %");
        assertThat(effectGoals.latest("no_serious_conviction_2y_completed", LocalDate.of(1980, 1, 1), true).orElseThrow().label()).contains("alle aldre: –");
        assertThat(effectGoals.latest("no_new_serious_charge_1y", LocalDate.of(1980, 1, 1), true).orElseThrow().value()).isEqualTo(0.6);
        assertThat(effectGoals.latest("unknown", LocalDate.of(1980, 1, 1), true)).isEmpty();

        // the survival curve: 8 first serious charges on days 100..116, nobody censored before
        JsonNode points = api.get("/api/v1/reports/effect/survival?programme=EXIT&asOf=1980-01-01").json().get("points");
        assertThat(points.size()).isEqualTo(8);
        assertThat(points.get(0).get("atRisk").asLong()).isEqualTo(20);
        assertThat(points.get(7).get("survival").asDouble()).isCloseTo(12 / 20.0, within(1e-12));
    }
}
