package dk.vendepunkt.people.web;

import dk.vendepunkt.people.internal.BreakGlassService;
import dk.vendepunkt.people.internal.RestrictionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Restrictions on a person (ADMIN, DPO) and break-the-glass (caseworkers ask, the DPO reviews). Every call is audited. */
@RestController
@Tag(name = "Privacy: restrictions and break-the-glass")
class PrivacyApiController {

    private final RestrictionService restrictions;
    private final BreakGlassService breakGlass;

    PrivacyApiController(RestrictionService restrictions, BreakGlassService breakGlass) {
        this.restrictions = restrictions;
        this.breakGlass = breakGlass;
    }

    @Operation(summary = "The person's restrictions, active and lifted (ADMIN, DPO)")
    @GetMapping("/api/v1/persons/{id}/restrictions")
    List<RestrictionService.Restriction> restrictions(@PathVariable long id) {
        return restrictions.forPerson(id);
    }

    @Operation(summary = "Restrict a person: {kind: EXCLUDE, username, reason} or {kind: RESTRICT, allowedUsernames: [..], reason} (ADMIN, DPO)")
    @PostMapping("/api/v1/persons/{id}/restrictions")
    @ResponseStatus(HttpStatus.CREATED)
    RestrictionService.Restriction restrict(@PathVariable long id, @RequestBody RestrictionService.NewRestriction restriction) {
        return restrictions.set(id, restriction);
    }

    @Operation(summary = "Lift a restriction with a reason: body {reason} or ?reason= (ADMIN, DPO); 409 when already lifted")
    @DeleteMapping("/api/v1/persons/{id}/restrictions/{restrictionId}")
    RestrictionService.Restriction lift(@PathVariable long id, @PathVariable long restrictionId,
                                        @RequestBody(required = false) Map<String, String> body,
                                        @RequestParam(required = false) String reason) {
        return restrictions.lift(id, restrictionId, body != null && body.get("reason") != null ? body.get("reason") : reason);
    }

    @Operation(summary = "Break the glass: access to a person outside one's teams for vendepunkt.break-glass.hours, "
            + "with a reason of at least 20 characters: {reason} (caseworker, programme manager)")
    @PostMapping("/api/v1/persons/{id}/break-glass")
    @ResponseStatus(HttpStatus.CREATED)
    BreakGlassService.Grant breakGlass(@PathVariable long id, @RequestBody(required = false) Map<String, String> body) {
        return breakGlass.open(id, body == null ? null : body.get("reason"));
    }

    @Operation(summary = "The DPO's review list: openings not yet reviewed (all=true: every opening) (DPO)")
    @GetMapping("/api/v1/break-glass")
    List<BreakGlassService.ReviewLine> reviewList(@RequestParam(defaultValue = "false") boolean all) {
        return breakGlass.reviewList(all);
    }

    @Operation(summary = "Review an opening: {outcome: ACCEPTED|REPORTED, note} (a note is required to report) (DPO); 409 when reviewed")
    @PostMapping("/api/v1/break-glass/{grantId}/review")
    BreakGlassService.Grant review(@PathVariable long grantId, @RequestBody BreakGlassService.ReviewDecision decision) {
        return breakGlass.review(grantId, decision);
    }
}
