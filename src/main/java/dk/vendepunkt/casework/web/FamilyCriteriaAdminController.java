package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.internal.FamilyCriteria;
import dk.vendepunkt.platform.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
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

/** The administrator's page of the family programme's inclusion criteria: add, rename, move up/down, deactivate, reactivate. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class FamilyCriteriaAdminController {

    private final FamilyCriteria criteria;
    private final FormErrors formErrors;

    FamilyCriteriaAdminController(FamilyCriteria criteria, FormErrors formErrors) {
        this.criteria = criteria;
        this.formErrors = formErrors;
    }

    @GetMapping("/admin/family-criteria")
    String page(Model model) {
        model.addAttribute("criteria", criteria.rows());
        return "family/criteria-admin";
    }

    @PostMapping("/admin/family-criteria")
    String add(@RequestParam(required = false) String name, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return done(formErrors.attempt(() -> criteria.add(name)), "new-name", "familyCriteria.added", model, redirect, response);
    }

    @PostMapping("/admin/family-criteria/{code}")
    String rename(@PathVariable String code, @RequestParam(required = false) String name, @RequestParam(required = false) Integer version,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return done(formErrors.attempt(() -> criteria.rename(code, name, version)), "name-" + code, "familyCriteria.saved", model,
                redirect, response);
    }

    @PostMapping("/admin/family-criteria/{code}/active")
    String active(@PathVariable String code, @RequestParam boolean active, @RequestParam(required = false) Integer version,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return done(formErrors.attempt(() -> criteria.setActive(code, active, version)), "name-" + code,
                active ? "familyCriteria.activated" : "familyCriteria.deactivated", model, redirect, response);
    }

    @PostMapping("/admin/family-criteria/{code}/move")
    String move(@PathVariable String code, @RequestParam boolean up, RedirectAttributes redirect) {
        criteria.move(code, up);
        redirect.addFlashAttribute("flash", formErrors.message("familyCriteria.moved"));
        return "redirect:/admin/family-criteria";
    }

    /** Back to the list, or the page again with the form's errors under its name field's id. */
    private String done(Map<String, String> errors, String fieldId, String message, Model model, RedirectAttributes redirect,
                        HttpServletResponse response) {
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message(message));
            return "redirect:/admin/family-criteria";
        }
        response.setStatus(errors.containsKey("version") ? 409 : 400);
        Map<String, String> keyed = new LinkedHashMap<>();
        keyed.put(fieldId, String.join(" ", errors.values()));
        model.addAttribute("errors", keyed);
        return page(model);
    }
}
