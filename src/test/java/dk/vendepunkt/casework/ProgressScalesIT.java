package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.audit.AuditedAccessDenied;
import dk.vendepunkt.casework.ProgressScales.NewMeasurement;
import dk.vendepunkt.casework.ProgressScales.Occasion;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.SignedIn;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** Progress measurements: recorded per scale with validation, access and audit; the chart fragment; the scale admin page. */
@IntegrationTest
class ProgressScalesIT {

    static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @LocalServerPort int port;
    @Autowired ProgressScales progress;
    @Autowired PersonDirectory people;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired FormErrors formErrors;
    @Autowired MessageSource messages;

    @AfterEach
    void signOut() {
        SignedIn.clear();
        org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
    }

    long person(long team) {
        return people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr()).orElseThrow(), "Test", "Barn", null, team);
    }

    /** The person's audit rows of the action (other than the registration's CREATE). */
    long audits(long personId, String action) {
        return jdbc.sql("select count(*) from aud_event where person_id = ? and action = ? and (action <> 'CREATE' or subject like 'fremskridtsmåling%')").params(personId, action).query(Long.class).single();
    }

    List<String> messagesOf(Runnable r) {
        org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));
        try {
            r.run();
        } catch (ValidationException e) {
            return List.copyOf(formErrors.of(e).values());
        }
        throw new AssertionError("no validation problem");
    }

    @Test
    void aTeamMemberRecordsMeasurementsThatArePairedAndAudited() {
        long team = staff.team("progress");
        long child = person(team);
        long familyCase = -SEQ.incrementAndGet(); // no family case table yet: any id
        SignedIn.as(staff.user(Role.CASEWORKER, team), Role.CASEWORKER);
        LocalDate today = LocalDate.now(clock);

        var base = progress.record(new NewMeasurement(familyCase, child, "WELLBEING", today.minusDays(90), Occasion.BASELINE, BigDecimal.valueOf(4), "Første samtale"));
        progress.record(new NewMeasurement(familyCase, child, "WELLBEING", today.minusDays(30), Occasion.DURING, BigDecimal.valueOf(5), null));
        progress.record(new NewMeasurement(familyCase, child, "WELLBEING", today, Occasion.END, BigDecimal.valueOf(7), null));
        var ladder = progress.record(new NewMeasurement(familyCase, child, "OUTCOME_LADDER", today.minusDays(90), Occasion.BASELINE, BigDecimal.valueOf(3), null));
        assertThat(base.createdBy()).startsWith("caseworker-");
        assertThat(ladder.optionCode()).isEqualTo("ACCEPTING_HELP_1");
        assertThat(audits(child, "CREATE")).isEqualTo(4);

        var mine = progress.forPerson(familyCase, child);
        assertThat(mine).hasSize(4);
        assertThat(audits(child, "READ")).isEqualTo(1);
        assertThat(progress.forCase(familyCase)).hasSize(4);

        var changes = progress.progress(mine);
        assertThat(changes).extracting(ProgressScales.Change::scale).startsWith("WELLBEING", "SCHOOL_ABSENCE", "LEISURE_JOB", "OUTCOME_LADDER");
        assertThat(changes.getFirst()).isEqualTo(new ProgressScales.Change("WELLBEING", 1, 3.0, null));
        assertThat(changes.get(3)).as("a baseline only").isEqualTo(new ProgressScales.Change("OUTCOME_LADDER", 0, null, null));
    }

    @Test
    void invalidMeasurementsAreRefusedWithDanishMessages() {
        long team = staff.team("progress-val");
        long child = person(team);
        long familyCase = -SEQ.incrementAndGet();
        SignedIn.as(staff.user(Role.CASEWORKER, team), Role.CASEWORKER);
        LocalDate today = LocalDate.now(clock);
        assertThat(messagesOf(() -> progress.record(new NewMeasurement(familyCase, child, "WELLBEING", today.plusDays(1), Occasion.BASELINE,
                BigDecimal.valueOf(11), null)))).containsExactly("Datoen må ikke ligge i fremtiden.", "Værdien skal ligge fra 1 til 10.");
        assertThat(messagesOf(() -> progress.record(new NewMeasurement(familyCase, child, "SCHOOL_ABSENCE", today, null, new BigDecimal("101"), null))))
                .containsExactly("Vælg, om målingen er udgangsmåling, undervejs eller slutmåling.", "Angiv en procent fra 0 til 100 med højst to decimaler.");
        assertThat(messagesOf(() -> progress.record(new NewMeasurement(familyCase, child, "NO_SUCH", today, Occasion.BASELINE, BigDecimal.ONE, null))))
                .containsExactly("Skalaen findes ikke eller er ikke aktiv (NO_SUCH).");

        progress.record(new NewMeasurement(familyCase, child, "LEISURE_JOB", today.minusDays(10), Occasion.BASELINE, BigDecimal.ZERO, null));
        assertThat(messagesOf(() -> progress.record(new NewMeasurement(familyCase, child, "LEISURE_JOB", today, Occasion.BASELINE, BigDecimal.ONE, null))))
                .singleElement().asString().startsWith("Der er allerede en udgangsmåling");
        assertThat(messagesOf(() -> progress.record(new NewMeasurement(familyCase, child, "LEISURE_JOB", today.minusDays(10), Occasion.END, BigDecimal.ONE, null))))
                .singleElement().asString().startsWith("En senere måling skal ligge efter udgangsmålingen");
        assertThat(jdbc.sql("select count(*) from cw_progress_measurement where person_id = ?").param(child).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCaseworkerOfAnotherTeamIsRefusedAndTheRefusalAudited() {
        long team = staff.team("progress-own");
        long child = person(team);
        long familyCase = -SEQ.incrementAndGet();
        SignedIn.as(staff.user(Role.CASEWORKER, team), Role.CASEWORKER);
        progress.record(new NewMeasurement(familyCase, child, "WELLBEING", LocalDate.now(clock), Occasion.BASELINE, BigDecimal.valueOf(6), null));

        SignedIn.as(staff.user(Role.CASEWORKER, staff.team("progress-other")), Role.CASEWORKER);
        assertThatThrownBy(() -> progress.record(new NewMeasurement(familyCase, child, "WELLBEING", LocalDate.now(clock), Occasion.END,
                BigDecimal.valueOf(6), null))).isInstanceOf(AuditedAccessDenied.class);
        assertThatThrownBy(() -> progress.forPerson(familyCase, child)).isInstanceOf(AuditedAccessDenied.class);
        assertThat(progress.forCase(familyCase)).isEmpty();
        assertThat(audits(child, "DENIED")).isEqualTo(2);
    }

    @Test
    void theChartFragmentDrawsEachScaleWithATableOfTheSameFigures() {
        long team = staff.team("progress-chart");
        long child = person(team);
        long familyCase = -SEQ.incrementAndGet();
        SignedIn.as(staff.user(Role.CASEWORKER, team), Role.CASEWORKER);
        LocalDate today = LocalDate.now(clock);
        progress.record(new NewMeasurement(familyCase, child, "OUTCOME_LADDER", today.minusDays(60), Occasion.BASELINE, BigDecimal.valueOf(2), null));
        progress.record(new NewMeasurement(familyCase, child, "OUTCOME_LADDER", today, Occasion.END, BigDecimal.valueOf(5), null));
        progress.record(new NewMeasurement(familyCase, child, "SCHOOL_ABSENCE", today, Occasion.BASELINE, new BigDecimal("12.5"), null));

        var chart = progress.chart(familyCase, child);
        assertThat(chart.series()).extracting(s -> s.scale().code()).containsExactly("SCHOOL_ABSENCE", "OUTCOME_LADDER");

        Document d = Jsoup.parse(render(chart));
        var canvas = d.getElementById("progress-" + child + "-OUTCOME_LADDER");
        assertThat(canvas.attr("data-values")).isEqualTo("[2,5]");
        assertThat(canvas.attr("data-dates")).isEqualTo("[\"" + today.minusDays(60) + "\",\"" + today + "\"]");
        assertThat(canvas.attr("data-ticks")).startsWith("[\"Fastlåst\",");
        assertThat(canvas.attr("aria-label")).isEqualTo("Målinger på Forandringsstigen (1-10) over tid");
        assertThat(d.select("table caption").eachText()).containsExactly("Målinger på Skolefravær (%)", "Målinger på Forandringsstigen (1-10)");
        assertThat(d.select("table").get(1).select("tbody td").eachText()).containsExactly(
                dk.vendepunkt.platform.DanishDates.format(today.minusDays(60)), "Udgangsmåling", "2 Fastlåst, men i kontakt",
                dk.vendepunkt.platform.DanishDates.format(today), "Slutmåling", "5 Tror på forandring");
        assertThat(d.select("table").get(0).select("tbody td").eachText()).contains("12,5 %");

        var empty = Jsoup.parse(render(new ProgressScales.ProgressChart(familyCase, child, List.of())));
        assertThat(empty.text()).contains("Der er ingen målinger endnu.");
    }

    String render(ProgressScales.ProgressChart chart) {
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setTemplateMode(TemplateMode.HTML);
        files.setOrder(1);
        files.setCheckExistence(true);
        StringTemplateResolver inline = new StringTemplateResolver();
        inline.setOrder(2);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(inline);
        engine.setTemplateEngineMessageSource(messages);
        return engine.process("<div th:replace=\"~{fragments/progress :: chart(${progressChart})}\"></div>",
                new Context(Locale.forLanguageTag("da"), Map.of("progressChart", chart)));
    }

    @Test
    void anAdministratorAddsAndChangesAScale() {
        WebSession admin = WebSession.signIn(port, staff.user(Role.ADMIN));
        assertThat(admin.get("/admin/progress-scales").body()).contains("Trivsel (1-10)", "Ordinær beskæftigelse", "Fastlåst");
        String code = "TEST_SCALE_" + SEQ.incrementAndGet();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("code", code);
        f.put("name", "Testskala");
        f.put("kind", "CATEGORY");
        f.put("options", "LOW_X; Lav\nHIGH_X; Høj");
        f.put("appliesTo", "PARENT");
        f.put("higherIsBetter", "true");
        f.put("active", "true");
        assertThat(admin.post("/admin/progress-scales", "/admin/progress-scales", f).statusCode()).isEqualTo(302);
        var s = progress.scale(code).orElseThrow();
        assertThat(s.options()).extracting(ProgressScales.Option::code).containsExactly("LOW_X", "HIGH_X");
        assertThat(s.appliesTo()).isEqualTo(ProgressScales.Member.PARENT);

        // changed and retired, so no other test's progress list sees it
        String edit = "/admin/progress-scales/" + code;
        f.remove("code");
        f.remove("active");
        f.put("options", "LOW_X; Lav\nHIGH_X; Høj\nTOP_X; Top");
        f.put("version", String.valueOf(s.version()));
        assertThat(admin.post(edit, edit, f).statusCode()).isEqualTo(302);
        assertThat(progress.scale(code).orElseThrow()).satisfies(x -> {
            assertThat(x.active()).isFalse();
            assertThat(x.options()).hasSize(3);
        });

        Map<String, String> bad = new LinkedHashMap<>(Map.of("code", code + "B", "name", "Tal", "kind", "NUMERIC", "min", "5", "max", "1,5",
                "step", "0", "appliesTo", "CHILD"));
        var refused = admin.post("/admin/progress-scales", "/admin/progress-scales", bad);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Højesteværdien skal være større end mindsteværdien.", "Trinnet skal være et positivt tal med højst fire decimaler.");
        assertThat(progress.scale(code + "B")).isEmpty();
    }
}
