package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.domain.Programme;
import dk.vendepunkt.casework.internal.CaseloadService;
import dk.vendepunkt.casework.internal.ProgrammeCatalogue;
import dk.vendepunkt.casework.internal.ProgrammeDashboard;
import dk.vendepunkt.platform.FormErrors;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Min sagsstamme" and the programme dashboard pages. */
@Controller
class OverviewPageController {

    private final CaseloadService caseload;
    private final ProgrammeDashboard dashboard;
    private final ProgrammeCatalogue programmes;
    private final FormErrors formErrors;
    private final CaseloadExport export;

    OverviewPageController(CaseloadService caseload, ProgrammeDashboard dashboard, ProgrammeCatalogue programmes, FormErrors formErrors,
                           CaseloadExport export) {
        this.export = export;
        this.caseload = caseload;
        this.dashboard = dashboard;
        this.programmes = programmes;
        this.formErrors = formErrors;
    }

    /** Forløb per caseload page. */
    static final int PAGE_SIZE = 25;

    private Map<String, String> programmeNames() {
        return programmes.all().stream().collect(Collectors.toMap(Programme::code, Programme::name));
    }

    /** "Min sagsstamme": the forløb (searched, filtered, sorted, paged), referrals to screen and follow-up tasks as links. */
    @GetMapping("/caseload")
    @PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
    String caseload(@RequestParam(required = false) String q, @RequestParam(required = false) String programme,
                    @RequestParam(required = false) String phase, @RequestParam(required = false) Boolean needsAction,
                    @RequestParam(required = false) Boolean closed, @RequestParam(required = false) String sort,
                    @RequestParam(defaultValue = "0") int page, Model model) {
        CaseloadService.Filter filter = CaseloadService.Filter.of(q, programme, phase, needsAction, closed, sort);
        model.addAttribute("caseload", caseload.page(filter, page, PAGE_SIZE));
        model.addAttribute("filter", filter);
        model.addAttribute("query", CaseloadQuery.of(filter));
        model.addAttribute("programmeNames", programmeNames());
        model.addAttribute("programmes", programmes.all());
        model.addAttribute("phases", phaseOptions());
        model.addAttribute("sorts", CaseloadService.Sort.values());
        return "casework/caseload";
    }

    /** The phases to filter by: each code once, labelled with its names in the programmes (e.g. "Kontakt / Henvendelse og motivation"). */
    private List<Map.Entry<String, String>> phaseOptions() {
        Map<String, java.util.Set<String>> names = new java.util.LinkedHashMap<>();
        programmes.all().forEach(p -> p.phases().forEach(ph -> names.computeIfAbsent(ph.code(), k -> new java.util.LinkedHashSet<>()).add(ph.name())));
        return names.entrySet().stream().map(e -> Map.entry(e.getKey(), String.join(" / ", e.getValue()))).toList();
    }

    /** The caseload's forløb (the filter of the page, every page) as CSV or Excel; audited as one entry naming the persons. */
    @GetMapping("/caseload/export")
    @PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String q, @RequestParam(required = false) String programme,
                                  @RequestParam(required = false) String phase, @RequestParam(required = false) Boolean needsAction,
                                  @RequestParam(required = false) Boolean closed, @RequestParam(required = false) String sort,
                                  @RequestParam(defaultValue = "csv") String format) {
        CaseloadService.Filter filter = CaseloadService.Filter.of(q, programme, phase, needsAction, closed, sort);
        CaseloadExport.Format f = CaseloadExport.Format.parse(format);
        return export.response(caseload.export(filter), programmeNames(), f);
    }

    @GetMapping("/programmes")
    @PreAuthorize("hasAnyRole('PROGRAMME_MANAGER','ANALYST')")
    String programmes(Model model) {
        model.addAttribute("summaries", dashboard.summaries());
        return "casework/programmes";
    }

    @GetMapping("/programmes/{code}")
    @PreAuthorize("hasAnyRole('PROGRAMME_MANAGER','ANALYST')")
    String programme(@PathVariable String code, @RequestParam(required = false) Integer year, Model model) {
        ProgrammeDashboard.Dashboard d = dashboard.dashboard(code, year);
        model.addAttribute("d", d);
        model.addAttribute("programme", programmes.get(code));
        model.addAttribute("chartYears", d.occupancyByYear().stream().map(o -> String.valueOf(o.year()))
                .collect(Collectors.joining(",", "[", "]")));
        model.addAttribute("chartAverage", d.occupancyByYear().stream().map(o -> String.format(java.util.Locale.ROOT, "%.1f", o.averageOccupied()))
                .collect(Collectors.joining(",", "[", "]")));
        model.addAttribute("years", d.occupancyByYear().stream().map(o -> o.year()).sorted(java.util.Comparator.reverseOrder()).toList());
        return "casework/programme";
    }

    @PostMapping("/programmes/{code}/settings")
    @PreAuthorize("hasRole('PROGRAMME_MANAGER')")
    String settings(@PathVariable String code, ProgrammeCatalogue.Settings settings, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = formErrors.attempt(() -> programmes.update(code, settings));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message("programmes.settings.saved"));
            return "redirect:/programmes/" + code;
        }
        model.addAttribute("errors", errors);
        return programme(code, null, model);
    }
}
