package dk.vendepunkt.people.web;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.people.LegalBasis;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.internal.ConsentService;
import dk.vendepunkt.people.internal.PersonService;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class PersonPageController {

    static final int SEARCH_LIMIT = 100;

    private final PersonService people;
    private final FormErrors formErrors;
    private final CurrentUser currentUser;
    private final StaffDirectory staff;
    private final ConsentService consents;
    private final Clock clock;

    PersonPageController(PersonService people, FormErrors formErrors, CurrentUser currentUser, StaffDirectory staff, ConsentService consents, Clock clock) {
        this.clock = clock;
        this.consents = consents;
        this.people = people;
        this.formErrors = formErrors;
        this.currentUser = currentUser;
        this.staff = staff;
    }

    @GetMapping("/people")
    String search(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("results", q == null || q.isBlank() ? null : people.search(q, SEARCH_LIMIT));
        model.addAttribute("limit", SEARCH_LIMIT);
        return "people/search";
    }

    @GetMapping("/people/new")
    String newForm(Model model) {
        model.addAttribute("teams", staff.teams().stream().filter(t -> currentUser.teamIds().contains(t.id())).toList());
        return "people/new";
    }

    @PostMapping("/people")
    String create(PersonDirectory.NewPerson person, Model model, RedirectAttributes redirect) {
        try {
            long id = people.create(person);
            redirect.addFlashAttribute("flash", formErrors.message("person.created"));
            return "redirect:/people/" + id;
        } catch (ValidationException e) {
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("form", person);
            return newForm(model);
        }
    }

    @GetMapping("/people/{id}")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("person", people.get(id));
        model.addAttribute("consents", consents.list(id));
        model.addAttribute("legalBases", LegalBasis.values());
        model.addAttribute("today", java.time.LocalDate.now(clock));
        return "people/person";
    }

    @PostMapping("/people/{id}/consents")
    String recordConsent(@PathVariable long id, ConsentService.NewConsent consent, Model model, RedirectAttributes redirect) {
        try {
            consents.record(id, consent);
            redirect.addFlashAttribute("flash", formErrors.message("consent.saved"));
            return "redirect:/people/" + id + "#consents";
        } catch (ValidationException e) {
            model.addAttribute("consentErrors", formErrors.of(e));
            model.addAttribute("consentForm", consent);
        }
        return page(id, model);
    }

    @PostMapping("/people/{id}/consents/{consentId}/withdrawal")
    String withdrawConsent(@PathVariable long id, @PathVariable long consentId,
                           @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate withdrawnOn,
                           Model model, RedirectAttributes redirect) {
        Map<String, String> errors = formErrors.attempt(() -> consents.withdraw(id, consentId, withdrawnOn));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message("consent.withdrawn"));
            return "redirect:/people/" + id + "#consents";
        }
        model.addAttribute("consentErrors", errors);
        return page(id, model);
    }

    @PostMapping("/people/{id}")
    String update(@PathVariable long id, PersonService.PersonChange change, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = formErrors.attempt(() -> people.update(id, change));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", formErrors.message("person.saved"));
            return "redirect:/people/" + id;
        }
        model.addAttribute("errors", errors);
        return page(id, model);
    }

    /**
     * htmx: replaces the masked CPR with the full number; audited with the reason. Without a sufficient reason
     * the form comes back with the message: 400, except for htmx, which swaps only successful answers.
     */
    @PostMapping("/people/{id}/cpr")
    String reveal(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
                  @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx,
                  jakarta.servlet.http.HttpServletResponse response) {
        try {
            model.addAttribute("cpr", people.revealCpr(id, reason));
        } catch (ValidationException e) {
            if (!"true".equals(htmx)) response.setStatus(400);
            model.addAttribute("reasonError", String.join(" ", formErrors.of(e).values()));
            model.addAttribute("reason", reason);
            model.addAttribute("person", people.get(id));
        }
        return "people/person :: cpr";
    }
}
