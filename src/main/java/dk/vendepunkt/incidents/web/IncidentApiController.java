package dk.vendepunkt.incidents.web;

import dk.vendepunkt.incidents.internal.EffectGoal4;
import dk.vendepunkt.incidents.internal.IncidentService;
import dk.vendepunkt.platform.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Effect goal 4 as the data contract defines it. */
@RestController
@Tag(name = "Incidents", description = "Closures and staff-safety incidents; Sikker By effect goal 4")
@PreAuthorize(IncidentService.VIEWERS)
class IncidentApiController {

    private final IncidentService service;

    IncidentApiController(IncidentService service) {
        this.service = service;
    }

    @Operation(summary = "Effect goal 4 for a period: closures during unrest or crisis, their hours, per department; staff incidents")
    @GetMapping("/api/v1/incidents/effect-goal-4")
    EffectGoal4 effectGoal4(@RequestParam String from, @RequestParam String to) {
        return service.effectGoal4(date("from", from), date("to", to));
    }

    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "incidents.error.date");
        }
    }
}
