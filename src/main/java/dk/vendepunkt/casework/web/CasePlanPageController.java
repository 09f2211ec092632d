package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.domain.ActionPlan.Action;
import dk.vendepunkt.casework.domain.ActionPlan.Goal;
import dk.vendepunkt.casework.domain.ActionStatus;
import dk.vendepunkt.casework.domain.Dkk;
import dk.vendepunkt.casework.domain.Instrument;
import dk.vendepunkt.casework.domain.LifeDomain;
import dk.vendepunkt.casework.domain.NeedLevel;
import dk.vendepunkt.casework.domain.PoolPurchase;
import dk.vendepunkt.casework.domain.ResponsibleDepartment;
import dk.vendepunkt.casework.internal.ActionPlanService;
import dk.vendepunkt.casework.internal.AssessmentService;
import dk.vendepunkt.casework.internal.EnrolmentAccess;
import dk.vendepunkt.casework.internal.EnrolmentRef;
import dk.vendepunkt.casework.internal.JournalService;
import dk.vendepunkt.casework.internal.MentorService;
import dk.vendepunkt.casework.internal.PoolService;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.FormInput;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forløb pages of the plan: needs and risk assessment, action plan with mentors, journal with
 * contacts, and pool purchases. Plain HTML forms (post, redirect, get); errors are shown on the page
 * with the form as it was filled in.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
class CasePlanPageController {

    private final EnrolmentAccess access;
    private final AssessmentService assessments;
    private final ActionPlanService plans;
    private final MentorService mentors;
    private final JournalService journal;
    private final PoolService pool;
    private final FormErrors formErrors;
    private final Clock clock;

    CasePlanPageController(EnrolmentAccess access, AssessmentService assessments, ActionPlanService plans, MentorService mentors,
                           JournalService journal, PoolService pool, FormErrors formErrors, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.assessments = assessments;
        this.plans = plans;
        this.mentors = mentors;
        this.journal = journal;
        this.pool = pool;
        this.formErrors = formErrors;
    }

    private void common(Model model, EnrolmentRef ref) {
        model.addAttribute("enrolment", access.view(ref));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("domains", LifeDomain.values());
        model.addAttribute("needLevels", NeedLevel.values());
        model.addAttribute("departments", ResponsibleDepartment.values());
        model.addAttribute("actionStatuses", ActionStatus.values());
        model.addAttribute("contactTypes", JournalService.ContactType.values());
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
    }

