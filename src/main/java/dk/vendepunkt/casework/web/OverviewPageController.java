package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.domain.FollowUpStatus;
import dk.vendepunkt.casework.domain.Programme;
import dk.vendepunkt.casework.internal.CaseloadService;
import dk.vendepunkt.casework.internal.ProgrammeCatalogue;
import dk.vendepunkt.casework.internal.ProgrammeDashboard;
import dk.vendepunkt.platform.FormErrors;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
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
    private final Clock clock;

    OverviewPageController(CaseloadService caseload, ProgrammeDashboard dashboard, ProgrammeCatalogue programmes, FormErrors formErrors, Clock clock) {
        this.clock = clock;
        this.caseload = caseload;
        this.dashboard = dashboard;
        this.programmes = programmes;
        this.formErrors = formErrors;
    }

    /** Follow-up tasks per caseload page. */
    static final int PAGE_SIZE = 20;

    private Map<String, String> programmeNames() {
        return programmes.all().stream().collect(Collectors.toMap(Programme::code, Programme::name));
    }

    @GetMapping("/caseload")
    @PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
    String caseload(@RequestParam(defaultValue = "0") int page, Model model) {
        CaseloadService.Caseload c = caseload.mine();
        int pages = Math.max(1, (c.followUps().size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(page, 0), pages - 1);
        model.addAttribute("caseload", c);
        model.addAttribute("tasks", c.followUps().subList(p * PAGE_SIZE, Math.min(c.followUps().size(), (p + 1) * PAGE_SIZE)));
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("programmeNames", programmeNames());
        model.addAttribute("statuses", FollowUpStatus.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "casework/caseload";
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
