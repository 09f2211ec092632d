package dk.vendepunkt.casework.web;

import static dk.vendepunkt.casework.web.FamilyWorkForms.date;
import static dk.vendepunkt.casework.web.FamilyWorkForms.number;
import static dk.vendepunkt.casework.web.FamilyWorkForms.version;

import dk.vendepunkt.casework.domain.FamilyAssessment;
import dk.vendepunkt.casework.domain.FamilyDepartment;
import dk.vendepunkt.casework.internal.FamilyAssessmentService;
import dk.vendepunkt.casework.internal.FamilyAssessmentService.AssessmentView;
import dk.vendepunkt.casework.internal.FamilyScreeningService;
import dk.vendepunkt.people.LegalBases;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
 * The family case's six-part assessment page ({@code /family-cases/{id}/assessment}): master data, journal summaries,
 * measures on a timeline, the children's screening, the overall assessment, completion and sharing with departments.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
class FamilyAssessmentPageController {

    private final FamilyAssessmentService assessments;
    private final FamilyWorkForms forms;
    private final LegalBases legalBases;
    private final FamilyScreeningService screenings;
    private final Clock clock;

    FamilyAssessmentPageController(FamilyAssessmentService assessments, FamilyWorkForms forms, LegalBases legalBases,
                                   FamilyScreeningService screenings, Clock clock) {
        this.assessments = assessments;
        this.screenings = screenings;
        this.forms = forms;
        this.legalBases = legalBases;
        this.clock = clock;
    }

    private static String page(long id) {
        return "/family-cases/" + id + "/assessment";
    }

    @GetMapping("/family-cases/{id}/assessment")
    String assessment(@PathVariable long id, Model model) {
        return show(assessments.read(id), model);
    }

    private String show(AssessmentView v, Model model) {
        model.addAttribute("a", v);
        model.addAttribute("screenings", screenings.forCase(v.familyCaseId()));
        model.addAttribute("timeline", FamilyTimeline.of(v.measures(), LocalDate.now(clock)));
        model.addAttribute("departments", FamilyDepartment.values());
        model.addAttribute("parts", FamilyAssessmentService.SharedPart.values());
        model.addAttribute("legalBases", legalBases.all());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("summaryMax", FamilyAssessment.SUMMARY_MAX);
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
        return "casework/family/assessment";
    }

    private String reshow(long id, Model model) {
        return show(assessments.read(id), model);
    }

    @PostMapping("/family-cases/{id}/assessment/summaries")
    String addSummary(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return forms.submit(page(id), "summary", form, model, redirect, "familywork.summary.saved",
                () -> assessments.addSummary(id, summary(form)), () -> reshow(id, model));
    }

    @PostMapping("/family-cases/{id}/assessment/summaries/{summaryId}")
    String updateSummary(@PathVariable long id, @PathVariable long summaryId, @RequestParam Map<String, String> form, Model model,
                         RedirectAttributes redirect) {
        return forms.submit(page(id), "edit" + summaryId, form, model, redirect, "familywork.summary.saved",
                () -> assessments.updateSummary(id, summaryId, summary(form), version(form.get("version"))), () -> reshow(id, model));
    }

    private static FamilyAssessment.JournalSummary summary(Map<String, String> form) {
        return new FamilyAssessment.JournalSummary(number(form.get("personId"), "personId"), form.get("department"), form.get("source"),
                date(form.get("summaryDate"), "summaryDate"), form.get("summary"));
    }

    @PostMapping("/family-cases/{id}/assessment/measures")
    String addMeasure(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return forms.submit(page(id), "measure", form, model, redirect, "familywork.measure.saved",
                () -> assessments.addMeasure(id, new FamilyAssessment.Measure(number(form.get("personId"), "personId"), form.get("department"),
                        form.get("measure"), date(form.get("from"), "from"), date(form.get("to"), "to"))), () -> reshow(id, model));
    }

    @PostMapping("/family-cases/{id}/assessment/overall")
    String writeOverall(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<Long, String> needs = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("needs-")) needs.put(Long.valueOf(k.substring("needs-".length())), v);
        });
        return forms.submit(page(id), "overall", form, model, redirect, "familywork.overall.saved",
                () -> assessments.writeOverall(id, new FamilyAssessment.Overall(form.get("resources"), form.get("challenges"), needs),
                        version(form.get("version"))), () -> reshow(id, model));
    }

    @PostMapping("/family-cases/{id}/assessment/complete")
    String complete(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return forms.submit(page(id), "complete", form, model, redirect, "familywork.assessment.completedFlash",
                () -> assessments.complete(id, date(form.get("completedOn"), "completedOn"), version(form.get("version"))),
                () -> reshow(id, model));
    }

    @PostMapping("/family-cases/{id}/assessment/share")
    String share(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return forms.submit(page(id), "share", form, model, redirect, "familywork.share.saved", () -> {
            Map<Long, Long> consents = new LinkedHashMap<>();
            form.forEach((k, v) -> {
                if (k.startsWith("consent-")) {
                    Long consent = number(v, k);
                    if (consent != null) consents.put(Long.valueOf(k.substring("consent-".length())), consent);
                }
            });
            assessments.share(id, new FamilyAssessmentService.Share(form.get("part"), form.get("department"), form.get("legalBasis"),
                    form.get("legalBasisText"), consents, date(form.get("sharedOn"), "sharedOn")));
        }, () -> reshow(id, model));
    }

    /** Part 4: a child's screening; the form's fields are {@code domain-<CODE>} (errors under {@code screening-<person>-domain-<CODE>}). */
    @PostMapping("/family-cases/{id}/assessment/screenings")
    String addScreening(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return forms.submit(page(id), "screening-" + form.get("personId"), form, model, redirect, "familyScreening.saved", () -> {
            Map<String, Integer> domains = new LinkedHashMap<>();
            form.forEach((k, v) -> {
                if (k.startsWith("domain-")) {
                    Long score = number(v, "domains[" + k.substring("domain-".length()) + "]");
                    domains.put(k.substring("domain-".length()), score == null ? null : Math.toIntExact(score));
                }
            });
            screenings.record(id, new FamilyScreeningService.NewScreening(number(form.get("personId"), "personId"),
                    date(form.get("screenedOn"), "screenedOn"), domains));
        }, () -> reshow(id, model));
    }
}
