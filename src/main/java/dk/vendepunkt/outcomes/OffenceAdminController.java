package dk.vendepunkt.outcomes;

import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The offence table for administrators: {@code /admin/offences} and {@code /api/v1/admin/offences}. */
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

    @Operation(summary = "The offence table (offence code → SSP level 1–4)")
    @GetMapping("/api/v1/admin/offences")
    @ResponseBody
    List<OffenceTable.Offence> list() {
        return offences.all();
    }

    @Operation(summary = "Add an offence code")
    @PostMapping("/api/v1/admin/offences")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    OffenceTable.Offence add(@RequestBody OffenceTable.OffenceChange c) {
        offences.create(c);
        return offences.get(c.code().trim());
    }

    @Operation(summary = "Change an offence code's description and level (send the version read; 409 when stale). Events whose level came from the table follow.")
    @PutMapping("/api/v1/admin/offences/{code}")
    @ResponseBody
    OffenceTable.Offence change(@PathVariable String code, @RequestBody OffenceTable.OffenceChange c) {
        offences.update(code, c);
        return offences.get(code);
    }

    @Operation(summary = "Delete an offence code no event took its level from")
    @DeleteMapping("/api/v1/admin/offences/{code}")
    @ResponseBody
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String code, @RequestParam int version) {
        offences.delete(code, version);
    }
}
