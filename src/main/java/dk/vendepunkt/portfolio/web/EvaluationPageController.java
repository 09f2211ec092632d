package dk.vendepunkt.portfolio.web;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.FormInput;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.portfolio.internal.Departments;
import dk.vendepunkt.portfolio.internal.EvaluationService;
import dk.vendepunkt.portfolio.internal.InitiativeService;
import dk.vendepunkt.portfolio.internal.PrioritisationService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
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

/** Self-evaluation and follow-up forms (draft → submitted → reviewed) and the departments' prioritisations. */
@Controller
@PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
class EvaluationPageController {

    private final EvaluationService evaluations;
    private final PrioritisationService prioritisations;
    private final InitiativeService initiatives;
    private final FormErrors formErrors;
    private final PortfolioPageController pages;

    EvaluationPageController(EvaluationService evaluations, PrioritisationService prioritisations, InitiativeService initiatives,
                             FormErrors formErrors, PortfolioPageController pages) {
        this.evaluations = evaluations;
        this.prioritisations = prioritisations;
        this.initiatives = initiatives;
        this.formErrors = formErrors;
        this.pages = pages;
    }

    // ------------------------------------------------------------------ evaluations

    @PostMapping("/portfolio/initiatives/{id}/evaluations")
    String create(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FormInput in = new FormInput(form);
        try {
            var n = new EvaluationService.NewEvaluation(in.enumValue("kind", EvaluationService.Kind.class), in.text("period"));
            in.throwIfProblems();
            long e = evaluations.create(id, n);
            redirect.addFlashAttribute("flash", formErrors.message("pf.evaluation.created"));
            return "redirect:/portfolio/evaluations/" + e;
        } catch (ValidationException e) {
            model.addAttribute("evaluationErrors", PortfolioPageController.errors(e, formErrors, response));
            return pages.initiative(id, model);
        }
    }

    @GetMapping("/portfolio/evaluations")
    String waiting(Model model) {
        model.addAttribute("waiting", evaluations.submitted());
        model.addAttribute("names", names());
        return "portfolio/evaluations";
    }

    private Map<Long, String> names() {
        Map<Long, String> m = new LinkedHashMap<>();
        initiatives.all().forEach(i -> m.put(i.id(), i.name()));
        return m;
    }

    @GetMapping("/portfolio/evaluations/{id}")
    String page(@PathVariable long id, Model model) {
        var d = evaluations.details(id);
        model.addAttribute("d", d);
        model.addAttribute("e", d.evaluation());
        model.addAttribute("initiative", initiatives.get(d.evaluation().initiativeId()));
        model.addAttribute("ownSubmission", CurrentUser.username().equals(d.evaluation().submittedBy()));
        return "portfolio/evaluation";
    }

    private String redo(long id, RuntimeException e, Model model, HttpServletResponse response, Map<String, String> form) {
        model.addAttribute("errors", PortfolioPageController.errors(e, formErrors, response));
        model.addAttribute("form", form);
        return page(id, model);
    }

    /** Saves the answers; with {@code action=submit} submits the form afterwards. */
    @PostMapping("/portfolio/evaluations/{id}")
    String save(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam(defaultValue = "save") String action,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FormInput in = new FormInput(form);
        try {
            Integer version = in.integer("version");
            in.throwIfProblems();
            Map<String, String> answers = new LinkedHashMap<>();
            for (String q : evaluations.get(id).kind().questions()) answers.put(q, in.text(q));
            evaluations.save(id, new EvaluationService.AnswersChange(answers, version));
            if ("submit".equals(action)) {
                evaluations.submit(id, evaluations.get(id).version());
                redirect.addFlashAttribute("flash", formErrors.message("pf.evaluation.submitted"));
            } else {
                redirect.addFlashAttribute("flash", formErrors.message("pf.evaluation.saved"));
            }
            return "redirect:/portfolio/evaluations/" + id;
        } catch (ValidationException | ConflictException e) {
            return redo(id, e, model, response, form);
        }
    }

