package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.domain.Channel;
import dk.vendepunkt.casework.domain.ClosureReason;
import dk.vendepunkt.casework.domain.FollowUpStatus;
import dk.vendepunkt.casework.domain.Programme;
import dk.vendepunkt.casework.domain.ScreeningDecision;
import dk.vendepunkt.casework.domain.ScreeningPolicy;
import dk.vendepunkt.casework.internal.AssessmentService;
import dk.vendepunkt.casework.internal.EnrolmentService;
import dk.vendepunkt.casework.internal.FollowUpService;
import dk.vendepunkt.casework.internal.ProgrammeCatalogue;
import dk.vendepunkt.casework.internal.ProgrammeDashboard;
import dk.vendepunkt.casework.internal.ReferralService;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.casework.internal.ConsentTasks;
import dk.vendepunkt.people.Disclosures;
import dk.vendepunkt.people.LegalBases;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.FormInput;
import dk.vendepunkt.platform.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The casework pages: referral, screening, forløb overview with phase changes, closure, follow-up forms. */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
class CaseworkPageController {

    private final ReferralService referrals;
    private final EnrolmentService enrolments;
    private final FollowUpService followUps;
    private final ProgrammeCatalogue programmes;
    private final ProgrammeDashboard dashboard;
    private final PersonDirectory people;
    private final CurrentUser currentUser;
    private final StaffDirectory staff;
    private final FormErrors formErrors;
    private final AssessmentService assessments;
    private final ConsentTasks consentTasks;
    private final Disclosures disclosures;
    private final LegalBases legalBases;
    private final Clock clock;

