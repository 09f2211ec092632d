package dk.vendepunkt.outcomes.internal;

import dk.vendepunkt.outcomes.internal.EffectReportService.Cohort;
import dk.vendepunkt.outcomes.internal.EffectReportService.Comparison;
import dk.vendepunkt.outcomes.internal.EffectReportService.Measure;
import dk.vendepunkt.outcomes.internal.EffectStatistics.KmPoint;
import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.DisclosurePolicy;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportMark;
import dk.vendepunkt.reporting.ReportSection;
import dk.vendepunkt.reporting.ReportSection.Column;
import dk.vendepunkt.reporting.ReportSection.Series;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The effect report as a {@link Report} (tables per measure and cohort, interval charts with the target line,
 * the Kaplan–Meier curve, the reference group comparison) for the page, PDF/Excel export and publishing.
 * Public documents show only disclosure-controlled figures: the successes, rates and intervals as withheld by
 * the report service ({@link DisclosurePolicy#suppressRates}); the counts of forløb per cohort (ended, eligible,
 * missing follow-up, not yet eligible) are not sensitive and shown as they are, since a "–" among them would be
 * given away by ended = eligible + missing + not yet eligible (docs/adr/0009).
 */
@Component
public class EffectDocument {

    public static final Locale DA = Locale.of("da", "DK");

    private final MessageSource messages;
    EffectDocument(MessageSource messages) {
        this.messages = messages;
    }

    private String t(Locale l, String code, Object... args) {
        return messages.getMessage(code, args, code, l);
    }

    /** Published and exported reports are Danish; the page follows the user's language. */
    public Report build(EffectReportService.Report r, EffectReportService.Survival survival, boolean charts, Locale locale) {
        Locale l = locale == null ? LocaleContextHolder.getLocale() : locale;
        boolean pub = "public".equals(r.disclosure());
        Report.Builder b = Report.builder(t(l, "outcomes.report.title", t(l, "outcomes.programme." + r.programme())))
                .subtitle(t(l, "outcomes.report.subtitle", r.asOf().format(DateTimeFormatter.ofPattern("d. MMMM yyyy", l))));
        b.text(t(l, pub ? "outcomes.report.public" : "outcomes.report.internal", r.threshold()));
        b.text(t(l, "outcomes.report.definitions"));
        for (int m = 0; m < r.measures().size(); m++) {
            Measure total = r.measures().get(m);
            b.heading(t(l, "outcomes.measure." + total.id()));
            b.text(t(l, "outcomes.measure." + total.id() + ".definition"));
            List<Cohort> cohorts = r.cohorts();
            var table = ReportSection.Table.builder(t(l, "outcomes.report.table", t(l, "outcomes.measure." + total.id())),
                    Column.text(t(l, "outcomes.col.cohort")), Column.integer(t(l, "outcomes.col.ended")),
                    Column.integer(t(l, "outcomes.col.eligible")), Column.integer(t(l, "outcomes.col.successes")),
                    Column.percent(t(l, "outcomes.col.rate")), Column.percent(t(l, "outcomes.col.lower")), Column.percent(t(l, "outcomes.col.upper")),
                    Column.integer(t(l, "outcomes.col.missing")), Column.integer(t(l, "outcomes.col.notYet")));
            for (int i = 0; i < cohorts.size(); i++) {
                Measure cm = cohorts.get(i).measures().get(m);
                table.row(String.valueOf(cohorts.get(i).cohort()), cohorts.get(i).ended(), cm.eligible(), figure(cm, cm.successes()),
                        figure(cm, cm.rate()), figure(cm, cm.ci95() == null ? null : cm.ci95()[0]), figure(cm, cm.ci95() == null ? null : cm.ci95()[1]),
                        cm.missing(), cm.notYetEligible());
            }
            table.totals(t(l, "outcomes.col.total"), cohorts.stream().mapToLong(Cohort::ended).sum(), total.eligible(), figure(total, total.successes()),
                    figure(total, total.rate()), figure(total, total.ci95() == null ? null : total.ci95()[0]),
                    figure(total, total.ci95() == null ? null : total.ci95()[1]), total.missing(), total.notYetEligible());
            table.note(t(l, "outcomes.report.note", r.threshold()) + (total.target() == null ? "" : " " + t(l, "outcomes.report.target", percent(total.target()))));
            b.add(table.build());
            if (charts) b.add(measureChart(l, total, cohorts, m));
        }
        if (r.reference() != null) {
            b.heading(t(l, "outcomes.reference.heading", r.reference().label()));
            b.text(t(l, "outcomes.reference.caveat"));
            var table = ReportSection.Table.builder(t(l, "outcomes.reference.caption", r.reference().label()),
                    Column.text(t(l, "outcomes.col.measure")), Column.percent(t(l, "outcomes.col.programme")), Column.integer(t(l, "outcomes.col.eligible")),
                    Column.percent(t(l, "outcomes.col.reference")), Column.integer(t(l, "outcomes.col.refEligible")),
                    Column.percent(t(l, "outcomes.col.difference")), Column.percent(t(l, "outcomes.col.lower")), Column.percent(t(l, "outcomes.col.upper")));
            for (Comparison c : r.reference().measures()) {
                table.row(t(l, "outcomes.measure." + c.id()), figure(c.programme(), c.programme().rate()), c.programme().eligible(),
                        figure(c.reference(), c.reference().rate()), c.reference().eligible(),
                        c.suppressed() ? ReportMark.SUPPRESSED : c.difference(), c.suppressed() ? ReportMark.SUPPRESSED : c.ci95() == null ? null : c.ci95()[0],
                        c.suppressed() ? ReportMark.SUPPRESSED : c.ci95() == null ? null : c.ci95()[1]);
            }
            table.note(t(l, "outcomes.reference.note", r.threshold()));
            b.add(table.build());
        }
        if (survival != null) {
            b.heading(t(l, "outcomes.km.heading"));
            b.text(t(l, pub ? "outcomes.km.textPublic" : "outcomes.km.text", r.threshold(), String.valueOf(EffectQueries.SURVIVAL_HORIZON)));
            if (charts && !survival.points().isEmpty()) b.add(kmChart(l, survival.points()));
            var table = ReportSection.Table.builder(t(l, "outcomes.km.caption"), Column.integer(t(l, "outcomes.km.day")),
                    Column.integer(t(l, "outcomes.km.atRisk")), Column.integer(t(l, "outcomes.km.events")), Column.percent(t(l, "outcomes.km.survival")),
                    Column.percent(t(l, "outcomes.col.lower")), Column.percent(t(l, "outcomes.col.upper")));
            // the days on which the curve steps (days with events), each once: between them the curve is flat
            for (KmPoint p : survival.points()) table.row(p.day(), p.atRisk(), p.events(), p.survival(), p.lower(), p.upper());
            b.add(table.build());
        }
        return b.build();
    }

    private static Object figure(Measure m, Object v) {
        return m.suppressed() ? ReportMark.SUPPRESSED : v;
    }

    private static String percent(double v) {
        return String.format(DA, "%.0f %%", v * 100);
    }

    private ReportSection.Chart measureChart(Locale l, Measure total, List<Cohort> cohorts, int m) {
        List<String> x = new ArrayList<>();
        List<Double> v = new ArrayList<>(), lo = new ArrayList<>(), hi = new ArrayList<>();
        for (Cohort c : cohorts) {
            Measure cm = c.measures().get(m);
            x.add(String.valueOf(c.cohort()));
            v.add(cm.rate());
            lo.add(cm.ci95() == null ? null : cm.ci95()[0]);
            hi.add(cm.ci95() == null ? null : cm.ci95()[1]);
        }
        x.add(t(l, "outcomes.col.total"));
        v.add(total.rate());
        lo.add(total.ci95() == null ? null : total.ci95()[0]);
        hi.add(total.ci95() == null ? null : total.ci95()[1]);
        return new ReportSection.Chart(t(l, "outcomes.chart.measure", t(l, "outcomes.measure." + total.id())), ReportSection.ChartType.BAR, x,
                List.of(new Series(t(l, "outcomes.col.rate"), v, lo, hi)), t(l, "outcomes.col.rate"), true, total.target(),
                total.target() == null ? null : t(l, "outcomes.chart.target", percent(total.target())));
    }

    private ReportSection.Chart kmChart(Locale l, List<KmPoint> points) {
        List<String> x = new ArrayList<>(List.of("0"));
        List<Double> s = new ArrayList<>(List.of(1.0)), lo = new ArrayList<>(List.of(1.0)), hi = new ArrayList<>(List.of(1.0));
        for (KmPoint p : points) {
            x.add(String.valueOf(p.day()));
            s.add(p.survival());
            lo.add(p.lower());
            hi.add(p.upper());
        }
        return new ReportSection.Chart(t(l, "outcomes.km.chart"), ReportSection.ChartType.STEP, x,
                List.of(new Series(t(l, "outcomes.km.survival"), s, lo, hi)), t(l, "outcomes.km.survival"), true, null, null);
    }
}
