package dk.vendepunkt.outcomes.web;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.outcomes.internal.FamilyModelDocument;
import dk.vendepunkt.outcomes.internal.FamilyModelReportService;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.ReportFormat;
import dk.vendepunkt.reporting.ReportPublisher;
import dk.vendepunkt.reporting.ReportRenderer;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The family model's programme figures as a page, PDF and Excel (public figures), and published for committees. */
@Controller
@PreAuthorize(EffectPageController.STAFF)
public class FamilyModelPageController {

    static final String REPORT_KEY = "family-model";

    private final FamilyModelReportService reports;
    private final FamilyModelDocument document;
    private final ReportRenderer renderer;
    private final ReportPublisher publisher;
    private final FormErrors messages;
    private final AuditLog audit;

    FamilyModelPageController(FamilyModelReportService reports, FamilyModelDocument document, ReportRenderer renderer,
                              ReportPublisher publisher, FormErrors messages, AuditLog audit) {
        this.reports = reports;
        this.document = document;
        this.renderer = renderer;
        this.publisher = publisher;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping("/family-model")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                @RequestParam(required = false) String disclosure, Model model) {
        LocalDate date = reports.asOf(asOf);
        model.addAttribute("asOf", date);
        model.addAttribute("disclosure", disclosure == null || disclosure.isBlank() ? "public" : disclosure);
        try {
            var r = reports.report(date, disclosure);
            model.addAttribute("report", r);
            model.addAttribute("reportHtml", renderer.htmlBody(document.build(r, null)));
        } catch (ValidationException e) {
            model.addAttribute("errors", messages.of(e));
        }
        return "outcomes/family-model";
    }

    private static final Locale DA = Locale.of("da", "DK");

    /** PDF or Excel with the public (suppressed) figures. */
    @GetMapping("/family-model/export/{format}")
    public ResponseEntity<byte[]> export(@PathVariable String format,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        ReportFormat f = ReportFormat.parse(format, ReportFormat.PDF, ReportFormat.XLSX);
        LocalDate date = reports.asOf(asOf);
        // the figures are the cache key: the family data is not among the modules whose changes version the report data
        FamilyModelReportService.Report r = reports.report(date, "public");
        var response = renderer.response(() -> document.build(r, DA), f, "familiemodellen-" + date, Disclosure.PUBLIC, REPORT_KEY, r);
        audit.record(AuditAction.EXPORT, null, null, "familiemodellens tal", f.extension() + ", offentlige tal");
        return response;
    }

    /** Publishes the public report for committee members. */
    @PostMapping("/family-model/publish")
    String publish(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, RedirectAttributes redirect) {
        long id = publisher.publish(REPORT_KEY, document.build(reports.report(reports.asOf(asOf), "public"), DA));
        redirect.addFlashAttribute("flash", messages.message("familyreport.published"));
        return "redirect:/reports/" + id;
    }
}
