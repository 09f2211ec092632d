package dk.vendepunkt.outcomes.web;

import dk.vendepunkt.outcomes.internal.EffectQueries;
import dk.vendepunkt.outcomes.internal.EffectReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The contract's effect report and survival curve. READER sees only published reports, never live figures. */
@RestController
@RequestMapping("/api/v1/reports/effect")
@Tag(name = "Effect", description = "Effect measures per programme and discharge cohort, Kaplan–Meier curve, reference group")
@PreAuthorize("hasAnyRole('PROGRAMME_MANAGER','ANALYST','ADMIN')")
class EffectApiController {

    private final EffectReportService reports;

    EffectApiController(EffectReportService reports) {
        this.reports = reports;
    }

    @Operation(summary = "The three effect measures (Wilson 95 % intervals) in total and per discharge cohort; public (default) suppresses small figures, internal requires an internal role")
    @GetMapping
    EffectReportService.Report effect(@RequestParam String programme,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                      @Parameter(description = "public (default) or internal") @RequestParam(required = false) String disclosure,
                                      @Parameter(description = "label of a reference group to compare with (Newcombe hybrid score interval of the difference)")
                                      @RequestParam(required = false) String reference) {
        return reports.report(programme, asOf, disclosure, reference);
    }

    @Operation(summary = "Kaplan–Meier estimate of time to the first serious charge after end_date, censored at asOf or "
            + EffectQueries.SURVIVAL_HORIZON + " days; Greenwood variance, log(−log) 95 % interval")
    @GetMapping("/survival")
    EffectReportService.Survival survival(@RequestParam String programme,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                          @Parameter(description = "public: the curve stops where fewer than the threshold are at risk; default internal for internal roles")
                                          @RequestParam(required = false) String disclosure) {
        return reports.survival(programme, asOf, disclosure, false);
    }

    @Operation(summary = "Labels of the imported reference groups")
    @GetMapping("/reference-groups")
    List<String> referenceGroups() {
        return reports.referenceLabels();
    }
}
