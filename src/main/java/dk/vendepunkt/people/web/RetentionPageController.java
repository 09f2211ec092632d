package dk.vendepunkt.people.web;

import dk.vendepunkt.people.internal.RetentionService;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's retention page: what the rules delete or pseudonymise at a chosen date, and the job run
 * now (as of today, after a confirmation) — the same run as the nightly job and {@code POST /api/v1/admin/retention/run}.
 */
@Controller
class RetentionPageController {

    private final RetentionService retention;
    private final FormErrors formErrors;

    RetentionPageController(RetentionService retention, FormErrors formErrors) {
        this.retention = retention;
        this.formErrors = formErrors;
    }

    @GetMapping("/admin/retention")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf, Model model) {
        model.addAttribute("preview", retention.preview(asOf == null ? retention.today() : asOf));
        return "people/retention-admin";
    }

    @PostMapping("/admin/retention/run")
    String run(@RequestParam(defaultValue = "false") boolean confirm, Model model, RedirectAttributes redirect) {
        if (!confirm) {
            model.addAttribute("errors", formErrors.of(ValidationException.of("confirm", "retention.run.confirm.required")));
            return page(null, model);
        }
        RetentionService.Preview done = retention.run(retention.today());
        int n = done.categories().stream().mapToInt(RetentionService.Category::count).sum();
        redirect.addFlashAttribute("flash", formErrors.message("retention.run.done", n));
        return "redirect:/admin/retention";
    }
}
