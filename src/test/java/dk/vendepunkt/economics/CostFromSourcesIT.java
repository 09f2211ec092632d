package dk.vendepunkt.economics;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The page's "take the cost from budgets and pool purchases" through the portfolio's and casework's public
 * APIs, on real rows: an initiative of its own with budget lines in 2087, and RAMMEMODEL's pool purchases of
 * 2087 (a year no other test buys in). The scenario and the initiative are removed again.
 */
@IntegrationTest
class CostFromSourcesIT {

    static final int YEAR = 2087;

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired JdbcClient jdbc;

    void purchase(long enrolment, String status, String amount) {
        jdbc.sql("""
                insert into cw_pool_purchase (enrolment_id, programme, budget_year, purpose, supplier, amount, status, requested_on, requested_by,
                  decided_by, decided_at, paid_on)
                values (?, 'RAMMEMODEL', ?, 'Udredning', 'Leverandør', ?::numeric, ?, date '2087-02-01', 'test',
                  case when ? = 'REQUESTED' then null else 'test' end, case when ? = 'REQUESTED' then null else now() end,
                  case when ? = 'PAID' then date '2087-03-01' end)""")
                .params(enrolment, YEAR, amount, status, status, status, status).update();
    }

    @Test
    void budgetLinesAndApprovedAndPaidPurchasesMakeTheAnnualCost() {
        String ref = "eco-src-" + System.nanoTime();
        long initiative = jdbc.sql("insert into pf_initiative (ref, name, department) values (?, 'Økonomitest-indsats', 'SOF') returning id")
                .param(ref).query(Long.class).single();
        jdbc.sql("insert into pf_budget_line (initiative_id, year, budget_type, amount_dkk) values (?, ?, 'DRIFT', 1000000), (?, ?, 'ANLAEG', 250000)")
                .params(initiative, YEAR, initiative, YEAR).update();
        long team = staff.team("eco-src");
        long e = enrolments.enrolment(enrolments.person(team), team, "RAMMEMODEL", "CONTACT", LocalDate.of(YEAR, 1, 2), null);
        purchase(e, "APPROVED", "30000");
        purchase(e, "PAID", "12500.50");
        purchase(e, "REQUESTED", "99999");
        purchase(e, "REJECTED", "5000");
        String scenario = "kilder-" + System.nanoTime() % 100000;
        try {
            Map<String, String> form = Map.of("programme", "RAMMEMODEL", "scenario", scenario, "initiatives", ref,
                    "budgetYear", String.valueOf(YEAR), "poolYear", String.valueOf(YEAR));
            var analyst = WebSession.signIn(port, staff.user(Role.ANALYST));
            assertThat(analyst.post("/economics", "/economics/parameters/sources", form).statusCode()).isEqualTo(403);

            var manager = WebSession.signIn(port, staff.user(Role.PROGRAMME_MANAGER));
            var saved = manager.post("/economics", "/economics/parameters/sources", form);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
            var u = staff.user(Role.ANALYST);
            var rows = Api.at(port).as(u.username(), u.password()).get("/api/v1/economics/parameters?programme=RAMMEMODEL&scenario=" + scenario)
                    .json().get("parameters");
            assertThat(rows.size()).isEqualTo(1);
            var row = rows.get(0);
            assertThat(row.get("parameter").asString()).isEqualTo("annual_cost_dkk");
            // budget 1 000 000 + 250 000 = 1 250 000; pool 30 000 (approved) + 12 500,50 (paid) = 42 500,50; requested and rejected do not count
            assertThat(row.get("value").decimalValue()).isEqualByComparingTo("1292500.50");
            assertThat(row.get("source").asString())
                    .isEqualTo("Budget 2087, indsats 'Økonomitest-indsats': 1.250.000 kr; puljekøb 2087: 42.500,50 kr");

            // a year without budget lines: the form again with the field's message, nothing changed
            var bad = manager.post("/economics", "/economics/parameters/sources", Map.of("programme", "RAMMEMODEL", "scenario", scenario,
                    "initiatives", ref, "budgetYear", "2086", "poolYear", ""));
            assertThat(bad.statusCode()).isEqualTo(200);
            assertThat(bad.body()).contains("Ingen budgetlinjer i 2086 for: " + ref).contains("aria-invalid=\"true\"");
        } finally {
            jdbc.sql("delete from eco_parameter where programme = 'RAMMEMODEL' and scenario = ?").param(scenario).update();
            jdbc.sql("delete from pf_initiative where id = ?").param(initiative).update();
        }
    }
}
