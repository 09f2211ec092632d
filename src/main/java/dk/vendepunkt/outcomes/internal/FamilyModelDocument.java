package dk.vendepunkt.outcomes.internal;

import dk.vendepunkt.outcomes.internal.FamilyModelReportService.AgeGroupLine;
import dk.vendepunkt.outcomes.internal.FamilyModelReportService.CohortLine;
import dk.vendepunkt.outcomes.internal.FamilyModelReportService.Progress;
import dk.vendepunkt.outcomes.internal.FamilyModelReportService.Share;
import dk.vendepunkt.casework.ProgressScales;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportMark;
import dk.vendepunkt.reporting.ReportSection;
import dk.vendepunkt.reporting.ReportSection.Column;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The family model's programme figures as a {@link Report} (page, PDF, Excel): the same figures and the same withheld
 * cells as the API answer, since it is built from that answer ({@link FamilyModelReportService.Report}).
 */
@Component
public class FamilyModelDocument {

    private final MessageSource messages;
    private final ProgressScales scales;

    FamilyModelDocument(MessageSource messages, ProgressScales scales) {
        this.messages = messages;
        this.scales = scales;
    }

    private String t(Locale l, String code, Object... args) {
        return messages.getMessage(code, args, code, l);
    }

    public Report build(FamilyModelReportService.Report r, Locale locale) {
        Locale l = locale == null ? LocaleContextHolder.getLocale() : locale;
        boolean pub = "public".equals(r.disclosure());
        Report.Builder b = Report.builder(t(l, "familyreport.title"))
                .subtitle(t(l, "familyreport.subtitle", r.asOf().format(DateTimeFormatter.ofPattern("d. MMMM yyyy", l))));
        b.text(t(l, pub ? "familyreport.public" : "familyreport.internal", r.threshold()));
        b.text(t(l, "familyreport.definitions"));

        b.heading(t(l, "familyreport.size"));
        var size = ReportSection.Table.builder(t(l, "familyreport.byAgeGroup"), Column.text(t(l, "familyreport.col.ageGroup")),
                Column.integer(t(l, "familyreport.col.children")), Column.percent(t(l, "familyreport.col.share")));
        for (AgeGroupLine a : r.byAgeGroup()) size.row(t(l, "familyreport.ageGroup." + a.ageGroup()), a.count(), a.share());
        size.totals(t(l, "familyreport.col.total"), r.children(), r.children() == 0 ? null : 1.0);
        size.note(t(l, "familyreport.families", r.families()));
        b.add(size.build());

        b.heading(t(l, "familyreport.previouslyCharged"));
        b.text(t(l, "familyreport.previouslyCharged.definition"));
        var years = ReportSection.Table.builder(t(l, "familyreport.byCohort"), Column.text(t(l, "familyreport.col.cohort")),
                Column.integer(t(l, "familyreport.col.families")), Column.integer(t(l, "familyreport.col.children")),
                Column.integer(t(l, "familyreport.col.charged")), Column.percent(t(l, "familyreport.col.share")));
        for (CohortLine c : r.byCohort()) {
            years.row(String.valueOf(c.cohort()), c.families(), c.children(), count(c.previouslyCharged()), share(c.previouslyCharged()));
        }
        years.totals(t(l, "familyreport.col.total"), r.families(), r.children(), count(r.previouslyCharged()), share(r.previouslyCharged()));
        years.note(t(l, "familyreport.note", r.threshold()));
        b.add(years.build());

        b.heading(t(l, "familyreport.parentsEmployed"));
        var parents = ReportSection.Table.builder(t(l, "familyreport.parentsEmployed"), Column.integer(t(l, "familyreport.col.parentsWithStatus")),
                Column.integer(t(l, "familyreport.col.employed")), Column.percent(t(l, "familyreport.col.share")));
        parents.row(r.parentsWithStatus(), count(r.parentsEmployed()), share(r.parentsEmployed()));
        b.add(parents.build());

        b.heading(t(l, "familyreport.progress"));
        b.text(t(l, "familyreport.progress.definition"));
        var progress = ReportSection.Table.builder(t(l, "familyreport.progress"), Column.text(t(l, "familyreport.col.scale")),
                Column.integer(t(l, "familyreport.col.children")), Column.decimal(t(l, "familyreport.col.meanChange")),
                Column.decimal(t(l, "familyreport.col.lower")), Column.decimal(t(l, "familyreport.col.upper")));
        for (Progress p : r.progress()) {
            Object lo = p.suppressed() ? ReportMark.SUPPRESSED : p.ci95() == null ? null : p.ci95().get(0);
            Object hi = p.suppressed() ? ReportMark.SUPPRESSED : p.ci95() == null ? null : p.ci95().get(1);
            progress.row(scales.scale(p.scale()).map(ProgressScales.Scale::name).orElse(p.scale()), p.suppressed() ? ReportMark.SUPPRESSED : p.children(),
                    p.suppressed() ? ReportMark.SUPPRESSED : p.meanChange(), lo, hi);
        }
        if (r.progress().isEmpty()) progress.note(t(l, "familyreport.progress.none"));
        b.add(progress.build());
        return b.build();
    }

    private static Object count(Share s) {
        return s.suppressed() ? ReportMark.SUPPRESSED : s.count();
    }

    private static Object share(Share s) {
        return s.suppressed() ? ReportMark.SUPPRESSED : s.share();
    }
}
