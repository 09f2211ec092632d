package dk.vendepunkt.economics;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.platform.DemoData;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The parameters import, the contract's cost-benefit answer, the seeds' figures and who may read and change what. */
@IntegrationTest
class EconomicsIT {

    static final String HEADER = "programme,parameter,value,low,high,source\n";
    static final AtomicInteger N = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired ApplicationContext context;

    Api as(Role role) {
        var u = staff.user(role);
        return Api.at(port).as(u.username(), u.password());
    }

    static Api.Response importCsv(Api api, String csv) {
        return api.postFile("/api/v1/imports/economics-parameters", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** A programme code no other test uses, with a complete parameter set: cost 60 000 per participant, 200 000 per success for 1 year at 0 %. */
    static String programme(Api pm) {
        String code = "ECO_T" + N.incrementAndGet() + "_" + System.nanoTime() % 100000;
        var r = importCsv(pm, HEADER + code + ",annual_cost_dkk,600000,500000,700000,test\n" + code + ",years,1,,,\n" + code + ",participants,10,,,\n"
                + code + ",benefit_per_success_year_dkk,200000,,,\n" + code + ",benefit_years,1,,,\n" + code + ",discount_rate,0,,,\n");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return code;
    }

    @Test
    void answersAsTheContractSays() {
        String code = programme(as(Role.PROGRAMME_MANAGER));
        var r = as(Role.ANALYST).get("/api/v1/economics/cost-benefit?programme=" + code + "&asOf=2026-01-01&successRate=0.40&draws=500&seed=9");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var j = r.json();
        // cost 600 000 / 10 = 60 000; gain 0.4 × 200 000 − 60 000 = 20 000; break-even 60 000 / 200 000 = 0.3
        assertThat(j.get("programme").asString()).isEqualTo(code);
        assertThat(j.get("asOf").asString()).isEqualTo("2026-01-01");
        assertThat(j.get("successRate").asDouble()).isEqualTo(0.40);
        assertThat(j.get("successRateCi95").isNull()).isTrue();
        assertThat(j.get("gainCi95").isNull()).isTrue();
        assertThat(j.get("p0").decimalValue()).isEqualByComparingTo("0");
        assertThat(j.get("totalCost").decimalValue()).isEqualByComparingTo("600000");
        assertThat(j.get("costPerParticipant").decimalValue()).isEqualByComparingTo("60000");
        assertThat(j.get("costPerParticipantYear").decimalValue()).isEqualByComparingTo("60000");
        assertThat(j.get("benefitPerSuccess").decimalValue()).isEqualByComparingTo("200000");
        assertThat(j.get("gainPerParticipant").decimalValue()).isEqualByComparingTo("20000");
        assertThat(j.get("breakEvenSuccessRate").decimalValue()).isEqualByComparingTo("0.3");
        assertThat(j.get("draws").asInt()).isEqualTo(500);
        assertThat(j.get("seed").asLong()).isEqualTo(9);
        // the annual cost is uncertain (500 000–700 000): the gain's draws lie between 10 000 and 30 000
        assertThat(j.get("gainP05").asDouble()).isBetween(10_000.0, 20_000.0);
        assertThat(j.get("gainP95").asDouble()).isBetween(20_000.0, 30_000.0);
        assertThat(j.get("probabilityPositive").asDouble()).isEqualTo(1.0);
        // the same seed, the same answer
        assertThat(as(Role.PROGRAMME_MANAGER).get("/api/v1/economics/cost-benefit?programme=" + code
                + "&asOf=2026-01-01&successRate=0.40&draws=500&seed=9").body()).isEqualTo(r.body());

        // no measured rate and none given: 400 with the field
        var none = as(Role.ANALYST).get("/api/v1/economics/cost-benefit?programme=" + code + "&asOf=2026-01-01");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("successRate");
    }

    @Test
    void reproducesTheSeeds() {
        DemoData demo = context.getBeansOfType(DemoData.class).values().stream()
                .filter(d -> d.getClass().getSimpleName().startsWith("EconomicsDemoData")).findFirst().orElseThrow();
        demo.load(null);
        Api analyst = as(Role.ANALYST);
        // 000: the external analysis' 298 000 kr per participant at a success rate of 40 %
        var exit = analyst.get("/api/v1/economics/cost-benefit?programme=EXIT&asOf=2026-01-01&successRate=0.40").json();
        assertThat(exit.get("gainPerParticipant").decimalValue().setScale(0, RoundingMode.HALF_UP)).isEqualByComparingTo("298000");
        // 003: (2 × 2 874 000 + 80 000 + 214 000) / 20 children / 2 years = 151 050 kr per child and year
        var family = analyst.get("/api/v1/economics/cost-benefit?programme=FAMILY&asOf=2026-01-01&successRate=0.40").json();
        assertThat(family.get("totalCost").decimalValue()).isEqualByComparingTo("6042000");
        assertThat(family.get("costPerParticipantYear").decimalValue()).isEqualByComparingTo("151050");
        // Gribskov's scenarios: an existing team for 2 years, 20 children, no start-up
        Map<String, String> perChildYear = Map.of("continuation", "125000", "expanded", "200000", "light", "55000");
        perChildYear.forEach((scenario, expected) -> {
            var s = analyst.get("/api/v1/economics/cost-benefit?programme=FAMILY&asOf=2026-01-01&successRate=0.40&scenario=" + scenario);
            assertThat(s.status()).as(s.toString()).isEqualTo(200);
            assertThat(s.json().get("costPerParticipantYear").decimalValue()).as(scenario).isEqualByComparingTo(expected);
        });
        var params = analyst.get("/api/v1/economics/parameters?programme=FAMILY").json();
        assertThat(params.get("scenarios").toString()).contains("light", "continuation", "expanded");
        assertThat(params.get("parameters").toString()).contains("2874000");
    }

    @Test
    void importRefusesBadRowsAndStoresNothing() {
        Api pm = as(Role.PROGRAMME_MANAGER);
        String code = "ECO_BAD" + N.incrementAndGet();
        var r = importCsv(pm, HEADER
                + code + ",annual_cost_dkk,1000000,,,ok\n"
                + code + ",discount_rate,1.5,,,rate too high\n"
                + code + ",participants,0,,,\n"
                + code + ",benefit_years,2.5,,,\n"
                + code + ",cost,1,,,unknown\n"
                + code + ",one_off_cost_dkk,100,200,300,low above value\n"
                + code + ",benefit_per_success_year_dkk,1000,900,,only low\n"
                + code + ",annual_cost_dkk,5,,,duplicate\n"
                + "exit,years,1,,,lower case\n");
        assertThat(r.status()).isEqualTo(422);
        String body = r.body();
        assertThat(body).contains("Diskonteringsrenten skal være under 1").contains("Værdien skal være større end 0")
                .contains("Skal være et helt antal år").contains("Ukendt parameter").contains("Den lave værdi ligger over værdien")
                .contains("Angiv både lav og høj værdi").contains("Samme program og parameter står flere gange")
                .contains("Programkoden skal være");
        assertThat(pm.get("/api/v1/economics/parameters?programme=" + code).json().get("parameters").size()).isZero();
    }

    @Test
    void analystsAndProgrammeManagersReadOnlyProgrammeManagersChange() {
        Api pm = as(Role.PROGRAMME_MANAGER);
        String code = programme(pm);
        String url = "/api/v1/economics/cost-benefit?programme=" + code + "&asOf=2026-01-01&successRate=0.5&draws=10";
        assertThat(as(Role.ANALYST).get(url).status()).isEqualTo(200);
        assertThat(pm.get(url).status()).isEqualTo(200);
        assertThat(as(Role.CASEWORKER).get(url).status()).isEqualTo(403);
        assertThat(as(Role.READER).get(url).status()).isEqualTo(403);
        assertThat(as(Role.CASEWORKER).get("/api/v1/economics/parameters?programme=" + code).status()).isEqualTo(403);
        // the import changes parameters: programme managers only
        assertThat(importCsv(as(Role.ANALYST), HEADER + code + ",years,2,,,\n").status()).isEqualTo(403);

        // the form: the analyst is refused, the programme manager sets a scenario's parameter
        Map<String, String> form = Map.of("programme", code, "scenario", "cheap", "parameter", "annual_cost_dkk", "value", "300000",
                "low", "", "high", "", "source", "test");
        var analyst = WebSession.signIn(port, staff.user(Role.ANALYST));
        assertThat(analyst.post("/economics?programme=" + code, "/economics/parameters", form).statusCode()).isEqualTo(403);
        var manager = WebSession.signIn(port, staff.user(Role.PROGRAMME_MANAGER));
        var saved = manager.post("/economics?programme=" + code, "/economics/parameters", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        // 300 000 / 10 = 30 000; gain 0.5 × 200 000 − 30 000 = 70 000
        assertThat(pm.get(url + "&scenario=cheap").json().get("gainPerParticipant").decimalValue()).isEqualByComparingTo("70000");
        assertThat(pm.get(url).json().get("gainPerParticipant").decimalValue()).isEqualByComparingTo("40000");
        // a bad value: the form again, with the field's message
        var bad = manager.post("/economics?programme=" + code, "/economics/parameters", Map.of("programme", code, "scenario", "", "parameter",
                "discount_rate", "value", "2", "low", "", "high", "", "source", ""));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("Diskonteringsrenten skal være under 1").contains("aria-invalid=\"true\"");
        var stored = pm.get("/api/v1/economics/parameters?programme=" + code).json().get("parameters");
        for (var row : stored) if (row.get("parameter").asString().equals("discount_rate")) assertThat(row.get("value").decimalValue()).isEqualByComparingTo("0");
    }
}
