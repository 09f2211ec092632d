package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.domain.ClosureReason;
import dk.vendepunkt.casework.domain.FamilyCase.FamilyChannel;
import dk.vendepunkt.casework.internal.FamilyCaseQueries;
import dk.vendepunkt.casework.internal.FamilyCaseService;
import dk.vendepunkt.casework.internal.FamilyCaseService.CaseView;
import dk.vendepunkt.casework.internal.FamilyCriteria;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The family-case pages: the list of the user's teams' cases (with the programme's occupancy), opening a case for a
 * family, the case page (family, phase with history and change, coordinator pair, the children's forløb, closure)
 * and the team leader's overview. The family model's other parts hang in the case page's {@code #family-parts}.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
class FamilyCasePageController {

    static final int PAGE_SIZE = 25;

    private final FamilyCaseService cases;
    private final FamilyCaseQueries queries;
    private final FamilyCriteria criteria;
    private final Families families;
    private final FormErrors formErrors;
    private final Clock clock;

    FamilyCasePageController(FamilyCaseService cases, FamilyCaseQueries queries, FamilyCriteria criteria, Families families,
                             FormErrors formErrors, Clock clock) {
        this.cases = cases;
        this.queries = queries;
        this.criteria = criteria;
        this.families = families;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/family-cases")
    String list(@RequestParam(required = false) String phase, @RequestParam(required = false) String q,
                @RequestParam(required = false) Long familyId, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("result", queries.list(phase, q, familyId, page, PAGE_SIZE));
        model.addAttribute("phases", queries.phases());
        model.addAttribute("phase", phase);
        model.addAttribute("q", q);
        model.addAttribute("familyId", familyId);
        StringBuilder base = new StringBuilder("/family-cases?q=").append(q == null ? "" : java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        if (phase != null) base.append("&phase=").append(java.net.URLEncoder.encode(phase, java.nio.charset.StandardCharsets.UTF_8));
        if (familyId != null) base.append("&familyId=").append(familyId);
        model.addAttribute("base", base.toString());
        return "family/cases";
    }

    @GetMapping("/family-cases/overview")
    String overview(Model model) {
        model.addAttribute("teams", queries.overview());
        model.addAttribute("phaseDays", queries.phaseDays());
        model.addAttribute("phases", queries.phases());
        return "family/overview";
    }

    @GetMapping("/family-cases/new")
    String newForm(@RequestParam long familyId, Model model) {
        model.addAttribute("family", families.read(familyId));
        model.addAttribute("teams", queries.myTeams());
        model.addAttribute("channels", FamilyChannel.values());
        model.addAttribute("criteria", criteria.active());
        model.addAttribute("today", LocalDate.now(clock));
        return "family/case-new";
    }

    @PostMapping("/family-cases")
    String open(@RequestParam long familyId, @RequestParam(required = false) Long teamId, @RequestParam(required = false) String channel,
                @RequestParam(required = false) String reason, @RequestParam(required = false) LocalDate openedOn,
                @RequestParam(required = false) List<String> criteria, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FamilyCaseService.Opening o = new FamilyCaseService.Opening(familyId, teamId == null ? -1 : teamId, channel, reason, openedOn,
                criteria == null ? List.of() : criteria);
        try {
            long id = cases.open(o);
            redirect.addFlashAttribute("flash", formErrors.message("familyCases.opened"));
            return "redirect:/family-cases/" + id;
        } catch (ValidationException e) {
            response.setStatus(400);
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("form", o);
            return newForm(familyId, model);
        }
    }

    @GetMapping("/family-cases/{id}")
    String view(@PathVariable long id, Model model) {
        CaseView v = cases.read(id);
        model.addAttribute("fc", v);
        model.addAttribute("family", families.find(v.familyId()).orElseThrow());
        model.addAttribute("history", queries.history(id));
        model.addAttribute("nextPhases", v.closed() ? List.of() : queries.nextPhases(v.phase()));
        model.addAttribute("coordinators", queries.coordinators(v.teamId()));
        model.addAttribute("criteriaNames", criteria.all());
        model.addAttribute("reasons", ClosureReason.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "family/case";
    }

    @PostMapping("/family-cases/{id}/phase")
    String changePhase(@PathVariable long id, @RequestParam(required = false) String toPhase, @RequestParam(required = false) String reason,
                       @RequestParam(required = false) LocalDate changedOn, @RequestParam(required = false) Integer version,
                       Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return save(id, "phase", () -> cases.changePhase(id, toPhase, reason, changedOn, version), "familyCases.phase.saved",
                Map.of("toPhase", toPhase == null ? "" : toPhase, "reason", reason == null ? "" : reason), model, redirect, response);
    }

    @PostMapping("/family-cases/{id}/pair")
    String pair(@PathVariable long id, @RequestParam(required = false) Long coordinator1, @RequestParam(required = false) Long coordinator2,
                @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return save(id, "pair", () -> cases.assignPair(id, coordinator1, coordinator2, version), "familyCases.pair.saved",
                Map.of("coordinator1", coordinator1 == null ? "" : coordinator1.toString(), "coordinator2", coordinator2 == null ? "" : coordinator2.toString()),
                model, redirect, response);
    }

    @PostMapping("/family-cases/{id}/closure")
    String close(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam(required = false) LocalDate endDate,
                 @RequestParam(required = false) String summary, @RequestParam(required = false) Integer version,
                 Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return save(id, "closure", () -> cases.close(id, reason, endDate, summary, version), "familyCases.closure.saved",
                Map.of("reason", reason == null ? "" : reason, "summary", summary == null ? "" : summary), model, redirect, response);
    }

    /**
     * Runs one of the case page's forms; on a problem the page again with the form's errors under "{form}-{field}" (the
     * field ids of that form) and what was typed, 400 (409 for a stale version).
     */
    private String save(long id, String form, Runnable save, String done, Map<String, String> typed, Model model, RedirectAttributes redirect,
                        HttpServletResponse response) {
        Map<String, String> errors = formErrors.attempt(save);
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message(done));
            return "redirect:/family-cases/" + id;
        }
        response.setStatus(errors.containsKey("version") ? 409 : 400);
        Map<String, String> keyed = new LinkedHashMap<>();
        errors.forEach((k, v) -> keyed.put(form + "-" + k, v));
        model.addAttribute(form + "Errors", keyed);
        model.addAttribute(form + "Form", typed);
        return view(id, model);
    }
}
