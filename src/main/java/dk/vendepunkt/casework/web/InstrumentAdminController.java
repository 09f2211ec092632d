package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.domain.RiskLevel;
import dk.vendepunkt.casework.internal.InstrumentCatalogue;
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

/** Risk/need instruments as data for administrators: {@code /admin/instruments} (list and new) and {@code /admin/instruments/{code}} (edit). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class InstrumentAdminController {

    private final InstrumentCatalogue instruments;
    private final FormErrors formErrors;

    InstrumentAdminController(InstrumentCatalogue instruments, FormErrors formErrors) {
        this.instruments = instruments;
        this.formErrors = formErrors;
    }

    @GetMapping("/admin/instruments")
    String list(Model model) {
        model.addAttribute("instruments", instruments.all());
        model.addAttribute("levels", RiskLevel.values());
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of("bandLOW", "0", "active", "true"));
        return "casework/admin/instruments";
    }

    @PostMapping("/admin/instruments")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var d = instruments.create(DefinitionForms.instrument(null, form));
            redirect.addFlashAttribute("flash", formErrors.message("instruments.created", d.name()));
            return "redirect:/admin/instruments";
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("form", form);
            return list(model);
        }
    }

    @GetMapping("/admin/instruments/{code}")
    String edit(@PathVariable String code, Model model) {
        var d = instruments.find(code).orElseThrow(() -> new NotFoundException("caseplan.assessment.instrument.unknown", code));
        model.addAttribute("instrument", d);
        model.addAttribute("levels", RiskLevel.values());
        if (!model.containsAttribute("form")) model.addAttribute("form", DefinitionForms.form(d));
        return "casework/admin/instrument";
    }

    @PostMapping("/admin/instruments/{code}")
    String update(@PathVariable String code, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        try {
            var d = instruments.update(code, DefinitionForms.instrument(code, form));
            redirect.addFlashAttribute("flash", formErrors.message("instruments.saved", d.name()));
            return "redirect:/admin/instruments";
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
        } catch (ConflictException e) {
            model.addAttribute("errors", formErrors.of(e));
        }
        model.addAttribute("form", form);
        return edit(code, model);
    }
}
