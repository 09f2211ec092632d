package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.domain.Phase;
import dk.vendepunkt.casework.internal.FamilyCaseQueries;
import dk.vendepunkt.casework.internal.FamilyCaseService;
import dk.vendepunkt.casework.internal.FamilyCaseService.CaseView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Family cases of the user's teams: open, read, phase, coordinator pair, closure; the team leader's overview. Every call audited. */
@RestController
@RequestMapping("/api/v1/family-cases")
@PreAuthorize("hasAnyRole('CASEWORKER','PROGRAMME_MANAGER')")
@Tag(name = "Family cases", description = "The core team's family cases (programme FAMILY): Opsporing → Udredning → Indsats → Afslutning, "
        + "a coordinator pair from two departments, the children's forløb; open to the case's team and its coordinators; every call is audited")
class FamilyCaseApiController {

    record PhaseMove(String toPhase, String reason, LocalDate changedOn, Integer version) {}

    record Pair(Long coordinator1, Long coordinator2, Integer version) {}

    record Closure(String reason, LocalDate endDate, String summary, Integer version) {}

    /** A case with its phase history and the phases it may move to. */
    record Details(CaseView familyCase, List<FamilyCaseQueries.PhaseLine> history, List<Phase> nextPhases) {}

    private final FamilyCaseService cases;
    private final FamilyCaseQueries queries;

    FamilyCaseApiController(FamilyCaseService cases, FamilyCaseQueries queries) {
        this.cases = cases;
        this.queries = queries;
    }

    @Operation(summary = "The user's teams' family cases, open first; filter by phase, family name (q) or familyId; paged (page from 0); "
            + "with the FAMILY programme's open cases and capacity in families")
    @GetMapping
    FamilyCaseQueries.CasePage list(@RequestParam(required = false) String phase, @RequestParam(required = false) String q,
                                    @RequestParam(required = false) Long familyId, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        return queries.list(phase, q, familyId, page, Math.min(Math.max(size, 1), 500));
    }

    @Operation(summary = "Open a family case in Opsporing: familyId, teamId (one of the user's teams), channel REVIEW_115|EXISTING_CASE|SSP|"
            + "SCHOOL|OUTREACH|OTHER, reason, openedOn (default today), criteria (codes of active inclusion criteria); the team gets "
            + "access to the members")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CaseView open(@RequestBody FamilyCaseService.Opening opening) {
        return cases.read(cases.open(opening));
    }

    @Operation(summary = "The team leader's view: per core team the families per coordinator pair, each member's load, cases without a "
            + "pair and cases overdue in a phase (vendepunkt.family.phase-days.*)")
    @GetMapping("/overview")
    List<FamilyCaseQueries.TeamOverview> overview() {
        return queries.overview();
    }

    @Operation(summary = "A family case with its phase history and the phases it may move to")
    @GetMapping("/{id}")
    Details get(@PathVariable long id) {
        CaseView v = cases.read(id);
        return new Details(v, queries.history(id), v.closed() ? List.of() : queries.nextPhases(v.phase()));
    }

    @Operation(summary = "Move the case to an allowed next phase with a reason; send the version read (409 when stale). The children's "
            + "forløb start on entering Udredning and follow the case")
    @PostMapping("/{id}/phase")
    CaseView changePhase(@PathVariable long id, @RequestBody PhaseMove move) {
        return cases.changePhase(id, move.toPhase(), move.reason(), move.changedOn(), move.version());
    }

    @Operation(summary = "Set the coordinator pair: two core team members of the case's team from different departments; send the version read")
    @PutMapping("/{id}/pair")
    CaseView pair(@PathVariable long id, @RequestBody Pair pair) {
        return cases.assignPair(id, pair.coordinator1(), pair.coordinator2(), pair.version());
    }

    @Operation(summary = "Close the case (reason, endDate, summary); the children's forløb close with it; send the version read")
    @PostMapping("/{id}/closure")
    CaseView close(@PathVariable long id, @RequestBody Closure closure) {
        return cases.close(id, closure.reason(), closure.endDate(), closure.summary(), closure.version());
    }
}
