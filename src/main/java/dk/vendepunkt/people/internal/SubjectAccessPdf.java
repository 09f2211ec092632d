package dk.vendepunkt.people.internal;

import dk.vendepunkt.audit.AuditTrail.Access;
import dk.vendepunkt.people.RetentionHandler.Expiry;
import dk.vendepunkt.people.internal.SubjectAccessService.Answer;
import dk.vendepunkt.people.internal.SubjectAccessService.Module;
import dk.vendepunkt.people.internal.SubjectAccessService.Rows;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportRenderer;
import dk.vendepunkt.reporting.ReportSection;
import dk.vendepunkt.reporting.ReportSection.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A subject-access answer as a PDF (the reporting module's renderer, embedded fonts): one section per module and table, one block per row. */
@Component
public class SubjectAccessPdf {

    private static final Locale DA = Locale.of("da", "DK");

    private final ReportRenderer renderer;
    private final MessageSource messages;

    SubjectAccessPdf(ReportRenderer renderer, MessageSource messages) {
        this.renderer = renderer;
        this.messages = messages;
    }

    public byte[] render(Answer a) {
        var b = Report.builder(t("subjectAccess.pdf.title", a.name()))
                .subtitle(t("subjectAccess.pdf.subtitle", a.cpr()))
                .produced(a.produced().atZone(Zones.ZONE).toLocalDate())
                .text(t("subjectAccess.pdf.intro"));
        for (Module m : a.modules()) {
            b.heading(t("subjectAccess.pdf.module", m.module()));
            for (Rows r : m.tables()) {
                b.subheading(t("subjectAccess.pdf.table", r.table(), r.rows().size()));
                for (Map<String, Object> row : r.rows()) {
                    List<ReportSection.Fact> facts = new ArrayList<>();
                    row.forEach((k, v) -> facts.add(new ReportSection.Fact(k, v == null ? "" : String.valueOf(v))));
                    b.add(new ReportSection.Facts(facts));
                }
            }
        }
        b.heading(t("subjectAccess.pdf.accesses", a.accesses().size()));
        List<List<Object>> rows = new ArrayList<>();
        for (Access x : a.accesses()) {
            rows.add(List.of(x.occurredAt().atZone(Zones.ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' '),
                    x.actor(), x.action(), nz(x.subject()), nz(x.reason())));
        }
        b.add(new ReportSection.Table(t("subjectAccess.pdf.accesses.caption"),
                List.of(Column.text(t("subjectAccess.pdf.col.when")), Column.text(t("subjectAccess.pdf.col.who")),
                        Column.text(t("subjectAccess.pdf.col.action")), Column.text(t("subjectAccess.pdf.col.what")),
                        Column.text(t("subjectAccess.pdf.col.why"))),
                rows, null, null));
        b.heading(t("subjectAccess.pdf.retention"));
        List<ReportSection.Fact> expiries = new ArrayList<>();
        for (Expiry e : a.retention()) {
            expiries.add(new ReportSection.Fact(e.category() + ": " + e.what(),
                    e.on() == null ? t("retention.expiry.open") : Report.longDate(e.on())));
        }
        b.add(new ReportSection.Facts(expiries));
        return renderer.pdf(b.build());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String t(String key, Object... args) {
        return messages.getMessage(key, args, DA);
    }
}
