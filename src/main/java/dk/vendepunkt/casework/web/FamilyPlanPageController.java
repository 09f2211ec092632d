package dk.vendepunkt.casework.web;

import static dk.vendepunkt.casework.web.FamilyWorkForms.date;
import static dk.vendepunkt.casework.web.FamilyWorkForms.number;
import static dk.vendepunkt.casework.web.FamilyWorkForms.version;

import dk.vendepunkt.casework.domain.FamilyDepartment;
import dk.vendepunkt.casework.domain.FamilyMeasure;
import dk.vendepunkt.casework.domain.FamilyPlan;
import dk.vendepunkt.casework.internal.FamilyPlanService;
import dk.vendepunkt.casework.internal.FamilyPlanService.PlanView;
import dk.vendepunkt.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The family action plan page ({@code /family-cases/{id}/plan}): the current version (or an older one), the history,
 * a form for a new version (starting from the current one), the family's agreement and reviews.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
class FamilyPlanPageController {

    /** Empty goal rows offered below the current goals in the new-version form. */
    static final int EXTRA_GOAL_ROWS = 2;

    private final FamilyPlanService plans;
    private final FamilyWorkForms forms;
    private final Clock clock;

    FamilyPlanPageController(FamilyPlanService plans, FamilyWorkForms forms, Clock clock) {
        this.plans = plans;
        this.forms = forms;
        this.clock = clock;
    }

    /** A goal row of the new-version form, as text. */
    record GoalRow(String personId, String goal, String department, String measure, String measureText, String deadline, String reviewOn) {}

    private static String page(long id) {
        return "/family-cases/" + id + "/plan";
    }

    @GetMapping("/family-cases/{id}/plan")
    String plan(@PathVariable long id, @RequestParam(required = false) Integer version, Model model) {
        return show(plans.read(id), version, model);
    }

    private String show(PlanView p, Integer number, Model model) {
        FamilyPlan.Version shown = number == null ? p.current().orElse(null)
                : p.history().stream().filter(v -> v.number() == number).findFirst()
                        .orElseThrow(() -> new NotFoundException("familywork.plan.versionNotFound", number));
        model.addAttribute("p", p);
        model.addAttribute("shown", shown);
        model.addAttribute("departments", FamilyDepartment.values());
        model.addAttribute("measures", FamilyMeasure.values());
        model.addAttribute("goalStatuses", FamilyPlan.GoalStatus.values());
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
        if (!model.containsAttribute("goalRows")) model.addAttribute("goalRows", rows(p));
        if (!model.containsAttribute("agreedBy")) model.addAttribute("agreedBy", List.of());
        return "casework/family/plan";
    }

    /** The form's rows: the current goals, then empty rows. */
    private static List<GoalRow> rows(PlanView p) {
        List<GoalRow> rows = new ArrayList<>();
        p.current().ifPresent(v -> v.goals().forEach(g -> rows.add(new GoalRow(String.valueOf(g.personId()), g.goal(), g.department().name(),
                g.measure().name(), g.measureText(), String.valueOf(g.deadline()), String.valueOf(g.reviewOn())))));
        for (int i = 0; i < EXTRA_GOAL_ROWS; i++) rows.add(new GoalRow(null, null, null, null, null, null, null));
        return rows;
    }

    private String reshow(long id, Model model) {
        return show(plans.read(id), null, model);
    }

    @PostMapping("/family-cases/{id}/plan/versions")
    String revise(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        List<GoalRow> rows = new ArrayList<>();
        for (int i = 0; form.containsKey("goal-" + i + "-goal"); i++) {
            String g = "goal-" + i + "-";
            rows.add(new GoalRow(form.get(g + "personId"), form.get(g + "goal"), form.get(g + "department"), form.get(g + "measure"),
                    form.get(g + "measureText"), form.get(g + "deadline"), form.get(g + "reviewOn")));
        }
        model.addAttribute("goalRows", rows);
        return forms.submit(page(id), "plan", form, model, redirect, "familywork.plan.saved", () -> {
            List<FamilyPlan.GoalInput> goals = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                GoalRow r = rows.get(i);
                String f = "goals[" + i + "].";
                goals.add(new FamilyPlan.GoalInput(number(r.personId(), f + "personId"), r.goal(), r.department(), r.measure(), r.measureText(),
                        date(r.deadline(), f + "deadline"), date(r.reviewOn(), f + "reviewOn")));
            }
            plans.revise(id, new FamilyPlanService.NewVersion(version(form.get("version")), form.get("wishes"), goals, form.get("reason")));
        }, () -> reshow(id, model));
    }

    @PostMapping("/family-cases/{id}/plan/agreement")
    String agree(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        List<String> who = params.getOrDefault("agreedBy", List.of());
        model.addAttribute("agreedBy", who);
        return forms.submit(page(id), "agreement", params.toSingleValueMap(), model, redirect, "familywork.plan.agreed", () ->
                plans.agree(id, new FamilyPlanService.NewAgreement(version(params.getFirst("version")),
                        who.stream().map(s -> number(s, "agreedBy")).toList(), date(params.getFirst("agreedOn"), "agreedOn"))),
                () -> reshow(id, model));
    }

    @PostMapping("/family-cases/{id}/plan/reviews")
    String review(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        List<String> statuses = new ArrayList<>();
        for (int i = 0; form.containsKey("status-" + i); i++) statuses.add(form.get("status-" + i));
        return forms.submit(page(id), "review", form, model, redirect, "familywork.plan.reviewed", () ->
                plans.review(id, new FamilyPlanService.NewReview(version(form.get("version")), date(form.get("reviewedOn"), "reviewedOn"),
                        form.get("notes"), statuses)), () -> reshow(id, model));
    }
}
