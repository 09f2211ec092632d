package dk.vendepunkt.casework.web;

import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the family case's assessment and plan pages: post, redirect, get; on a validation error or a stale
 * version the page is shown again with the messages (under the form's field ids) and the input as it was filled in.
 */
@Component
class FamilyWorkForms {

    private final FormErrors formErrors;

    FamilyWorkForms(FormErrors formErrors) {
        this.formErrors = formErrors;
    }

    String message(String code, Object... args) {
        return formErrors.message(code, args);
    }

    /**
     * Runs a change. Success: a flash message and a redirect to {@code page}. Failure: the errors, each under
     * {@code formName + "-" + id(field)} (a domain field {@code goals[2].goal} becomes {@code goal-2-goal},
     * {@code consents[17]} becomes {@code consent-17}, {@code domains[PEER_RELATIONS]} becomes {@code domain-PEER_RELATIONS}), the input and the open form in the model, and the page again.
     */
    String submit(String page, String formName, Map<String, String> form, Model model, RedirectAttributes redirect, String flashCode,
                  Runnable change, Supplier<String> reshow) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", formErrors.message(flashCode));
            return "redirect:" + page;
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            formErrors.of(e).forEach((k, v) -> errors.merge(formName + "-" + id(k), v, (a, b) -> a + " " + b));
            model.addAttribute("errors", errors);
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of(formName + "-version", formErrors.message(e.code(), e.args())));
        }
        model.addAttribute("form", form);
        model.addAttribute("openForm", formName);
        return reshow.get();
    }

    /** A domain field name as an element id: {@code goals[2].goal} → {@code goal-2-goal}, {@code primaryNeeds[5]} → {@code needs-5}. */
    static String id(String field) {
        return field.replaceFirst("^goals\\[(\\d+)]\\.", "goal-$1-")
                .replaceFirst("^primaryNeeds\\[(\\d+)]", "needs-$1")
                .replaceFirst("^consents\\[(\\d+)]", "consent-$1")
                .replaceFirst("^statuses\\[(\\d+)]", "status-$1")
                .replaceFirst("^domains\\[(\\w+)]", "domain-$1");
    }

    static LocalDate date(String s, String field) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "familywork.date.invalid");
        }
    }

    static Long number(String s, String field) {
        if (s == null || s.isBlank()) return null;
        try {
            return Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of(field, "familywork.number.invalid");
        }
    }

    static Integer version(String s) {
        Long v = number(s, "version");
        return v == null ? null : v.intValue();
    }
}
