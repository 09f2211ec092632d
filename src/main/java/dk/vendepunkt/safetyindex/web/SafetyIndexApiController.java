package dk.vendepunkt.safetyindex.web;

import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.DisclosurePolicy;
import dk.vendepunkt.reporting.ReportFormat;
import dk.vendepunkt.reporting.ReportRenderer;
import dk.vendepunkt.safetyindex.internal.Category;
import dk.vendepunkt.safetyindex.internal.GoalTracking;
import dk.vendepunkt.safetyindex.internal.HalfYear;
import dk.vendepunkt.safetyindex.internal.IndexCalculator.Components;
import dk.vendepunkt.safetyindex.internal.SafetyIndexReports;
import dk.vendepunkt.safetyindex.internal.SafetyIndexService;
import dk.vendepunkt.safetyindex.internal.SspInput;
import dk.vendepunkt.safetyindex.internal.SspStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Tryghedsindeks per district as the data contract defines it, and the two goals. */
@RestController
@Tag(name = "Safety index", description = "Tryghedsindeks per district: survey and police components, index, category; goals")
@PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
class SafetyIndexApiController {

    private final SafetyIndexService service;
    private final SafetyIndexReports reports;
    private final ReportRenderer renderer;
    private final DisclosurePolicy disclosure;
    private final SspStore ssp;
    private final SspInput input;
    private final Clock clock;

    SafetyIndexApiController(SafetyIndexService service, SafetyIndexReports reports, ReportRenderer renderer, DisclosurePolicy disclosure,
                             SspStore ssp, SspInput input, Clock clock) {
        this.clock = clock;
        this.ssp = ssp;
        this.input = input;
        this.service = service;
        this.reports = reports;
        this.renderer = renderer;
        this.disclosure = disclosure;
    }

    /**
     * One district of the answer. {@code components} are the district's values (weighted shares and
     * reports per 1000) as in the contract; {@code componentIndices}, names, last year's index and
     * the change are additions for the page.
     */
    record AreaAnswer(String area, long respondents, Double index, Category category, Components components, String name, String bydel,
                      Components componentIndices, Double previousIndex, Category previousCategory, Double change) {}

    /** {@code city}: the city values the component indices divide by, and the respondents pooled. */
    record City(long respondents, Components components) {}

    record IndexAnswer(int year, List<AreaAnswer> areas, City city) {}

    @Operation(summary = "The Tryghedsindeks of a year: one entry per district (contract: survey.csv and The index)")
    @GetMapping("/api/v1/safety-index")
    IndexAnswer index(@RequestParam int year) {
        checkYear("year", year);
        var y = service.index(year);
        return new IndexAnswer(year, y.districts().stream().map(d -> new AreaAnswer(d.area(), d.respondents(), d.index(), d.category(),
                d.components(), d.name(), d.bydel(), d.componentIndices(), d.previousIndex(), d.previousCategory(), d.change())).toList(),
                new City(y.cityRespondents(), y.city()));
    }

    record Goals(GoalTracking.EffectGoal3 effectGoal3, GoalTracking.HalvingGoal halving) {}

    @Operation(summary = "Effect goal 3 (the baseline year's MARKANT districts and their category now) and the halving goal "
            + "(MARKANT + INTENSIVERET districts: baseline count, count now, target = half, on track)")
    @GetMapping("/api/v1/safety-index/goals")
    Goals goals(@RequestParam int baselineYear, @RequestParam int year) {
        checkYear("baselineYear", baselineYear);
        checkYear("year", year);
        return new Goals(service.effectGoal3(baselineYear, year), service.halving(baselineYear, year));
    }

    @Operation(summary = "The yearly Tryghedsindeks report as pdf, xlsx or html; with baselineYear also the goals")
    @GetMapping("/api/v1/safety-index/report")
    ResponseEntity<byte[]> report(@RequestParam int year, @RequestParam(required = false) Integer baselineYear,
                                  @RequestParam(defaultValue = "pdf") String format) {
        checkYear("year", year);
        ReportFormat f = ReportFormat.parse(format);
        return renderer.response(() -> reports.indexReport(year, baselineYear), f, "tryghedsindeks-" + year, Disclosure.PUBLIC, baselineYear);
    }

    @Operation(summary = "The half-yearly report on urolige områder (half 1 = January-June, 2 = July-December) as pdf, xlsx or html; "
            + "disclosure=public (default: small counts suppressed) or internal (allowed roles only)")
    @GetMapping("/api/v1/safety-index/unrest-report")
    ResponseEntity<byte[]> unrestReport(@RequestParam int year, @RequestParam int half, @RequestParam(defaultValue = "pdf") String format,
                                        @RequestParam(required = false) String disclosure) {
        HalfYear h = SafetyIndexPageController.halfYear(year, half, clock);
        ReportFormat f = ReportFormat.parse(format);
        Disclosure d = this.disclosure.resolve(disclosure);
        return renderer.response(() -> reports.unrestReport(h, d), f,
                "urolige-omraader-" + h.year() + "-" + h.half() + (d == Disclosure.PUBLIC ? "" : "-intern"), d);
    }

    /** One bydel's SSP input for a half-year; {@code version} −1 when nothing is stored. */
    record SspEntry(String bydel, String name, Integer singleCases, String assessment, int version) {}

    @Operation(summary = "SSP single cases and the SSP leaders' assessment per bydel for a half-year (input to the urolige-områder report)")
    @GetMapping("/api/v1/safety-index/ssp")
    List<SspEntry> ssp(@RequestParam int year, @RequestParam int half) {
        HalfYear h = SafetyIndexPageController.halfYear(year, half, clock);
        var stored = ssp.entries(h);
        return service.bydele().stream().map(b -> {
            var e = stored.getOrDefault(b.code(), SspStore.Entry.empty(b.code()));
            return new SspEntry(b.code(), b.name(), e.singleCases(), e.assessment(), e.version());
        }).toList();
    }

    /** A change: send the version you read (−1 for a bydel without an entry). */
    record SspChange(String bydel, Integer singleCases, String assessment, Integer version) {}

    @Operation(summary = "Save SSP single cases and assessments per bydel (ANALYST); all or nothing; 409 when a version is stale")
    @PutMapping("/api/v1/safety-index/ssp")
    List<SspEntry> saveSsp(@RequestParam int year, @RequestParam int half, @RequestBody List<SspChange> changes) {
        HalfYear h = SafetyIndexPageController.halfYear(year, half, clock);
        java.util.Set<String> bydele = new java.util.HashSet<>();
        service.bydele().forEach(b -> bydele.add(b.code()));
        List<SspInput.Change> list = new java.util.ArrayList<>();
        for (SspChange c : changes) {
            if (c.bydel() == null || !bydele.contains(c.bydel())) throw ValidationException.of("bydel", "safety.ssp.bydel.unknown", c.bydel());
            list.add(new SspInput.Change(c.bydel(), c.singleCases() == null ? null : c.singleCases().toString(), c.assessment(),
                    c.version() == null ? -1 : c.version()));
        }
        input.save(h, list);
        return ssp(year, half);
    }

    static void checkYear(String field, int year) {
        if (year < 1990 || year > 2100) throw ValidationException.of(field, "safety.year.invalid");
    }
}
