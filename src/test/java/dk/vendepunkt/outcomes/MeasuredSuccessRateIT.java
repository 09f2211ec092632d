package dk.vendepunkt.outcomes;

import static dk.vendepunkt.outcomes.OutcomeTestData.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.portfolio.internal.AnnualReport;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportMark;
import dk.vendepunkt.reporting.ReportRenderer;
import dk.vendepunkt.reporting.ReportSection;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The economics module's measured success rate comes from here: SSP_PLUS forløb of the 1930s (no other test
 * uses them), cohort 1931 with 3 serious charges of 10, 1932 with 4 of 20: 23 successes of 30; and KIV (historic, unused by
 * other tests) with 2 successes of 3, too few for the public annual report.
 */
@IntegrationTest
class MeasuredSuccessRateIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired AnnualReport annualReport;
    @Autowired ReportRenderer renderer;

    @Test
    void costBenefitUsesTheMeasuredRateAndItsWilsonInterval() {
        var pm = staff.user(Role.PROGRAMME_MANAGER);
        Api api = Api.at(port).as(pm.username(), pm.password());
        var d = new OutcomeTestData();
        int[][] cohorts = {{1931, 10, 3}, {1932, 20, 4}};
        for (int[] c : cohorts) {
            LocalDate end = LocalDate.of(c[0], 6, 30);
            for (int i = 0; i < c[1]; i++) {
                String p = person();
                d.enrolment(p, "SSP_PLUS", end, "COMPLETED");
                if (i < c[2]) d.charge(p, end.plusDays(30 + i), 3);
            }
        }
        d.importAll(api);
        // 600 000 / 10 participants = 60 000 each; a success is worth 200 000 (1 year, 0 %)
        String csv = "programme,parameter,value,low,high,source\nSSP_PLUS,annual_cost_dkk,600000,,,t\nSSP_PLUS,years,1,,,t\n"
                + "SSP_PLUS,participants,10,,,t\nSSP_PLUS,benefit_per_success_year_dkk,200000,,,t\nSSP_PLUS,benefit_years,1,,,t\nSSP_PLUS,discount_rate,0,,,t\n";
        assertThat(api.postFile("/api/v1/imports/economics-parameters", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);

        var j = api.get("/api/v1/economics/cost-benefit?programme=SSP_PLUS&asOf=1934-01-01&draws=2000&seed=5").json();
        double p = 23.0 / 30;
        assertThat(j.get("successRate").asDouble()).isCloseTo(p, within(1e-12));
        // Wilson: centre (p + z²/2n) / (1 + z²/n), half-width z √(p(1−p)/n + z²/4n²) / (1 + z²/n)
        double z = 1.959963984540054, n = 30, denom = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denom, half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom;
        assertThat(j.get("successRateCi95").get(0).asDouble()).isCloseTo(centre - half, within(1e-9));
        assertThat(j.get("successRateCi95").get(1).asDouble()).isCloseTo(centre + half, within(1e-9));
        // gain p × 200 000 − 60 000, and the same at the interval's ends
        assertThat(j.get("gainPerParticipant").asDouble()).isCloseTo(p * 200_000 - 60_000, within(1e-6));
        assertThat(j.get("gainCi95").get(0).asDouble()).isCloseTo((centre - half) * 200_000 - 60_000, within(1e-4));
        assertThat(j.get("gainCi95").get(1).asDouble()).isCloseTo((centre + half) * 200_000 - 60_000, within(1e-4));
        // p drawn from Beta(24, 8): the median gain lies inside the interval's gains
        assertThat(j.get("gainP50").asDouble()).isBetween((centre - half) * 200_000 - 60_000, (centre + half) * 200_000 - 60_000);
        assertThat(j.get("gainP05").asDouble()).isLessThan(j.get("gainP95").asDouble());

        // the annual report's economics section: KIV with 2 successes of 3 is withheld in the public version
        var kiv = new OutcomeTestData();
        for (int i = 0; i < 3; i++) {
            String p3 = person();
            kiv.enrolment(p3, "KIV", LocalDate.of(1931, 6, 30), "COMPLETED");
            if (i == 0) kiv.charge(p3, LocalDate.of(1931, 8, 1), 3);
        }
        kiv.importAll(api);
        assertThat(api.postFile("/api/v1/imports/economics-parameters", "text/csv", csv.replace("SSP_PLUS", "KIV").getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(200);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("analyst-m", null,
                List.of(new SimpleGrantedAuthority(Role.ANALYST.authority()))));
        var internal = economicsTable(annualReport.build(1934, false));
        assertThat(row(internal, "SSP_PLUS").get(5)).isEqualTo(p);
        assertThat(((BigDecimal) row(internal, "SSP_PLUS").get(6)).doubleValue()).isCloseTo(p * 200_000 - 60_000, within(1e-6));
        assertThat(((BigDecimal) row(internal, "SSP_PLUS").get(1))).isEqualByComparingTo("60000");
        assertThat(row(internal, "KIV").get(5)).isEqualTo(2.0 / 3);
        assertThat(internal.note()).isNull();
        var publicReport = annualReport.build(1934, true);
        var published = economicsTable(publicReport);
        assertThat(row(published, "SSP_PLUS").get(5)).isEqualTo(p);
        assertThat(row(published, "KIV").subList(5, 11)).containsOnly(ReportMark.SUPPRESSED);
        // costs are not counts of persons: they stay
        assertThat(((BigDecimal) row(published, "KIV").get(1))).isEqualByComparingTo("60000");
        assertThat(published.note()).contains("for få forløb");
        assertThat(renderer.htmlBody(publicReport)).contains("Økonomi: hvad indsatsen koster");
        assertThat(renderer.pdf(publicReport)).isNotEmpty();
        assertThat(renderer.xlsx(publicReport)).isNotEmpty();
    }

    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * The 1930s forløb go again: the effect reports of other tests (EffectDisclosureIT at 1960, EffectWindowsIT at
     * 1965) count every cohort up to their as-of date and must not see them, whatever order the tests run in.
     */
    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        jdbc.sql("delete from out_enrolment where programme in ('SSP_PLUS', 'KIV') and end_date < date '1940-01-01'").update();
    }

    static ReportSection.Table economicsTable(Report report) {
        return report.sections().stream().filter(s -> s instanceof ReportSection.Table t && t.caption().startsWith("Økonomi pr. program"))
                .map(s -> (ReportSection.Table) s).findFirst().orElseThrow();
    }

    static java.util.List<Object> row(ReportSection.Table t, String programme) {
        return t.rows().stream().filter(r -> programme.equals(r.getFirst())).findFirst().orElseThrow();
    }
}
