package dk.vendepunkt.people.web;

import dk.vendepunkt.people.internal.BreakGlassService;
import dk.vendepunkt.people.internal.RestrictionService;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The administrator's and DPO's restriction pages, and the DPO's break-the-glass review: under {@code /dpo/} with
 * the DPO's own page ({@code /dpo}, {@code DpoPageController}). Their former addresses under {@code /privacy/}
 * answer with a permanent redirect.
 */
@Controller
class PrivacyPageController {

    private final RestrictionService restrictions;
    private final BreakGlassService breakGlass;
    private final FormErrors formErrors;

    PrivacyPageController(RestrictionService restrictions, BreakGlassService breakGlass, FormErrors formErrors) {
        this.restrictions = restrictions;
        this.breakGlass = breakGlass;
        this.formErrors = formErrors;
    }

    @GetMapping("/dpo/restrictions")
    String restrictions(Model model) {
        model.addAttribute("active", restrictions.active());
        return "people/restrictions";
    }

    /** Finds the person by exact CPR (a POST, so the number stays out of URLs and logs). */
    @PostMapping("/dpo/restrictions/lookup")
    String lookup(@RequestParam(required = false) String cpr, Model model) {
        try {
            Optional<Long> id = restrictions.findByCpr(cpr);
            if (id.isPresent()) return "redirect:/dpo/restrictions/persons/" + id.get();
            model.addAttribute("errors", Map.of("cpr", formErrors.message("restriction.lookup.none")));
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
        }
        return restrictions(model);
    }

    @GetMapping("/dpo/restrictions/persons/{id}")
    String person(@PathVariable long id, Model model) {
        model.addAttribute("list", restrictions.forPerson(id));
        model.addAttribute("person", restrictions.person(id));
        model.addAttribute("kinds", RestrictionService.Kind.values());
        return "people/restriction";
    }

    /** The form sends {@code allowedUsernames} as one text, names separated by commas or spaces. */
    @PostMapping("/dpo/restrictions/persons/{id}")
    String restrict(@PathVariable long id, @RequestParam(required = false) String kind, @RequestParam(required = false) String username,
                    @RequestParam(required = false) String allowedUsernames, @RequestParam(required = false) String reason,
                    Model model, RedirectAttributes redirect) {
        List<String> allowed = allowedUsernames == null ? List.of() : Arrays.stream(allowedUsernames.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        Map<String, String> errors = formErrors.attempt(() -> restrictions.set(id, new RestrictionService.NewRestriction(kind, username, allowed, reason)));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message("restriction.saved"));
            return "redirect:/dpo/restrictions/persons/" + id;
        }
        model.addAttribute("errors", errors);
        model.addAttribute("form", Map.of("kind", kind == null ? "" : kind, "username", username == null ? "" : username,
                "allowedUsernames", allowedUsernames == null ? "" : allowedUsernames, "reason", reason == null ? "" : reason));
        return person(id, model);
    }

    @PostMapping("/dpo/restrictions/persons/{id}/{restrictionId}/lift")
    String lift(@PathVariable long id, @PathVariable long restrictionId, @RequestParam(required = false) String reason,
                Model model, RedirectAttributes redirect) {
        Map<String, String> errors = suffixed(formErrors.attempt(() -> restrictions.lift(id, restrictionId, reason)), restrictionId);
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message("restriction.liftedFlash"));
            return "redirect:/dpo/restrictions/persons/" + id;
        }
        model.addAttribute("liftErrors", errors);
        return person(id, model);
    }

    @GetMapping("/dpo/break-glass")
    String review(@RequestParam(defaultValue = "false") boolean all, Model model) {
        model.addAttribute("all", all);
        model.addAttribute("lines", breakGlass.reviewList(all));
        model.addAttribute("outcomes", List.of(BreakGlassService.Review.ACCEPTED, BreakGlassService.Review.REPORTED));
        return "people/break-glass-review";
    }

    @PostMapping("/dpo/break-glass/{grantId}/review")
    String decide(@PathVariable long grantId, @RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
                  Model model, RedirectAttributes redirect) {
        Map<String, String> errors = suffixed(formErrors.attempt(() -> breakGlass.review(grantId, new BreakGlassService.ReviewDecision(outcome, note))), grantId);
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message("breakGlass.reviewedFlash"));
            return "redirect:/dpo/break-glass";
        }
        model.addAttribute("reviewErrors", errors);
        return review(false, model);
    }

    /** The pages' former addresses (before they were gathered under /dpo): bookmarks still arrive. */
    @GetMapping({"/privacy/restrictions", "/privacy/restrictions/persons/{id}", "/privacy/break-glass"})
    RedirectView formerAddress(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length()).substring("/privacy".length());
        RedirectView view = new RedirectView("/dpo" + path + (request.getQueryString() == null ? "" : "?" + request.getQueryString()), true);
        view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        return view;
    }

    /** A page with one form per row keys each field's error by its row's id ("note-17"), as the fields' ids are. */
    private static Map<String, String> suffixed(Map<String, String> errors, long rowId) {
        Map<String, String> out = new LinkedHashMap<>();
        errors.forEach((k, v) -> out.put(k + "-" + rowId, v));
        return out;
    }
}
