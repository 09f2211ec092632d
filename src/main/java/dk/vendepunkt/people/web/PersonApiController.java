package dk.vendepunkt.people.web;

import dk.vendepunkt.people.Disclosures;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.PersonSummary;
import dk.vendepunkt.people.internal.ConsentService;
import dk.vendepunkt.people.internal.PersonService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Persons", description = "Persons of the user's teams; every call is audited")
class PersonApiController {

    private final PersonService people;
    private final ConsentService consents;
    private final Disclosures disclosures;

    PersonApiController(PersonService people, ConsentService consents, Disclosures disclosures) {
        this.people = people;
        this.consents = consents;
        this.disclosures = disclosures;
    }

    @Operation(summary = "Search the persons of the user's teams by exact CPR or part of the name")
    @GetMapping
    List<PersonSummary> search(@RequestParam String q, @RequestParam(defaultValue = "50") int limit) {
        return people.search(q, Math.min(Math.max(limit, 1), 200));
    }

    @Operation(summary = "Register a person (a CPR number already registered is refused)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PersonService.PersonDetails create(@RequestBody PersonDirectory.NewPerson person) {
        return people.get(people.create(person));
    }

    @GetMapping("/{id}")
    PersonService.PersonDetails get(@PathVariable long id) {
        return people.get(id);
    }

    @Operation(summary = "Change a person; send the version you read (409 when someone saved in between)")
    @PutMapping("/{id}")
    PersonService.PersonDetails update(@PathVariable long id, @RequestBody PersonService.PersonChange change) {
        people.update(id, change);
        return people.get(id);
    }

    @Operation(summary = "Reveal the full CPR number (audited with the reason given)")
    @PostMapping("/{id}/cpr")
    Map<String, String> reveal(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return Map.of("cpr", people.revealCpr(id, body == null ? null : body.get("reason")));
    }

    @Operation(summary = "The person's consents and other legal bases per purpose (given, expires, withdrawn, active)")
    @GetMapping("/{id}/consents")
    List<ConsentService.Consent> consents(@PathVariable long id) {
        return consents.list(id);
    }

    @Operation(summary = "Record a consent or other legal basis for a purpose: {purpose, legalBasis, givenOn, expiresOn, note}")
    @PostMapping("/{id}/consents")
    @ResponseStatus(HttpStatus.CREATED)
    List<ConsentService.Consent> recordConsent(@PathVariable long id, @RequestBody ConsentService.NewConsent consent) {
        consents.record(id, consent);
        return consents.list(id);
    }

    @Operation(summary = "Withdraw a consent from a date: {withdrawnOn}; 409 when it is already withdrawn")
    @PostMapping("/{id}/consents/{consentId}/withdrawal")
    List<ConsentService.Consent> withdrawConsent(@PathVariable long id, @PathVariable long consentId, @RequestBody Map<String, java.time.LocalDate> body) {
        consents.withdraw(id, consentId, body == null ? null : body.get("withdrawnOn"));
        return consents.list(id);
    }

    @Operation(summary = "The person's disclosures (hand-overs to other departments and authorities), newest first")
    @GetMapping("/{id}/disclosures")
    List<Disclosures.Disclosure> disclosures(@PathVariable long id) {
        return disclosures.forPerson(id);
    }

    @Operation(summary = "Record a disclosure: {recipient, legalBasis, legalBasisText (OTHER), consentId (CONSENT), scope, disclosedOn}; "
            + "CONSENT is refused (400, field consentId) unless a consent of the person in force names the recipient")
    @PostMapping("/{id}/disclosures")
    @ResponseStatus(HttpStatus.CREATED)
    Disclosures.Disclosure recordDisclosure(@PathVariable long id, @RequestBody Disclosures.NewDisclosure disclosure) {
        long created = disclosures.record(id, disclosure);
        return disclosures.forPerson(id).stream().filter(d -> d.id() == created).findFirst().orElseThrow();
    }
}
