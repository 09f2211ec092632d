package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.ProgressScales;
import dk.vendepunkt.casework.internal.FamilyProgressService;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The family case's progress page (issue 13 part 7): per current member the scales that apply and a form to record a
 * measurement, the measurements, and a chart per child. Post, redirect, get; a refused form is shown again under the
 * member's form with the Danish messages and the input kept. Access and audit in the service.
 */
@Controller
class FamilyProgressPageController {

    private final FamilyProgressService progress;
    private final FormErrors formErrors;
    private final Clock clock;

    FamilyProgressPageController(FamilyProgressService progress, FormErrors formErrors, Clock clock) {
        this.progress = progress;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @GetMapping("/family-cases/{id}/progress")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
        model.addAttribute("overview", progress.read(id));
        model.addAttribute("occasions", ProgressScales.Occasion.values());
        return "casework/familyprogress/progress";
    }

    @PostMapping("/family-cases/{id}/progress")
    String record(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        // the form's fields are named m<person>-<scale>-<field> on the page (one form per member and scale)
        String formName = "m" + form.getOrDefault("personId", "") + "-" + form.getOrDefault("scale", "");
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            progress.record(id, new FamilyProgressService.NewCaseMeasurement(id(form.get("personId")), blankToNull(form.get("scale")),
                    date(form.get("measuredOn")), form.get("occasion"), value(form.get("value")), form.get("note")));
            redirect.addFlashAttribute("flash", formErrors.message("familyProgress.saved"));
            return "redirect:/family-cases/" + id + "/progress";
        } catch (ValidationException e) {
            formErrors.of(e).forEach((k, v) -> errors.merge(formName + "-" + k, v, (a, b) -> a + " " + b));
        } catch (ConflictException e) {
            errors.put(formName + "-occasion", formErrors.message(e.code(), e.args()));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("openForm", formName);
        return page(id, model);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Long id(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ValidationException.of("measuredOn", "caseplan.date.invalid");
        }
    }

    private static BigDecimal value(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return new BigDecimal(s.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw ValidationException.of("value", "familyProgress.value.invalid");
        }
    }
}
