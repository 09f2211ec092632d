package dk.vendepunkt.outcomes;

import dk.vendepunkt.outcomes.internal.EffectDocument;
import dk.vendepunkt.outcomes.web.EffectPageController;
import dk.vendepunkt.outcomes.internal.EffectQueries;
import dk.vendepunkt.outcomes.internal.EffectReportService;

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

/** Public (suppressed) and internal figures by role, on SSP_PLUS forløb of the 1950s (no other test uses them). */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EffectDisclosureIT {

    static final String URL = "/api/v1/reports/effect?programme=SSP_PLUS&asOf=1960-01-01";
    static final String M = "no_new_serious_charge_1y";

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired EffectReportService reports;
    @Autowired EffectDocument document;
    @Autowired dk.vendepunkt.reporting.ReportRenderer renderer;

    Api as(Role role) {
        var u = staff.user(role);
        return Api.at(port).as(u.username(), u.password());
    }

    @BeforeAll
    void importScenario() {
        var d = new OutcomeTestData();
        addCohort(d, 1951, 20, 3);
        addCohort(d, 1952, 30, 10);
        addCohort(d, 1953, 40, 20);
        // the attack scenario, RAMMEMODEL of the 1950s (EffectPageBrowserIT's forløb end before 1950): 1954 48 of
        // 50 without a charge, 1955 3 of 4; 1956 65 ended, 61 of them in March (51 without a charge), 4 in December,
        // whose year has not passed on 1 June 1957: Afsluttede 65 = Egnede 61 + Mangler 0 + Endnu ikke egnede 4
        addCohort(d, "RAMMEMODEL", LocalDate.of(1954, 6, 30), 50, 2);
        addCohort(d, "RAMMEMODEL", LocalDate.of(1955, 6, 30), 4, 1);
        addCohort(d, "RAMMEMODEL", LocalDate.of(1956, 3, 1), 61, 10);
        addCohort(d, "RAMMEMODEL", LocalDate.of(1956, 12, 1), 4, 0);
        d.importAll(as(Role.PROGRAMME_MANAGER));
    }

    static final LocalDate ATTACK_AS_OF = LocalDate.of(1957, 6, 1);

    @Autowired EffectPageController controller;

    /** The public effect tables of RAMMEMODEL on 1 June 1957, one per measure, by caption. */
    java.util.List<String> captions() {
        var r = reports.report("RAMMEMODEL", ATTACK_AS_OF, "public", null);
        return document.build(r, null, false, EffectDocument.DA).sections().stream()
                .filter(s -> s instanceof dk.vendepunkt.reporting.ReportSection.Table t && t.columns().size() == 9)
                .map(s -> ((dk.vendepunkt.reporting.ReportSection.Table) s).caption()).toList();
    }

    void assertNothingRecoverable(String format, java.util.function.Function<String, java.util.List<String[]>> table) {
        var captions = captions();
        assertThat(captions).hasSize(EffectQueries.MEASURES.length);
        for (String caption : captions) {
            var rows = table.apply(caption);
            assertThat(rows).as(format + ": " + caption).hasSizeGreaterThanOrEqualTo(4);
            assertThat(EffectTableAttack.leaks(rows, 5)).as(format + ": what the attacker recovers from " + caption).isEmpty();
        }
    }

    @Test
    void theAttackerRecoversNothingFromTheApi() {
        JsonNode report = as(Role.ANALYST).get("/api/v1/reports/effect?programme=RAMMEMODEL&asOf=" + ATTACK_AS_OF).json();
        JsonNode m1956 = measure(cohort(report, 1956).get("measures"), M);
        assertThat(cohort(report, 1956).get("ended").asLong()).isEqualTo(65);
        assertThat(m1956.get("eligible").asLong()).isEqualTo(61);
        assertThat(m1956.get("notYetEligible").asLong()).isEqualTo(4);
        for (String m : EffectQueries.MEASURES) {
            var rows = EffectTableAttack.fromJson(report, m);
            assertThat(EffectTableAttack.leaks(rows, 5)).as("API: what the attacker recovers from " + m).isEmpty();
        }
    }

    @Test
    void theAttackerRecoversNothingFromThePage() {
        var web = dk.vendepunkt.support.WebSession.signIn(port, staff.user(Role.ANALYST));
        var page = web.page("/effect?programme=RAMMEMODEL&asOf=" + ATTACK_AS_OF);
        assertThat(page.statusCode()).isEqualTo(200);
        assertNothingRecoverable("page", caption -> EffectTableAttack.fromHtml(page.body(), caption));
        // the forløb counts are shown as they are: 65 = 61 + 0 + 4
        var row1956 = EffectTableAttack.fromHtml(page.body(), captions().getFirst()).stream().filter(r -> r[0].equals("1956")).findFirst().orElseThrow();
        assertThat(java.util.List.of(row1956[1], row1956[2], row1956[7], row1956[8])).containsExactly("65", "61", "0", "4");
    }

    /** The export as the page's download link gives it to an analyst. */
    byte[] export(String format) {
        try {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                    org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("analyst-d", null,
                            java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(Role.ANALYST.authority()))));
            return controller.export(format, "RAMMEMODEL", ATTACK_AS_OF, null).getBody();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theAttackerRecoversNothingFromThePdf() {
        byte[] pdf = export("pdf");
        assertNothingRecoverable("PDF", caption -> EffectTableAttack.fromPdf(pdf, caption));
    }

    @Test
    void theAttackerRecoversNothingFromTheExcel() {
        byte[] xlsx = export("xlsx");
        assertNothingRecoverable("Excel", caption -> EffectTableAttack.fromXlsx(xlsx, caption));
    }

    /** n RAMMEMODEL forløb ending on {@code end}, {@code failures} of them charged with serious crime within the year. */
    static void addCohort(OutcomeTestData d, String programme, LocalDate end, int n, int failures) {
        for (int i = 0; i < n; i++) {
            String p = person();
            d.enrolment(p, programme, end, "COMPLETED");
            if (i < failures) d.charge(p, end.plusDays(30 + i), 4);
        }
    }

    @Test
    void theDocumentNamesTheSurvivalHorizonItIsCensoredAt() {
        var r = reports.report("SSP_PLUS", LocalDate.of(1960, 1, 1), "public", null);
        var s = reports.survival("SSP_PLUS", r.asOf(), "public", false);
        String html = renderer.htmlBody(document.build(r, s, false, EffectDocument.DA));
        assertThat(html).contains("efter " + EffectQueries.SURVIVAL_HORIZON + " dage").doesNotContain("{1}");
        // the counts of ended forløb per cohort, through DisclosurePolicy.column: 20, 30 and 40 are all shown, and their total
        assertThat(html).contains(">20<").contains(">30<").contains(">40<").contains(">90<");
    }

    /** n forløb ending mid-year, {@code failures} of them charged with serious crime within the year. */
    static void addCohort(OutcomeTestData d, int year, int n, int failures) {
        LocalDate end = LocalDate.of(year, 6, 30);
        for (int i = 0; i < n; i++) {
            String p = person();
            d.enrolment(p, "SSP_PLUS", end, "COMPLETED");
            if (i < failures) d.charge(p, end.plusDays(30 + i), 4);
        }
    }

    @Test
    void publicSuppressesSmallCellsAndOneMoreCohortSoNoneCanBeRecoveredFromTheTotal() {
        var r = as(Role.ANALYST).get(URL);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.get("disclosure").asString()).isEqualTo("public");
        JsonNode c1951 = measure(cohort(report, 1951).get("measures"), M);
        assertThat(c1951.get("suppressed").asBoolean()).isTrue();       // 3 failures < 5
        assertThat(c1951.get("eligible").asLong()).isEqualTo(20);      // not sensitive: ended − missing − not yet eligible
        assertThat(c1951.get("successes").isNull()).isTrue();
        assertThat(c1951.get("rate").isNull()).isTrue();
        assertThat(c1951.get("ci95").isNull()).isTrue();
        JsonNode c1952 = measure(cohort(report, 1952).get("measures"), M);
        assertThat(c1952.get("suppressed").asBoolean()).isTrue();       // secondary: the smallest other cohort
        JsonNode c1953 = measure(cohort(report, 1953).get("measures"), M);
        assertThat(c1953.get("suppressed").asBoolean()).isFalse();
        assertThat(c1953.get("successes").asLong()).isEqualTo(20);
        JsonNode total = measure(report.get("measures"), M);
        assertThat(total.get("suppressed").asBoolean()).isFalse();
        assertThat(total.get("eligible").asLong()).isEqualTo(90);
        assertThat(total.get("successes").asLong()).isEqualTo(57);
        // no follow-ups: nothing eligible, which public output withholds as well
        assertThat(measure(report.get("measures"), "education_or_employment_3m").get("suppressed").asBoolean()).isTrue();
    }

    @Test
    void internalShowsEverythingToInternalRoles() {
        for (Role role : new Role[] {Role.ANALYST, Role.PROGRAMME_MANAGER}) {
            var r = as(role).get(URL + "&disclosure=internal");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            JsonNode report = r.json();
            assertThat(report.get("disclosure").asString()).isEqualTo("internal");
            JsonNode c1951 = measure(cohort(report, 1951).get("measures"), M);
            assertThat(c1951.get("suppressed").asBoolean()).isFalse();
            assertThat(c1951.get("eligible").asLong()).isEqualTo(20);
            assertThat(c1951.get("successes").asLong()).isEqualTo(17);
            assertThat(measure(cohort(report, 1952).get("measures"), M).get("successes").asLong()).isEqualTo(20);
        }
    }

    @Test
    void readersAndCaseworkersGetNoLiveFigures() {
        assertThat(as(Role.READER).get(URL).status()).isEqualTo(403);
        assertThat(as(Role.READER).get(URL + "&disclosure=internal").status()).isEqualTo(403);
        assertThat(as(Role.CASEWORKER).get(URL).status()).isEqualTo(403);
        assertThat(as(Role.READER).get("/api/v1/reports/effect/survival?programme=SSP_PLUS&asOf=1960-01-01").status()).isEqualTo(403);
    }

    @Test
    void badParametersAre400() {
        Api a = as(Role.ANALYST);
        assertThat(a.get("/api/v1/reports/effect?programme=NOPE&asOf=1960-01-01").status()).isEqualTo(400);
        assertThat(a.get(URL + "&disclosure=secret").status()).isEqualTo(400);
        assertThat(a.get("/api/v1/reports/effect?programme=EXIT&asOf=2026-13-01").status()).isEqualTo(400);
        assertThat(a.get("/api/v1/reports/effect?asOf=2026-01-01").status()).isEqualTo(400);
        assertThat(a.get("/api/v1/reports/effect?programme=EXIT&asOf=1960-01-01&reference=no-such-group").status()).isEqualTo(400);
    }
}
