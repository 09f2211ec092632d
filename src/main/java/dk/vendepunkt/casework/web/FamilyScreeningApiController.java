package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.internal.FamilyScreeningService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The children's risk/need screenings in a family case's assessment (issue 13 part 5(4)): the case's team and
 * coordinators; every call audited; 400 with field errors (a child under 12, a domain score out of range), 403 outside the team.
 */
@RestController
@PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
@RequestMapping("/api/v1/family-cases/{id}/screenings")
@Tag(name = "Familiesag: screening", description = "Risk/need screening per child with the instrument that fits the age")
class FamilyScreeningApiController {

    private final FamilyScreeningService screenings;

    FamilyScreeningApiController(FamilyScreeningService screenings) {
        this.screenings = screenings;
    }

    @Operation(summary = "The case's screenings, newest first")
    @GetMapping
    List<FamilyScreeningService.ScreeningRow> list(@PathVariable long id) {
        return screenings.list(id);
    }

    @Operation(summary = "Screen a child: personId, screenedOn (default today) and domains (a score per domain code of the fitting instrument)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    FamilyScreeningService.ScreeningRow record(@PathVariable long id, @RequestBody FamilyScreeningService.NewScreening body) {
        return screenings.record(id, body);
    }
}
