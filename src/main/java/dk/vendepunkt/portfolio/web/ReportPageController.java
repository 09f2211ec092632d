package dk.vendepunkt.portfolio.web;

import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.portfolio.internal.AnnualReport;
import dk.vendepunkt.portfolio.internal.InitiativeService;
import dk.vendepunkt.portfolio.internal.PortfolioDisclosure;
import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.ReportFormat;
import dk.vendepunkt.reporting.ReportPublisher;
import dk.vendepunkt.reporting.ReportRenderer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The annual Sikker By report: preview, downloads (HTML, PDF, Excel) and publication for READERs at /reports. */
@Controller
@Tag(name = "Portfolio")
@PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
class ReportPageController {

    private final AnnualReport reports;
    private final ReportRenderer renderer;
    private final ReportPublisher publisher;
    private final PortfolioPageController pages;
    private final InitiativeService initiatives;
    private final FormErrors messages;
    private final PortfolioDisclosure disclosure;

    ReportPageController(AnnualReport reports, ReportRenderer renderer, ReportPublisher publisher, PortfolioPageController pages,
                         InitiativeService initiatives, FormErrors messages, PortfolioDisclosure disclosure) {
        this.disclosure = disclosure;
        this.reports = reports;
        this.renderer = renderer;
        this.publisher = publisher;
        this.pages = pages;
        this.initiatives = initiatives;
        this.messages = messages;
    }

    @GetMapping("/portfolio/report")
    String page(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? pages.defaultYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("years", initiatives.years());
        model.addAttribute("body", renderer.htmlBody(reports.build(y, true)));
        return "portfolio/report";
    }

    @GetMapping({"/portfolio/report/{year}.{format}", "/api/v1/portfolio/report/{year}.{format}"})
    @Operation(summary = "The annual Sikker By report of a year as html, pdf or xlsx; disclosure=public (default, "
            + "disclosure-controlled figures) or internal (unsuppressed, for ANALYST/PROGRAMME_MANAGER)")
    ResponseEntity<byte[]> download(@PathVariable int year, @PathVariable String format, @RequestParam(required = false) String disclosure) {
        ReportFormat f = ReportFormat.parse(format);
        boolean publicVersion = this.disclosure.publicVersion(disclosure);
        return renderer.response(() -> reports.build(year, publicVersion), f, AnnualReport.key(year) + (publicVersion ? "" : "-intern"), publicVersion ? Disclosure.PUBLIC : Disclosure.INTERNAL);
    }

    public record Published(long id, String reportKey) {}

    @PostMapping("/api/v1/portfolio/report/{year}/publish")
    @org.springframework.web.bind.annotation.ResponseBody
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "Publish the annual report of a year (frozen HTML, PDF and Excel that READERs see at /reports)")
    Published publishApi(@PathVariable int year) {
        return new Published(publisher.publish(AnnualReport.key(year), reports.build(year, true)), AnnualReport.key(year));
    }

    @PostMapping("/portfolio/report/{year}/publish")
    String publish(@PathVariable int year, RedirectAttributes redirect) {
        publisher.publish(AnnualReport.key(year), reports.build(year, true));
        redirect.addFlashAttribute("flash", messages.message("pf.report.published"));
        return "redirect:/reports";
    }
}
