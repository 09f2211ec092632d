package dk.vendepunkt.crimestats.web;

import dk.vendepunkt.crimestats.internal.EffectGoal1;
import dk.vendepunkt.crimestats.internal.EffectGoal1Service;
import dk.vendepunkt.crimestats.internal.Hotspots;
import dk.vendepunkt.crimestats.internal.KeyFigures;
import dk.vendepunkt.crimestats.internal.RollupCrimeFigures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The crime key figures and hotspots (aggregates of police data; ANALYST and ADMIN). */
@RestController
@RequestMapping("/api/v1/crime")
@Tag(name = "Crime statistics", description = "Quarterly key figures and hotspots from the police's reports and charges")
@PreAuthorize("hasAnyRole('ANALYST','ADMIN')")
class KeyFiguresApiController {

    private final RollupCrimeFigures figures;
    private final EffectGoal1Service goal1;

    KeyFiguresApiController(RollupCrimeFigures figures, EffectGoal1Service goal1) {
        this.figures = figures;
        this.goal1 = goal1;
    }

    @GetMapping("/effect-goal-1")
    @Operation(summary = "Sikker By effect goal 1 per calendar year from..to: distinct 14–25-year-olds in the deprived areas charged with person-directed crime, unlinked charges, population, share and change")
    EffectGoal1 effectGoal1(@RequestParam Integer from, @RequestParam Integer to) {
        return goal1.compute(from, to);
    }

    @GetMapping("/key-figures")
    @Operation(summary = "Key figures for [from, to] (both days included) against the same dates a year earlier")
    KeyFigures keyFigures(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return figures.keyFigures(from, to);
    }

    @GetMapping("/hotspots")
    @Operation(summary = "Getis–Ord Gi* hotspots on the 1 km grid for [from, to]; categories comma separated (default: the citizen-directed ones)")
    Hotspots hotspots(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(required = false) java.util.List<String> categories) {
        return figures.hotspots(from, to, RollupCrimeFigures.parseCategories(categories, figures.citizenDirected()));
    }
}