    /** Runs a change; on a validation error or a stale version the page is shown again with the messages and the input. */
    private String submit(long id, String page, String formName, Map<String, String> form, Model model, RedirectAttributes redirect,
                          String flashCode, Runnable change, Supplier<String> reshow) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", formErrors.message(flashCode));
            return "redirect:/enrolments/" + id + "/" + page;
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            formErrors.of(e).forEach((k, v) -> errors.put(prefixed(formName, k), v));
            model.addAttribute("errors", errors);
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of(prefixed(formName, "version"), formErrors.message(e.code(), e.args())));
        }
        model.addAttribute("form", form);
        model.addAttribute("openForm", formName);
        return reshow.get();
    }

    private static String prefixed(String formName, String field) {
        if (formName == null || field.equals("enrolment")) return field;
        // the plan's validation names positions (goals[2].actions[0].text); a form edits one goal or action
        return formName + "-" + field.replaceFirst("^goals\\[\\d+]\\.(actions\\[\\d+]\\.)?", "");
    }

    // The forms are read with platform.FormInput: every unreadable field (date, whole number, choice) is a problem of
    // its own, with the platform's message, shown next to that field; the change runs only when all could be read.

    static Boolean bool(String s) {
        return s == null || s.isBlank() ? null : Boolean.valueOf(s);
    }

    // ------------------------------------------------------------------ assessment

    @GetMapping("/enrolments/{id}/assessment")
    String assessment(@PathVariable long id, @RequestParam(required = false) Long show, @RequestParam(required = false) String instrument,
                      Model model) {
        AssessmentService.Assessments a = assessments.read(id);
        common(model, a.enrolment());
        model.addAttribute("assessments", a);
        AssessmentService.Assessment shown = show == null ? a.latest()
                : a.assessments().stream().filter(x -> x.id() == show).findFirst().orElse(a.latest());
        model.addAttribute("shown", shown);
        model.addAttribute("baseline", a.baseline());
        List<Instrument> all = assessments.instruments();
        model.addAttribute("instruments", all);
        String chosen = instrument != null ? instrument : model.getAttribute("form") instanceof Map<?, ?> f && f.get("instrumentCode") != null
                ? (String) f.get("instrumentCode") : null;
        model.addAttribute("instrument", all.stream().filter(i -> i.code().equals(chosen)).findFirst().orElse(all.getFirst()));
        if (a.latest() != null && model.getAttribute("form") instanceof Map<?, ?> f && f.isEmpty()) {
            // a re-assessment starts from the latest situation and need per domain
            Map<String, String> start = new LinkedHashMap<>();
            for (AssessmentService.DomainResult d : a.latest().domains()) {
                if (d.situation() != null) start.put("domains[" + d.domain() + "].situation", d.situation());
                start.put("domains[" + d.domain() + "].needLevel", d.needLevel().name());
            }
            model.addAttribute("form", start);
        }
        return "casework/plan/assessment";
    }

    @PostMapping("/enrolments/{id}/assessment")
    String assess(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return submit(id, "assessment", null, form, model, redirect, "caseplan.assessment.saved", () -> {
            FormInput in = new FormInput(form);
            List<Instrument.Rating> ratings = new ArrayList<>();
            for (LifeDomain d : LifeDomain.values()) {
                String prefix = "domains[" + d + "].";
                if (!form.containsKey(prefix + "needLevel")) continue;
                ratings.add(new Instrument.Rating(d, form.get(prefix + "situation"), in.enumValue(prefix + "needLevel", NeedLevel.class),
                        in.integer(prefix + "score")));
            }
            LocalDate assessedOn = in.date("assessedOn");
            in.throwIfProblems();
            assessments.create(id, new AssessmentService.NewAssessment(form.get("instrumentCode"), assessedOn, form.get("summary"), ratings));
        }, () -> assessment(id, null, form.get("instrumentCode"), model));
    }

    // ------------------------------------------------------------------ action plan and mentors

    @GetMapping("/enrolments/{id}/plan")
    String plan(@PathVariable long id, @RequestParam(required = false) Integer version, Model model) {
        ActionPlanService.PlanOverview o = plans.read(id);
        common(model, o.enrolment());
        model.addAttribute("plan", o);
        model.addAttribute("shown", version == null || o.current().map(v -> v.number() == version).orElse(true)
                ? o.current().orElse(null) : plans.version(id, version));
        model.addAttribute("mentors", mentors.read(id).mentors());
        model.addAttribute("mentorCandidates", mentors.candidates());
        return "casework/plan/plan";
    }

    /** The plan's version and the change's reason and agreement, read with the rest of the form's fields. */
    private static ActionPlanService.ChangeNote note(FormInput in, Map<String, String> form) {
        Integer v = in.integer("version");
        if (Texts.isBlank(form.get("version"))) in.problem("version", "caseplan.version.required");
        String agreed = form.get("agreed");
        return new ActionPlanService.ChangeNote(v == null ? 0 : v, form.get("reason"), agreed == null ? null : Boolean.valueOf(agreed),
                in.date("agreedOn"));
    }

    @PostMapping("/enrolments/{id}/plan/goals")
    String addGoal(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return submit(id, "plan", "goal", form, model, redirect, "caseplan.plan.saved", () -> {
            FormInput in = new FormInput(form);
            ActionPlanService.ChangeNote note = note(in, form);
            LifeDomain domain = in.enumValue("domain", LifeDomain.class);
            in.throwIfProblems();
            plans.addGoal(id, note, new Goal(domain, form.get("text"), List.of()));
        }, () -> plan(id, null, model));
    }

    @PostMapping("/enrolments/{id}/plan/actions")
    String addAction(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return submit(id, "plan", "action", form, model, redirect, "caseplan.plan.saved", () -> {
            FormInput in = new FormInput(form);
            ActionPlanService.ChangeNote note = note(in, form);
            Integer goal = in.integer("goal");
            Action action = new Action(form.get("text"), in.enumValue("department", ResponsibleDepartment.class), form.get("responsiblePerson"),
                    in.date("dueDate"), in.enumValue("status", ActionStatus.class));
            in.throwIfProblems();
            plans.addAction(id, note, goal == null ? -1 : goal, action);
        }, () -> plan(id, null, model));
    }

    @PostMapping("/enrolments/{id}/plan/progress")
    String progress(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return submit(id, "plan", "progress", form, model, redirect, "caseplan.plan.saved", () -> {
            FormInput in = new FormInput(form);
            ActionPlanService.ChangeNote note = note(in, form);
            // the chosen action is "goal:action" (the select's value): anything else names no action
            int[] ref = actionRef(form.get("action"));
            if (ref == null) in.problem("action", "caseplan.plan.action.unknown");
            ActionStatus status = in.enumValue("status", ActionStatus.class);
            LocalDate dueDate = in.date("dueDate");
            in.throwIfProblems();
            plans.progress(id, note, ref[0], ref[1], status, dueDate);
        }, () -> plan(id, null, model));
    }

    private static int[] actionRef(String value) {
        String[] ref = value == null ? new String[0] : value.split(":");
        if (ref.length != 2) return null;
        try {
            return new int[] {Integer.parseInt(ref[0].strip()), Integer.parseInt(ref[1].strip())};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @PostMapping("/enrolments/{id}/plan/remove-goal")
    String removeGoal(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return submit(id, "plan", "remove", form, model, redirect, "caseplan.plan.saved", () -> {
            FormInput in = new FormInput(form);
            ActionPlanService.ChangeNote note = note(in, form);
            Integer goal = in.integer("goal");
            in.throwIfProblems();
            plans.removeGoal(id, note, goal == null ? -1 : goal);
        }, () -> plan(id, null, model));
    }

    @PostMapping("/enrolments/{id}/mentors")
    String assignMentor(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return submit(id, "plan", "mentor", form, model, redirect, "caseplan.mentor.saved", () -> {
            FormInput in = new FormInput(form);
            MentorService.NewMentor mentor = new MentorService.NewMentor(in.enumValue("kind", MentorService.Kind.class), in.id("staffUserId"),
                    form.get("name"), form.get("organisation"), in.date("startDate"));
            in.throwIfProblems();
            mentors.assign(id, mentor);
        }, () -> plan(id, null, model));
    }

    @PostMapping("/enrolments/{id}/mentors/{mentorId}/end")
    String endMentor(@PathVariable long id, @PathVariable long mentorId, @RequestParam Map<String, String> form, Model model,
                     RedirectAttributes redirect) {
        return submit(id, "plan", "mentorend", form, model, redirect, "caseplan.mentor.ended", () -> {
            FormInput in = new FormInput(form);
            MentorService.MentorEnd end = new MentorService.MentorEnd(in.date("endDate"), in.integer("version"));
            in.throwIfProblems();
            mentors.end(id, mentorId, end);
        }, () -> plan(id, null, model));
    }

    // ------------------------------------------------------------------ journal and contacts

    @GetMapping("/enrolments/{id}/journal")
    String journal(@PathVariable long id, Model model) {
        JournalService.Journal j = journal.read(id);
        common(model, j.enrolment());
        model.addAttribute("journal", j);
        return "casework/plan/journal";
    }

    @PostMapping("/enrolments/{id}/journal")
    String addNote(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return submit(id, "journal", "note", form, model, redirect, "caseplan.note.saved", () -> {
            FormInput in = new FormInput(form);
            LocalDate noteDate = in.date("noteDate");
            in.throwIfProblems();
            journal.addNote(id, new JournalService.NewNote(noteDate, form.get("text")));
        }, () -> journal(id, model));
    }

    @PostMapping("/enrolments/{id}/contacts")
    String addContact(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return submit(id, "journal", "contact", form, model, redirect, "caseplan.contact.saved", () -> {
            FormInput in = new FormInput(form);
            JournalService.NewContact contact = new JournalService.NewContact(in.date("contactDate"),
                    in.enumValue("type", JournalService.ContactType.class), bool(form.get("attended")), form.get("note"));
            in.throwIfProblems();
            journal.addContact(id, contact);
        }, () -> journal(id, model));
    }

    @PostMapping("/enrolments/{id}/contacts/{contactId}")
    String updateContact(@PathVariable long id, @PathVariable long contactId, @RequestParam Map<String, String> form, Model model,
                         RedirectAttributes redirect) {
        return submit(id, "journal", "attendance", form, model, redirect, "caseplan.contact.saved", () -> {
            FormInput in = new FormInput(form);
            JournalService.ContactChange change = new JournalService.ContactChange(bool(form.get("attended")), null, in.integer("version"));
            in.throwIfProblems();
            journal.updateContact(id, contactId, change);
        }, () -> journal(id, model));
    }

    // ------------------------------------------------------------------ purchases

    @GetMapping("/enrolments/{id}/purchases")
    String purchases(@PathVariable long id, Model model) {
        PoolService.EnrolmentPurchases p = pool.read(id);
        common(model, p.enrolment());
        model.addAttribute("purchases", p);
        return "casework/plan/purchases";
    }

    @PostMapping("/enrolments/{id}/purchases")
    String requestPurchase(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return submit(id, "purchases", "purchase", form, model, redirect, "caseplan.purchase.saved", () -> {
            FormInput in = new FormInput(form);
            String amount = in.text("amount");
            java.math.BigDecimal value = Dkk.parse(amount).orElse(null);
            if (value == null && amount != null) in.problem("amount", "caseplan.purchase.amount.invalid");
            LocalDate requestedOn = in.date("requestedOn");
            in.throwIfProblems();
            pool.request(id, new PoolPurchase.Request(form.get("purpose"), form.get("supplier"), value, requestedOn));
        }, () -> purchases(id, model));
    }

    /** An unknown forløb, purchase or programme: the ordinary error page with 404. */
    @org.springframework.web.bind.annotation.ExceptionHandler(dk.vendepunkt.platform.NotFoundException.class)
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }
}
