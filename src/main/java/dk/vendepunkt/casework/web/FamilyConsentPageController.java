package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.internal.FamilyConsentService;
import dk.vendepunkt.casework.internal.FamilyContactService;
import dk.vendepunkt.casework.internal.FamilyHandoverService;
import dk.vendepunkt.people.LegalBases;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The family case's consent, contact and hand-over pages (issue 13 part 3): plain forms (post, redirect, get); a refused
 * form is shown again with the Danish messages at its fields and the input kept. Access and audit in the services.
 */
@Controller
class FamilyConsentPageController {

    private final FamilyConsentService consents;
    private final FamilyContactService contacts;
    private final FamilyHandoverService handovers;
    private final LegalBases legalBases;
    private final FormErrors formErrors;
    private final Clock clock;

    FamilyConsentPageController(FamilyConsentService consents, FamilyContactService contacts, FamilyHandoverService handovers,
                                LegalBases legalBases, FormErrors formErrors, Clock clock) {
        this.consents = consents;
        this.contacts = contacts;
        this.handovers = handovers;
        this.legalBases = legalBases;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    private void common(Model model) {
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
    }

    /**
     * Runs a change and redirects to {@code page} with the flash message; on a validation error or conflict shows the
     * page again with the messages under {@code formName-field} and the input.
     */
    private String submit(long id, String page, String formName, Map<String, String> form, Model model, RedirectAttributes redirect,
                          String flashCode, Runnable change, Supplier<String> reshow) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            change.run();
            redirect.addFlashAttribute("flash", formErrors.message(flashCode));
            return "redirect:/family-cases/" + id + "/" + page;
        } catch (ValidationException e) {
            // the hand-over form has no consent field: the consent it rests on is the member's, chosen with the basis
            formErrors.of(e).forEach((k, v) -> errors.merge(formName + "-" + ("consentId".equals(k) ? "legalBasis" : k), v, (a, b) -> a + " " + b));
        } catch (ConflictException e) {
            errors.put(formName + "-version", formErrors.message(e.code(), e.args()));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
        model.addAttribute("openForm", formName);
        return reshow.get();
    }

    private static Long id(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(Map<String, String> form, String field) {
        String s = form.get(field);
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ValidationException.of(field, "caseplan.date.invalid");
        }
    }

    // ------------------------------------------------------------------ consent

    @GetMapping("/family-cases/{id}/consent")
    String consent(@PathVariable long id, Model model) {
        common(model);
        model.addAttribute("overview", consents.read(id));
        return "casework/familyconsent/consent";
    }

    @PostMapping("/family-cases/{id}/consent")
    String recordConsent(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return submit(id, "consent", "consent", form, model, redirect, "familyconsent.consent.saved",
                () -> consents.record(id, new FamilyConsentService.NewFamilyConsent(id(form.get("personId")), form.get("givenBy"),
                        id(form.get("guardianId")), date(form, "givenOn"), date(form, "expiresOn"), form.get("recipients"), form.get("note"))),
                () -> consent(id, model));
    }

    @PostMapping("/family-cases/{id}/consent/{consentId}/withdrawal")
    String withdraw(@PathVariable long id, @PathVariable long consentId, @RequestParam Map<String, String> form, Model model,
                    RedirectAttributes redirect) {
        return submit(id, "consent", "withdraw" + consentId, form, model, redirect, "familyconsent.withdraw.saved",
                () -> consents.withdraw(id, consentId, date(form, "withdrawnOn")), () -> consent(id, model));
    }

    @PostMapping("/family-cases/{id}/involvement-refusals")
    String refuse(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return submit(id, "consent", "refusal", form, model, redirect, "familyconsent.refusal.saved",
                () -> consents.refuseParents(id, new FamilyConsentService.NewRefusal(id(form.get("personId")), date(form, "refusedOn"),
                        form.get("note"))),
                () -> consent(id, model));
    }

    @PostMapping("/family-cases/{id}/involvement-refusals/{refusalId}/lift")
    String lift(@PathVariable long id, @PathVariable long refusalId, Model model, RedirectAttributes redirect) {
        return submit(id, "consent", "lift", Map.of(), model, redirect, "familyconsent.refusal.lifted",
                () -> consents.liftRefusal(id, refusalId), () -> consent(id, model));
    }

    // ------------------------------------------------------------------ contacts

    @GetMapping("/family-cases/{id}/contacts")
    String contacts(@PathVariable long id, Model model) {
        common(model);
        FamilyContactService.Log log = contacts.list(id);
        model.addAttribute("log", log);
        // the members who refused the parents' involvement: a reminder before a contact with the parents
        var refused = consents.parentsNotInvolved(id);
        model.addAttribute("notInvolved", log.part().members().stream().filter(m -> refused.contains(m.personId()))
                .map(dk.vendepunkt.casework.internal.FamilyPart.MemberLine::name).toList());
        model.addAttribute("kinds", FamilyContactService.Kind.values());
        return "casework/familyconsent/contacts";
    }

    @PostMapping("/family-cases/{id}/contacts")
    String addContact(@PathVariable long id, @RequestParam Map<String, String> form,
                      @RequestParam(name = "memberIds", required = false) List<Long> memberIds, Model model, RedirectAttributes redirect) {
        model.addAttribute("chosenMembers", memberIds == null ? List.of() : memberIds);
        return submit(id, "contacts", "contact", form, model, redirect, "familyconsent.contact.saved",
                () -> contacts.add(id, new FamilyContactService.NewContact(date(form, "contactDate"), form.get("kind"), memberIds,
                        form.get("note"))),
                () -> contacts(id, model));
    }

    // ------------------------------------------------------------------ hand-overs

    @GetMapping("/family-cases/{id}/handovers")
    String handovers(@PathVariable long id, Model model) {
        common(model);
        model.addAttribute("register", handovers.list(id));
        model.addAttribute("departments", FamilyHandoverService.Department.values());
        model.addAttribute("legalBases", legalBases.all());
        return "casework/familyconsent/handovers";
    }

    @PostMapping("/family-cases/{id}/handovers")
    String addHandover(@PathVariable long id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        return submit(id, "handovers", "handover", form, model, redirect, "familyconsent.handover.saved",
                () -> handovers.add(id, new FamilyHandoverService.NewHandover(id(form.get("personId")), form.get("departmentCode"),
                        form.get("caseDescription"), date(form, "handedOverOn"), form.get("legalBasis"), form.get("legalBasisText"),
                        id(form.get("consentId")))),
                () -> handovers(id, model));
    }
}
