package dk.vendepunkt.reporting.web;

import dk.vendepunkt.reporting.ReportFormat;
import dk.vendepunkt.reporting.ReportPublisher;
import dk.vendepunkt.reporting.internal.CachedReportRenderer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

/** The list of published reports (what committee members see) and their downloads. */
@Controller
@Tag(name = "Published reports", description = "Frozen, disclosure-controlled reports for committees and evaluators")
@PreAuthorize("hasAnyRole('READER','ANALYST','PROGRAMME_MANAGER')")
class ReportsController {

    private final ReportPublisher publisher;
    private final dk.vendepunkt.platform.FormErrors messages;

    ReportsController(ReportPublisher publisher, dk.vendepunkt.platform.FormErrors messages) {
        this.publisher = publisher;
        this.messages = messages;
    }

    private static boolean staff(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ANALYST") || a.getAuthority().equals("ROLE_PROGRAMME_MANAGER"));
    }

    @GetMapping("/reports")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model, Authentication auth) {
        var result = publisher.list(q, staff(auth), Math.max(0, page), 25);
        model.addAttribute("q", q);
        model.addAttribute("result", result);
        model.addAttribute("canWithdraw", staff(auth));
        model.addAttribute("pagerBase", org.springframework.web.util.UriComponentsBuilder.fromPath("/reports")
                .queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(s -> !s.isBlank())).encode().toUriString());
        return "reporting/list";
    }

    @GetMapping("/reports/{id}")
    String view(@PathVariable long id, Model model, Authentication auth) {
        model.addAttribute("publication", publisher.get(id, staff(auth)));
        model.addAttribute("body", new String(publisher.content(id, ReportFormat.HTML, staff(auth)), StandardCharsets.UTF_8));
        return "reporting/view";
    }

    @GetMapping({"/reports/{id}/{format}", "/api/v1/reports/published/{id}/{format}"})
    @Operation(summary = "Download a published report as html, pdf or xlsx")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable String format, Authentication auth) {
        ReportFormat f = ReportFormat.parse(format);
        var p = publisher.get(id, staff(auth));
        byte[] body = publisher.content(id, f, staff(auth));
        if (f == ReportFormat.HTML) {
            String doc = "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>" + CachedReportRenderer.esc(p.title())
                    + "</title><link rel=\"stylesheet\" href=\"/css/report.css\"></head><body>" + new String(body, StandardCharsets.UTF_8) + "</body></html>";
            body = doc.getBytes(StandardCharsets.UTF_8);
        }
        String name = dk.vendepunkt.platform.Texts.fileName(p.title()) + "-" + p.id() + "." + f.extension();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, f.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, (f == ReportFormat.HTML ? ContentDisposition.inline() : ContentDisposition.attachment())
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @GetMapping("/api/v1/reports/published")
    @ResponseBody
    @Operation(summary = "Published reports, newest first")
    ReportPublisher.Page api(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "25") int size, Authentication auth) {
        return publisher.list(q, staff(auth), Math.max(0, page), Math.min(Math.max(size, 1), 200));
    }

    @PostMapping("/reports/{id}/withdraw")
    @PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
    String withdraw(@PathVariable long id, @RequestParam String reason, RedirectAttributes redirect) {
        publisher.withdraw(id, reason);
        redirect.addFlashAttribute("flash", messages.message("report.withdrawn"));
        return "redirect:/reports";
    }
}
