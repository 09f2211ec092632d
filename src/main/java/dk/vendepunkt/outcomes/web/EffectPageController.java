package dk.vendepunkt.outcomes.web;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.outcomes.internal.Codes;
import dk.vendepunkt.outcomes.internal.EffectDocument;
import dk.vendepunkt.outcomes.internal.EffectQueries;
import dk.vendepunkt.outcomes.internal.EffectReportService;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.reporting.PublishedReportsPage;
import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportFormat;
import dk.vendepunkt.reporting.ReportPublisher;
import dk.vendepunkt.reporting.ReportRenderer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The effect page {@code /effect}: programme managers and analysts see live figures (public or, if they
 * choose, internal) with Chart.js charts fed by {@code /effect/data}; exports and publications always carry
 * the public, suppressed figures. Committee members (READER) see only the published effect reports.
 */
@Controller
public class EffectPageController {

    static final String STAFF = "hasAnyRole('PROGRAMME_MANAGER','ANALYST')";

    /** Published effect reports are keyed "effect-" + the programme code. */
    static final String REPORT_KEY = "effect-";
    /** What committee members see instead of the working page. */
    private static final PublishedReportsPage.Texts PUBLISHED = new PublishedReportsPage.Texts("outcomes.effect.title",
            "outcomes.effect.publishedIntro", "outcomes.effect.nonePublished", "outcomes.effect.publishedCaption");

    private final PublishedReportsPage publishedPage;
    private final EffectReportService reports;
    private final EffectDocument document;
    private final ReportRenderer renderer;
    private final ReportPublisher publisher;
    private final FormErrors messages;
    private final AuditLog audit;

    EffectPageController(EffectReportService reports, EffectDocument document, ReportRenderer renderer, ReportPublisher publisher,
                         FormErrors messages, AuditLog audit, PublishedReportsPage publishedPage) {
        this.publishedPage = publishedPage;
        this.reports = reports;
        this.document = document;
        this.renderer = renderer;
        this.publisher = publisher;
        this.messages = messages;
        this.audit = audit;
    }

    private static boolean staff(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ANALYST") || a.getAuthority().equals("ROLE_PROGRAMME_MANAGER"));
    }

    @GetMapping("/effect")
    @PreAuthorize("hasAnyRole('PROGRAMME_MANAGER','ANALYST','READER')")
    String page(@RequestParam(defaultValue = "EXIT") String programme,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                @RequestParam(required = false) String disclosure, @RequestParam(required = false) String reference,
                Model model, Authentication auth) {
        if (!staff(auth)) {
            return publishedPage.render(model, PUBLISHED, REPORT_KEY);
        }
        LocalDate date = reports.asOf(asOf);
        String ref = reference == null || reference.isBlank() ? null : reference;
        model.addAttribute("programmes", Arrays.stream(Codes.Programme.values()).map(Enum::name).toList());
        model.addAttribute("references", reports.referenceLabels());
        model.addAttribute("measures", List.of(EffectQueries.MEASURES));
        model.addAttribute("programme", programme);
        model.addAttribute("asOf", date);
        model.addAttribute("disclosure", disclosure == null || disclosure.isBlank() ? "public" : disclosure);
        model.addAttribute("reference", ref);
        try {
            var r = reports.report(programme, date, disclosure, ref);
            var s = reports.survival(programme, date, r.disclosure(), false);
            model.addAttribute("report", r);
            model.addAttribute("reportHtml", renderer.htmlBody(document.build(r, s, false, null)));
            String query = query(programme, date, r.disclosure(), ref);
            model.addAttribute("dataUrl", "/effect/data" + query);
            model.addAttribute("publicQuery", query(programme, date, "public", ref));
        } catch (ValidationException e) {
            model.addAttribute("errors", messages.of(e));
        }
        return "outcomes/effect";
    }

    private static String query(String programme, LocalDate asOf, String disclosure, String reference) {
        return UriComponentsBuilder.newInstance().queryParam("programme", programme).queryParam("asOf", asOf)
                .queryParam("disclosure", disclosure).queryParamIfPresent("reference", java.util.Optional.ofNullable(reference))
                .encode().build().toUriString();
    }

    /** The figures for the page's charts. */
    @GetMapping("/effect/data")
    @PreAuthorize(STAFF)
    @ResponseBody
    Map<String, Object> data(@RequestParam String programme,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                             @RequestParam(required = false) String disclosure, @RequestParam(required = false) String reference) {
        var r = reports.report(programme, asOf, disclosure, reference == null || reference.isBlank() ? null : reference);
        var s = reports.survival(programme, r.asOf(), r.disclosure(), false);
        return Map.of("report", r, "survival", s, "labels", labels());
    }

    private Map<String, String> labels() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String id : EffectQueries.MEASURES) m.put(id, messages.message("outcomes.measure." + id));
        for (String k : new String[] {"total", "rate", "target", "survival", "lower", "upper", "day", "interval"}) m.put(k, messages.message("outcomes.js." + k));
        return m;
    }

    private Report publicReport(String programme, LocalDate asOf, String reference) {
        var r = reports.report(programme, asOf, "public", reference == null || reference.isBlank() ? null : reference);
        var s = reports.survival(programme, r.asOf(), "public", false);
        return document.build(r, s, true, EffectDocument.DA);
    }

    /** PDF or Excel with the public (suppressed) figures. */
    @GetMapping("/effect/export/{format}")
    @PreAuthorize(STAFF)
    public ResponseEntity<byte[]> export(@PathVariable String format, @RequestParam String programme,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                  @RequestParam(required = false) String reference) {
        ReportFormat f = ReportFormat.parse(format, ReportFormat.PDF, ReportFormat.XLSX);
        var response = renderer.response(() -> publicReport(programme, asOf, reference), f, "effekt-" + programme.toLowerCase(java.util.Locale.ROOT) + "-" + reports.asOf(asOf), Disclosure.PUBLIC, programme, reference);
        audit.record(AuditAction.EXPORT, null, null, "effektrapport " + programme, f.extension() + ", offentlige tal");
        return response;
    }

    /** Publishes the public (suppressed) report for committee members. */
    @PostMapping("/effect/publish")
    @PreAuthorize(STAFF)
    String publish(@RequestParam String programme, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                   @RequestParam(required = false) String reference, RedirectAttributes redirect) {
        String code = EffectReportService.programme(programme);
        long id = publisher.publish(REPORT_KEY + code, publicReport(code, asOf, reference));
        redirect.addFlashAttribute("flash", messages.message("outcomes.published"));
        return "redirect:/reports/" + id;
    }
}
