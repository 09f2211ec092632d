package dk.vendepunkt.outcomes.web;

import dk.vendepunkt.outcomes.internal.OffenceTable;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
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

/** The offence table for administrators: {@code /admin/offences}. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OffenceAdminController {

    private final OffenceTable offences;
    private final FormErrors formErrors;

    OffenceAdminController(OffenceTable offences, FormErrors formErrors) {
        this.offences = offences;
        this.formErrors = formErrors;
    }

    @GetMapping("/admin/offences")
    String page(Model model) {
        model.addAttribute("offences", offences.all());
        model.addAttribute("levels", List.of(1, 2, 3, 4));
        return "outcomes/offences";
    }

    @PostMapping("/admin/offences")
    String create(@RequestParam String code, @RequestParam String description, @RequestParam(required = false) Integer sspLevel,
                  Model model, RedirectAttributes redirect) {
        try {
            offences.create(new OffenceTable.OffenceChange(code, description, sspLevel, null));
            redirect.addFlashAttribute("flash", formErrors.message("outcomes.offence.created", code));
            return "redirect:/admin/offences";
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("form", Map.of("code", code, "description", description));
            return page(model);
        }
    }

    @PostMapping("/admin/offences/{code}")
    String update(@PathVariable String code, @RequestParam String description, @RequestParam(required = false) Integer sspLevel,
                  @RequestParam int version, @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
        try {
            if ("delete".equals(action)) {
                offences.delete(code, version);
                redirect.addFlashAttribute("flash", formErrors.message("outcomes.offence.deleted", code));
            } else {
                offences.update(code, new OffenceTable.OffenceChange(code, description, sspLevel, version));
                redirect.addFlashAttribute("flash", formErrors.message("outcomes.offence.saved", code));
            }
            return "redirect:/admin/offences";
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of("code-" + code, formErrors.message(e.code(), e.args())));
        }
        return page(model);
    }
}
