package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.internal.FamilyConsentService;
import dk.vendepunkt.casework.internal.FamilyContactService;
import dk.vendepunkt.casework.internal.FamilyHandoverService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A family case's consent to take part (per member, in the consent register), the adult members' refusal of the
 * parents' involvement, the contact log and the hand-overs of existing cases to the core team (issue 13 part 3). The
 * case's team and coordinators only; every call audited; 403 plus a DENIED row for anyone else.
 */
@RestController
@RequestMapping("/api/v1/family-cases/{id}")
@Tag(name = "Familiesag: samtykke, kontakter og overdragelse", description = "Consent per member, contacts, hand-over of existing cases")
class FamilyConsentApiController {

    private final FamilyConsentService consents;
    private final FamilyContactService contacts;
    private final FamilyHandoverService handovers;

    FamilyConsentApiController(FamilyConsentService consents, FamilyContactService contacts, FamilyHandoverService handovers) {
        this.consents = consents;
        this.contacts = contacts;
        this.handovers = handovers;
    }

    @Operation(summary = "Every current member with who may consent, the consent in force, the consents of the case and any refusal of the parents' involvement")
    @GetMapping("/consents")
    FamilyConsentService.Overview consents(@PathVariable long id) {
        return consents.read(id);
    }

    @Operation(summary = "Record a member's consent to take part: givenBy PERSON or GUARDIAN (guardianId: a member with parental authority); under 15 a guardian, 15-17 either, 18+ only the person")
    @PostMapping("/consents")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> recordConsent(@PathVariable long id, @RequestBody FamilyConsentService.NewFamilyConsent body) {
        return Map.of("consentId", consents.record(id, body));
    }

    record Withdrawal(LocalDate withdrawnOn) {}

    @Operation(summary = "Withdraw a consent of the case (today when no date); the child's forløb gets a task")
    @PostMapping("/consents/{consentId}/withdrawal")
    FamilyConsentService.Overview withdraw(@PathVariable long id, @PathVariable long consentId, @RequestBody(required = false) Withdrawal body) {
        consents.withdraw(id, consentId, body == null ? null : body.withdrawnOn());
        return consents.read(id);
    }

    @Operation(summary = "Record an adult member's (18+) refusal of the parents' involvement")
    @PostMapping("/involvement-refusals")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> refuse(@PathVariable long id, @RequestBody FamilyConsentService.NewRefusal body) {
        return Map.of("refusalId", consents.refuseParents(id, body));
    }

    @Operation(summary = "The case's contacts (information, motivation, follow-up, other), newest first")
    @GetMapping("/contacts")
    List<FamilyContactService.Contact> contacts(@PathVariable long id) {
        return contacts.list(id).contacts();
    }

    @Operation(summary = "Record a contact: date, kind, the members who took part, a short note (at most 500 characters)")
    @PostMapping("/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    FamilyContactService.Contact addContact(@PathVariable long id, @RequestBody FamilyContactService.NewContact body) {
        return contacts.add(id, body);
    }

    @Operation(summary = "The hand-overs of the family's existing cases to the core team, newest first")
    @GetMapping("/handovers")
    List<FamilyHandoverService.Handover> handovers(@PathVariable long id) {
        return handovers.list(id).handovers();
    }

    @Operation(summary = "Record a hand-over (member, department, what case, date, legal basis); recorded as a disclosure to the core team. CONSENT without consentId uses the member's consent of the case")
    @PostMapping("/handovers")
    @ResponseStatus(HttpStatus.CREATED)
    FamilyHandoverService.Handover addHandover(@PathVariable long id, @RequestBody FamilyHandoverService.NewHandover body) {
        return handovers.add(id, body);
    }
}
