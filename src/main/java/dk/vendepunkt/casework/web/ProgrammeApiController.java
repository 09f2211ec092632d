package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.domain.Programme;
import dk.vendepunkt.casework.internal.ProgrammeCatalogue;
import dk.vendepunkt.casework.internal.ProgrammeDashboard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Programmes as data and the programme dashboard. */
@RestController
@RequestMapping("/api/v1/programmes")
@Tag(name = "Programmes", description = "Programmes (phases, transitions, eligibility, capacity) and their dashboard")
class ProgrammeApiController {

    private final ProgrammeCatalogue catalogue;
    private final ProgrammeDashboard dashboard;

    ProgrammeApiController(ProgrammeCatalogue catalogue, ProgrammeDashboard dashboard) {
        this.catalogue = catalogue;
        this.dashboard = dashboard;
    }

    @Operation(summary = "All programmes with phases and allowed transitions")
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN','PROGRAMME_MANAGER','CASEWORKER','ANALYST')")
    List<Programme> all() {
        return catalogue.all();
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAnyRole('ADMIN','PROGRAMME_MANAGER','CASEWORKER','ANALYST')")
    Programme get(@PathVariable String code) {
        return catalogue.get(code);
    }

    @Operation(summary = "Change eligibility (minAge, maxAge: null = no upper limit), capacity in årspladser (null = none) and gang priority; send the version read")
    @PutMapping("/{code}")
    @PreAuthorize("hasAnyRole('ADMIN','PROGRAMME_MANAGER')")
    Programme update(@PathVariable String code, @RequestBody ProgrammeCatalogue.Settings settings) {
        return catalogue.update(code, settings);
    }

    @Operation(summary = "Dashboard: occupancy against årspladser, intake by channel, closures by reason, waiting list and overdue follow-ups "
            + "(by name for programme managers only; analysts get counts)")
    @GetMapping("/{code}/dashboard")
    @PreAuthorize("hasAnyRole('PROGRAMME_MANAGER','ANALYST')")
    ProgrammeDashboard.Dashboard dashboard(@PathVariable String code, @RequestParam(required = false) Integer year) {
        return dashboard.dashboard(code, year);
    }
}