    @PostMapping("/portfolio/evaluations/{id}/review")
    @PreAuthorize(InitiativeService.ANALYST)
    String review(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam(defaultValue = "review") String action,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        FormInput in = new FormInput(form);
        try {
            Integer version = in.integer("version");
            in.throwIfProblems();
            int v = version == null ? -1 : version;
            if ("return".equals(action)) {
                evaluations.returnToDraft(id, v, in.text("comment"));
                redirect.addFlashAttribute("flash", formErrors.message("pf.evaluation.returned"));
            } else {
                evaluations.review(id, v, in.text("comment"));
                redirect.addFlashAttribute("flash", formErrors.message("pf.evaluation.reviewed"));
            }
            return "redirect:/portfolio/evaluations/" + id;
        } catch (ValidationException | ConflictException e) {
            return redo(id, e, model, response, null);
        }
    }

    // ------------------------------------------------------------------ prioritisations

    @GetMapping("/portfolio/prioritisations")
    String prioritisations(@RequestParam(required = false) Integer year, Model model) {
        int y = year == null ? pages.defaultYear() : year;
        model.addAttribute("year", y);
        model.addAttribute("years", initiatives.years());
        List<PrioritisationService.Prioritisation> list = prioritisations.forYear(y);
        model.addAttribute("list", list);
        model.addAttribute("missing", Departments.CODES.stream().filter(d -> list.stream().noneMatch(p -> p.department().equals(d))).toList());
        return "portfolio/prioritisations";
    }

    @GetMapping("/portfolio/prioritisations/{department}/{year}")
    String prioritisation(@PathVariable String department, @PathVariable int year, Model model) {
        if (!Departments.valid(department)) throw new dk.vendepunkt.platform.NotFoundException("portfolio.error.department");
        var existing = prioritisations.get(department, year);
        model.addAttribute("department", department);
        model.addAttribute("departmentLabel", Departments.label(department));
        model.addAttribute("year", year);
        model.addAttribute("p", existing.orElse(null));
        model.addAttribute("own", initiatives.list(new InitiativeService.Filter(department, null, null, null, null, "name"), 0, 500).items());
        if (!model.containsAttribute("rows")) {
            List<String[]> rows = new ArrayList<>();
            for (var kind : PrioritisationService.Kind.values()) {
                List<PrioritisationService.Item> items = existing.map(p -> kind == PrioritisationService.Kind.MOST ? p.most() : p.least()).orElse(List.of());
                for (int n = 0; n < PrioritisationService.MAX; n++) {
                    var it = n < items.size() ? items.get(n) : null;
                    rows.add(new String[]{kind.name(), it == null ? "" : "" + it.initiativeId(), it == null ? "" : it.reason()});
                }
            }
            model.addAttribute("rows", rows);
        }
        return "portfolio/prioritisation";
    }

    @PostMapping("/portfolio/prioritisations/{department}/{year}")
    @PreAuthorize(InitiativeService.ANALYST)
    String savePrioritisation(@PathVariable String department, @PathVariable int year, @RequestParam Map<String, String> form, Model model,
                              RedirectAttributes redirect, HttpServletResponse response) {
        FormInput in = new FormInput(form);
        List<PrioritisationService.ItemChange> items = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (var kind : PrioritisationService.Kind.values()) {
            for (int n = 0; n < PrioritisationService.MAX; n++) {
                String key = kind.name().toLowerCase() + n;
                Long initiative = in.id(key);
                String reason = in.text(key + "reason");
                rows.add(new String[]{kind.name(), initiative == null ? "" : "" + initiative, reason == null ? "" : reason});
                if (initiative != null) items.add(new PrioritisationService.ItemChange(kind, initiative, reason));
            }
        }
        try {
            Integer version = in.integer("version");
            in.throwIfProblems();
            prioritisations.save(department, year, new PrioritisationService.PrioritisationChange(in.text("note"), items, version));
            redirect.addFlashAttribute("flash", formErrors.message("pf.prioritisation.saved"));
            return "redirect:/portfolio/prioritisations?year=" + year;
        } catch (ValidationException | ConflictException e) {
            model.addAttribute("errors", PortfolioPageController.errors(e, formErrors, response));
            model.addAttribute("rows", rows);
            model.addAttribute("note", in.text("note"));
            return prioritisation(department, year, model);
        }
    }
}
