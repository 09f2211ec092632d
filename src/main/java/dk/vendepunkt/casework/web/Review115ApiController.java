package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.internal.Review115Service;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The §115 review: meetings of the user's teams, the persons discussed and the immutable decision log (docs/casework.md). */
@RestController
@RequestMapping("/api/v1/reviews-115")
@PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
@Tag(name = "§115 review", description = "Meetings with the police about the §115 list, persons discussed and decisions (amendments append); "
        + "team-checked, every call audited")
class Review115ApiController {

    private final Review115Service reviews;

    Review115ApiController(Review115Service reviews) {
        this.reviews = reviews;
    }

    @Operation(summary = "The meetings of the user's teams, newest first, 20 a page")
    @GetMapping
    Review115Service.MeetingPage list(@RequestParam(defaultValue = "0") int page) {
        return reviews.list(page);
    }

    @Operation(summary = "Record a meeting: teamId, meetingDate, legalBasis (default RPL_115), staff participants (name, unit = department), "
            + "the police participant (policeName, policeUnit)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Review115Service.Meeting create(@RequestBody Review115Service.NewMeeting meeting) {
        return reviews.get(reviews.create(meeting));
    }

    @Operation(summary = "A meeting with participants, persons discussed (earlier appearances on the list) and each person's decision log")
    @GetMapping("/{id}")
    Review115Service.Meeting meeting(@PathVariable long id) {
        return reviews.get(id);
    }

    @Operation(summary = "Add a person discussed: personId of a person the team knows, or cpr, firstName and lastName (registered or found, "
            + "the team gets access to the master data); note: at most 300 characters")
    @PostMapping("/{id}/persons")
    @ResponseStatus(HttpStatus.CREATED)
    Review115Service.Meeting addPerson(@PathVariable long id, @RequestBody Review115Service.NewPerson person) {
        reviews.addPerson(id, person);
        return reviews.get(id);
    }

    @Operation(summary = "Record the decision on a person (outcome, reason, version of the person read), or amend the decision in force "
            + "(amends = its id, amendmentReason required): a new row, the old one kept as superseded; a stale version is 409")
    @PostMapping("/{id}/persons/{personId}/decisions")
    @ResponseStatus(HttpStatus.CREATED)
    Review115Service.DiscussedPerson decide(@PathVariable long id, @PathVariable long personId,
                                            @RequestBody Review115Service.DecisionRequest decision) {
        return reviews.decide(id, personId, decision);
    }
}
