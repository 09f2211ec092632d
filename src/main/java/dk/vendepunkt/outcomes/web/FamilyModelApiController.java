package dk.vendepunkt.outcomes.web;

import dk.vendepunkt.outcomes.internal.FamilyModelReportService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The contract's family-model programme figures. */
@RestController
@RequestMapping("/api/v1/reports/family-model")
@Tag(name = "Family model", description = "The family-oriented model's programme figures for the evaluation")
@PreAuthorize("hasAnyRole('PROGRAMME_MANAGER','ANALYST','ADMIN')")
class FamilyModelApiController {

    private final FamilyModelReportService reports;

    FamilyModelApiController(FamilyModelReportService reports) {
        this.reports = reports;
    }

    @Operation(summary = "Families and children in the family programme by age group and enrolment year, previously charged, parents in "
            + "ordinary employment, paired progress per scale (95 % t interval); public (default) withholds small outcomes")
    @GetMapping
    FamilyModelReportService.Report report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                           @Parameter(description = "public (default) or internal") @RequestParam(required = false) String disclosure) {
        return reports.report(asOf, disclosure);
    }
}