    CaseworkPageController(ReferralService referrals, EnrolmentService enrolments, FollowUpService followUps, ProgrammeCatalogue programmes,
                           ProgrammeDashboard dashboard, PersonDirectory people, CurrentUser currentUser,
                           StaffDirectory staff, FormErrors formErrors, AssessmentService assessments, ConsentTasks consentTasks,
                           Disclosures disclosures, LegalBases legalBases, Clock clock) {
        this.clock = clock;
        this.consentTasks = consentTasks;
        this.disclosures = disclosures;
        this.legalBases = legalBases;
        this.assessments = assessments;
        this.referrals = referrals;
        this.enrolments = enrolments;
        this.followUps = followUps;
        this.programmes = programmes;
        this.dashboard = dashboard;
        this.people = people;
        this.currentUser = currentUser;
        this.staff = staff;
        this.formErrors = formErrors;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- referral -------------------------------------------------------------------------------------------

    @GetMapping("/referrals/new")
    String newReferral(@RequestParam(required = false) String q, @RequestParam(required = false) Long personId, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("results", q == null || q.isBlank() ? null : people.search(q, 20));
        if (personId != null) model.addAttribute("chosen", people.read(personId, "henvisning"));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ReferralService.NewReferral(personId, null, null, null, null, null, null, null, "EXIT", null,
                    null, today(), null, null, null, null));
        }
        model.addAttribute("programmes", referrals.referable());
        model.addAttribute("teams", staff.teams().stream().filter(t -> currentUser.teamIds().contains(t.id())).toList());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("legalBases", legalBases.all());
        return "casework/referral-new";
    }

    @PostMapping("/referrals")
    String register(ReferralService.NewReferral form, Model model, RedirectAttributes redirect) {
        try {
            FormInput.throwIfUnreadable();
            long id = referrals.register(form);
            redirect.addFlashAttribute("flash", formErrors.message("referral.created"));
            return "redirect:/referrals/" + id;
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("form", form);
            return newReferral(null, form.personId(), model);
        }
    }

    @GetMapping("/referrals/{id}")
    String referral(@PathVariable long id, Model model) {
        ReferralService.ReferralDetails r = referrals.get(id);
        model.addAttribute("referral", r);
        Programme programme = programmes.get(r.programme());
        long ongoing = dashboard.ongoingCount(r.programme());
        model.addAttribute("programme", programme);
        model.addAttribute("ongoing", ongoing);
        model.addAttribute("capacityReached", ScreeningPolicy.capacityReached(ongoing, programme.capacityPerYear()));
        model.addAttribute("coordinators", referrals.coordinators());
        model.addAttribute("decisions", ScreeningDecision.values());
        if (!model.containsAttribute("screening")) {
            model.addAttribute("screening", new ReferralService.Screening(r.gangRelated(), null, null, null, today(), null, r.version()));
        }
        return "casework/referral";
    }

    @PostMapping("/referrals/{id}/screening")
    String screen(@PathVariable long id, ReferralService.Screening screening, Model model, RedirectAttributes redirect) {
        try {
            FormInput.throwIfUnreadable();
            ReferralService.ScreeningResult result = referrals.screen(id, screening);
            redirect.addFlashAttribute("flash", formErrors.message("screening.saved." + result.status()));
            return result.enrolmentId() != null ? "redirect:/enrolments/" + result.enrolmentId() : "redirect:/referrals/" + id;
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
        } catch (ConflictException e) {
            model.addAttribute("errors", formErrors.of(e));
        }
        model.addAttribute("screening", screening);
        return referral(id, model);
    }

    // ---- forløb ---------------------------------------------------------------------------------------------

    @GetMapping("/enrolments/{id}")
    String enrolment(@PathVariable long id, Model model) {
        EnrolmentService.EnrolmentDetails d = enrolments.get(id);
        model.addAttribute("details", d);
        model.addAttribute("enrolment", d.enrolment());
        model.addAttribute("coordinators", referrals.coordinators());
        model.addAttribute("statuses", FollowUpStatus.values());
        model.addAttribute("today", today());
        model.addAttribute("consentTasks", consentTasks.openFor(id));
        model.addAttribute("resolutions", ConsentTasks.Resolution.values());
        model.addAttribute("disclosures", disclosures.forPerson(d.enrolment().personId()));
        return "casework/enrolment";
    }

    /** Resolves the task a withdrawn consent gave the forløb: another basis found, or the processing ended. */
    @PostMapping("/enrolments/{id}/consent-tasks/{taskId}")
    String resolveConsentTask(@PathVariable long id, @PathVariable long taskId, @RequestParam(required = false) String resolution,
                              @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = formErrors.attempt(() -> consentTasks.resolve(id, taskId, resolution, note));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message("consentTask.resolved"));
            return "redirect:/enrolments/" + id;
        }
        Map<String, String> keyed = new java.util.LinkedHashMap<>();
        errors.forEach((k, v) -> keyed.put(k.equals("resolution") ? "resolution-" + taskId : k.equals("resolutionNote") ? "resolutionNote-" + taskId : k, v));
        model.addAttribute("taskErrors", keyed);
        return enrolment(id, model);
    }

    @PostMapping("/enrolments/{id}/phase")
    String changePhase(@PathVariable long id, EnrolmentService.PhaseMove move, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = formErrors.attempt(() -> enrolments.changePhase(id, move));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message("enrolment.phase.saved"));
            return "redirect:/enrolments/" + id;
        }
        model.addAttribute("errors", errors);
        model.addAttribute("move", move);
        return enrolment(id, model);
    }

    @PostMapping("/enrolments/{id}")
    String update(@PathVariable long id, EnrolmentService.Change change, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = formErrors.attempt(() -> enrolments.update(id, change));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message("enrolment.saved"));
            return "redirect:/enrolments/" + id;
        }
        model.addAttribute("errors", errors);
        return enrolment(id, model);
    }

    @GetMapping("/enrolments/{id}/closure")
    String closure(@PathVariable long id, Model model) {
        EnrolmentService.EnrolmentDetails d = enrolments.get(id);
        model.addAttribute("details", d);
        model.addAttribute("enrolment", d.enrolment());
        model.addAttribute("reasons", ClosureReason.values());
        model.addAttribute("comparison", assessments.againstBaseline(d.enrolment().ref()).orElse(null));
        if (!model.containsAttribute("closure")) {
            model.addAttribute("closure", new EnrolmentService.Closure(null, today(), null, d.enrolment().version(), java.util.List.of()));
        }
        if (!d.enrolment().ref().closed()) {
            model.addAttribute("looseEnds", enrolments.looseEnds(id).stream()
                    .map(l -> new LooseEndChoice(l.key(), enrolments.describe(l))).toList());
        }
        return "casework/closure";
    }

    /** A loose end on the closure form: its key and its description. */
    record LooseEndChoice(String key, String label) {}

    @PostMapping("/enrolments/{id}/closure")
    String close(@PathVariable long id, EnrolmentService.Closure closure, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = formErrors.attempt(() -> enrolments.close(id, closure));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message("closure.saved"));
            return "redirect:/enrolments/" + id + "/closure";
        }
        model.addAttribute("errors", errors);
        model.addAttribute("closure", closure);
        return closure(id, model);
    }

    @PostMapping("/enrolments/{id}/closure/amendment")
    String amendClosure(@PathVariable long id, EnrolmentService.Amendment amendment, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = formErrors.attempt(() -> enrolments.amendClosure(id, amendment));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message("closure.amend.saved"));
            return "redirect:/enrolments/" + id + "/closure";
        }
        model.addAttribute("errors", errors);
        model.addAttribute("amendment", amendment);
        return closure(id, model);
    }

    // ---- follow-ups -----------------------------------------------------------------------------------------

    /** Records a follow-up from the caseload or the forløb page; errors are shown at the task's form after the redirect. */
    @PostMapping("/follow-ups/{id}")
    String recordFollowUp(@PathVariable long id, FollowUpService.Entry entry, @RequestParam(required = false) String from,
                          @RequestParam(required = false) Long enrolmentId, @RequestParam(defaultValue = "false") boolean confirmOutsideWindow,
                          RedirectAttributes redirect) {
        redirect.addFlashAttribute("followUpEntry", entry); // shown again at the task's form when it is refused
        return followUpForm(id, () -> followUps.record(id, entry, confirmOutsideWindow), "followUp.saved", from, enrolmentId, redirect);
    }

    /** Corrects a recorded follow-up from the forløb page; errors are shown at the task's correction form after the redirect. */
    @PostMapping("/follow-ups/{id}/correction")
    String correctFollowUp(@PathVariable long id, FollowUpService.Correction correction, @RequestParam(required = false) Long enrolmentId,
                           @RequestParam(defaultValue = "false") boolean confirmOutsideWindow, RedirectAttributes redirect) {
        redirect.addFlashAttribute("followUpEntry", correction); // shown again at the task's form when it is refused
        return followUpForm(id, () -> followUps.correct(id, correction, confirmOutsideWindow), "followUp.corrected", "enrolment", enrolmentId,
                redirect);
    }

    private String followUpForm(long id, Runnable save, String savedCode, String from, Long enrolmentId, RedirectAttributes redirect) {
        try {
            FormInput.throwIfUnreadable();
            save.run();
            redirect.addFlashAttribute("flash", formErrors.message(savedCode));
        } catch (ValidationException e) {
            // the form's fields carry the task id (several forms on one page): link the messages to them
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            formErrors.of(e).forEach((field, message) -> errors.put(field + "-" + id, message));
            redirect.addFlashAttribute("followUpErrors", errors);
            redirect.addFlashAttribute("followUpErrorId", id);
            // a date outside the measurement window is a warning: the form then offers to save it anyway
            redirect.addFlashAttribute("followUpOutsideWindow",
                    e.problems().stream().anyMatch(p -> FollowUpService.OUTSIDE_WINDOW.equals(p.code())));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("followUpErrors", formErrors.of(e));
            redirect.addFlashAttribute("followUpErrorId", id);
        }
        return "enrolment".equals(from) && enrolmentId != null ? "redirect:/enrolments/" + enrolmentId + "#follow-ups" : "redirect:/caseload#follow-ups";
    }
}
