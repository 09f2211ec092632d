package dk.vendepunkt.people.web;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.people.ConsentGiver;
import dk.vendepunkt.people.Disclosures;
import dk.vendepunkt.people.LegalBases;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.internal.ConsentService;
import dk.vendepunkt.people.internal.PersonService;
import dk.vendepunkt.people.internal.RetentionService;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import java.time.Clock;
import java.util.LinkedHashMap;
import dk.vendepunkt.audit.AuditedAccessDenied;
import dk.vendepunkt.people.PersonSummary;
import dk.vendepunkt.people.internal.BreakGlassService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
    private final Disclosures disclosures;
    private final LegalBases legalBases;
    private final Clock clock;
    private final RetentionService retention;
    private final BreakGlassService breakGlass;
    private final dk.vendepunkt.people.Families families;

    PersonPageController(PersonService people, FormErrors formErrors, CurrentUser currentUser, StaffDirectory staff, ConsentService consents,
                         Disclosures disclosures, LegalBases legalBases, Clock clock, RetentionService retention, BreakGlassService breakGlass,
                         dk.vendepunkt.people.Families families) {
        this.families = families;
        this.retention = retention;
        this.breakGlass = breakGlass;
        this.consents = consents;
        this.disclosures = disclosures;
        this.legalBases = legalBases;
        this.clock = clock;
        this.people = people;
        this.formErrors = formErrors;
        this.currentUser = currentUser;
        this.staff = staff;
    }

    @GetMapping("/people")
    String search(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        List<PersonSummary> results = q == null || q.isBlank() ? null : people.search(q, SEARCH_LIMIT);
        model.addAttribute("results", results);
        model.addAttribute("limit", SEARCH_LIMIT);
        // a CPR number known outside the user's teams: say so and offer break-the-glass
        if (results != null && results.isEmpty()) people.outsideTeams(q).ifPresent(id -> model.addAttribute("outsideId", id));
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

    /**
     * The person page; for a person outside the user's teams (and not barred to them by a restriction) a 403 page
     * that offers break-the-glass instead of the bare refusal.
     */
    @GetMapping("/people/{id}")
    String view(@PathVariable long id, Model model, HttpServletResponse response) {
        try {
            return page(id, model);
        } catch (AuditedAccessDenied e) {
            if (people.reach(id) != PersonDirectory.Reach.OUTSIDE) throw e;
            response.setStatus(403);
            model.addAttribute("personId", id);
            model.addAttribute("hours", breakGlass.hours());
            return "people/outside";
        }
    }

    String page(long id, Model model) {
        model.addAttribute("person", people.get(id));
        model.addAttribute("viaBreakGlass", people.reach(id) == PersonDirectory.Reach.BREAK_GLASS);
        var list = consents.list(id);
        model.addAttribute("consents", list);
        model.addAttribute("consentChoices", list.stream().filter(ConsentService.Consent::consent).toList());
        model.addAttribute("consentGivers", ConsentGiver.values());
        model.addAttribute("legalBases", legalBases.all());
        model.addAttribute("disclosures", disclosures.forPerson(id));
        model.addAttribute("today", java.time.LocalDate.now(clock));
        model.addAttribute("retention", retention.expiries(id));
        model.addAttribute("families", families.familiesOf(id));
        return "people/person";
    }

    @PostMapping("/people/{id}/disclosures")
    String recordDisclosure(@PathVariable long id, Disclosures.NewDisclosure disclosure, Model model, RedirectAttributes redirect) {
        try {
            disclosures.record(id, disclosure);
            redirect.addFlashAttribute("flash", formErrors.message("disclosure.saved"));
            return "redirect:/people/" + id + "#disclosures";
        } catch (ValidationException e) {
            // the basis's select has its own id on this page (the consent form has one too)
            Map<String, String> errors = new LinkedHashMap<>();
            formErrors.of(e).forEach((k, v) -> errors.put(k.equals("legalBasis") ? "disclosureLegalBasis" : k, v));
            model.addAttribute("disclosureErrors", errors);
            model.addAttribute("disclosureForm", disclosure);
        }
        return page(id, model);
    }

    @PostMapping("/people/{id}/break-glass")
    String breakGlass(@PathVariable long id, @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        try {
            BreakGlassService.Grant g = breakGlass.open(id, reason);
            redirect.addFlashAttribute("flash", formErrors.message("breakGlass.opened",
                    java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(clock.getZone()).format(g.expiresAt())));
            return "redirect:/people/" + id;
        } catch (ValidationException e) {
            response.setStatus(400);
            model.addAttribute("errors", formErrors.of(e));
            model.addAttribute("reason", reason);
            model.addAttribute("personId", id);
            model.addAttribute("hours", breakGlass.hours());
            return "people/outside";
        }
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
