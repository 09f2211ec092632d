package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.ProgressScales;
import dk.vendepunkt.casework.internal.ProgressScaleService;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Progress scales as data for administrators: {@code /admin/progress-scales} (list and new) and {@code /admin/progress-scales/{code}} (edit). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class ProgressScaleAdminController {

    private final ProgressScaleService scales;
    private final FormErrors formErrors;

    ProgressScaleAdminController(ProgressScaleService scales, FormErrors formErrors) {
        this.scales = scales;
        this.formErrors = formErrors;
    }

    private void choices(Model model) {
        model.addAttribute("kinds", ProgressScales.Kind.values());
        model.addAttribute("members", ProgressScales.Member.values());
    }

    @GetMapping("/admin/progress-scales")
    String list(Model model) {
        model.addAttribute("scales", scales.scales());
        choices(model);
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of("higherIsBetter", "true", "active", "true"));
        return "casework/admin/progress-scales";
    }

    @PostMapping("/admin/progress-scales")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var s = scales.create(DefinitionForms.scale(null, form));
            redirect.addFlashAttribute("flash", formErrors.message("progress.scales.created", s.name()));
            return "redirect:/admin/progress-scales";
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("form", form);
            return list(model);
        }
    }

    @GetMapping("/admin/progress-scales/{code}")
    String edit(@PathVariable String code, Model model) {
        var s = scales.scale(code).orElseThrow(() -> new NotFoundException("progress.scale.unknown", code));
        model.addAttribute("scale", s);
        choices(model);
        if (!model.containsAttribute("form")) model.addAttribute("form", DefinitionForms.form(s));
        return "casework/admin/progress-scale";
    }

    @PostMapping("/admin/progress-scales/{code}")
    String update(@PathVariable String code, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var s = scales.update(code, DefinitionForms.scale(code, form));
            redirect.addFlashAttribute("flash", formErrors.message("progress.scales.saved", s.name()));
            return "redirect:/admin/progress-scales";
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
        } catch (ConflictException e) {
            model.addAttribute("errors", formErrors.of(e));
        }
        model.addAttribute("form", form);
        return edit(code, model);
    }
}
