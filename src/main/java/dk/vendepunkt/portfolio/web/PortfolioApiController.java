package dk.vendepunkt.portfolio.web;

import dk.vendepunkt.portfolio.internal.BudgetType;
import dk.vendepunkt.portfolio.internal.Departments;
import dk.vendepunkt.portfolio.internal.Funding;
import dk.vendepunkt.portfolio.internal.IndicatorService;
import dk.vendepunkt.portfolio.internal.InitiativeService;
import dk.vendepunkt.portfolio.internal.PortfolioSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The Sikker By portfolio over the API: ANALYST changes, ANALYST and PROGRAMME_MANAGER read. */
@RestController
@RequestMapping("/api/v1/portfolio")
@Tag(name = "Portfolio", description = "Sikker By: vision, effect goals, focus areas, initiatives, budgets, indicators")
@PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
class PortfolioApiController {

    private final InitiativeService initiatives;
    private final IndicatorService indicators;

    PortfolioApiController(InitiativeService initiatives, IndicatorService indicators) {
        this.initiatives = initiatives;
        this.indicators = indicators;
    }

    @Operation(summary = "Initiatives and amounts of a year per department and per focus area (an initiative counts once per department if it has any budget line in the year; exact decimals)")
    @GetMapping("/summary")
    PortfolioSummary summary(@RequestParam int year) {
        return initiatives.summary(year);
    }

    @Operation(summary = "The programme's name and vision")
    @GetMapping("/programme")
    InitiativeService.Programme programme() {
        return initiatives.programme();
    }

    public record VisionChange(String vision, int version) {}

    @Operation(summary = "Change the vision; send the version you read (409 when stale)")
    @PutMapping("/programme")
    InitiativeService.Programme updateVision(@RequestBody VisionChange c) {
        initiatives.updateVision(c.vision(), c.version());
        return initiatives.programme();
    }

    @Operation(summary = "The six focus areas (indsatsområder)")
    @GetMapping("/focus-areas")
    List<InitiativeService.FocusArea> focusAreas() {
        return initiatives.focusAreas();
    }

    public record FocusAreaChange(String name, String description, int version) {}

    @Operation(summary = "Change a focus area's name and vision; send the version you read (409 when stale)")
    @PutMapping("/focus-areas/{number}")
    List<InitiativeService.FocusArea> updateFocusArea(@PathVariable int number, @RequestBody FocusAreaChange c) {
        initiatives.updateFocusArea(number, c.name(), c.description(), c.version());
        return initiatives.focusAreas();
    }

    @Operation(summary = "Initiatives, filtered by department, focus area (0 = none), year (has a budget line in it) and funding; paged")
    @GetMapping("/initiatives")
    InitiativeService.Page list(@RequestParam(required = false) String department, @RequestParam(required = false) Integer focusArea,
                                @RequestParam(required = false) Integer year, @RequestParam(required = false) Funding funding,
                                @RequestParam(required = false) String q,
                                @Parameter(description = "department (default), name, amount, focusArea") @RequestParam(required = false) String sort,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return initiatives.list(new InitiativeService.Filter(department, focusArea, year, funding, q, sort), Math.max(0, page), Math.min(Math.max(size, 1), 500));
    }

    @Operation(summary = "Create an initiative")
    @PostMapping("/initiatives")
    @ResponseStatus(HttpStatus.CREATED)
    InitiativeService.InitiativeDetails create(@RequestBody InitiativeService.InitiativeChange c) {
        return initiatives.details(initiatives.create(c));
    }

    @Operation(summary = "An initiative with its budget lines and success criteria")
    @GetMapping("/initiatives/{id}")
    InitiativeService.InitiativeDetails get(@PathVariable long id) {
        return initiatives.details(id);
    }

    @Operation(summary = "Change an initiative; send the version you read (409 when stale)")
    @PutMapping("/initiatives/{id}")
    InitiativeService.InitiativeDetails update(@PathVariable long id, @RequestBody InitiativeService.InitiativeChange c) {
        initiatives.update(id, c);
        return initiatives.details(id);
    }

    @Operation(summary = "Delete an initiative with its budget lines, success criteria and evaluations")
    @DeleteMapping("/initiatives/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        initiatives.delete(id);
    }

    @Operation(summary = "Set the budget line of a year and type (DRIFT/ANLAEG), exact DKK")
    @PostMapping("/initiatives/{id}/budget-lines")
    List<InitiativeService.BudgetLine> putBudgetLine(@PathVariable long id, @RequestBody InitiativeService.NewBudgetLine b) {
        initiatives.putBudgetLine(id, b);
        return initiatives.budgetLines(id);
    }

    @DeleteMapping("/initiatives/{id}/budget-lines/{lineId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteBudgetLine(@PathVariable long id, @PathVariable long lineId) {
        initiatives.deleteBudgetLine(id, lineId);
    }

    @Operation(summary = "Add a success criterion with a measurable target and its measurement source")
    @PostMapping("/initiatives/{id}/success-criteria")
    List<InitiativeService.SuccessCriterion> addCriterion(@PathVariable long id, @RequestBody InitiativeService.NewSuccessCriterion c) {
        initiatives.addSuccessCriterion(id, c);
        return initiatives.successCriteria(id);
    }

    @DeleteMapping("/initiatives/{id}/success-criteria/{criterionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteCriterion(@PathVariable long id, @PathVariable long criterionId) {
        initiatives.deleteSuccessCriterion(id, criterionId);
    }

    @Operation(summary = "Budget table over years (one row per initiative, department and grand totals); type DRIFT, ANLAEG or both")
    @GetMapping("/budget")
    InitiativeService.BudgetTable budget(@RequestParam int from, @RequestParam int to, @RequestParam(required = false) String department,
                                         @RequestParam(required = false) BudgetType type) {
        return initiatives.budgetTable(from, to, department, type);
    }

    @Operation(summary = "The funding picture of a year: initiatives and amounts per funding status")
    @GetMapping("/funding")
    List<InitiativeService.FundingLine> funding(@RequestParam int year) {
        return initiatives.fundingPicture(year);
    }

    @Operation(summary = "The effect goals with the indicator or effect measure that tracks them and their status today")
    @GetMapping("/goals")
    List<IndicatorService.GoalView> goals() {
        return indicators.goalViews(indicators.today(), false);
    }

    @Operation(summary = "Create an effect goal")
    @PostMapping("/goals/{number}")
    @ResponseStatus(HttpStatus.CREATED)
    IndicatorService.Goal createGoal(@PathVariable int number, @RequestBody IndicatorService.GoalChange c) {
        indicators.saveGoal(number, c, true);
        return indicators.goal(number);
    }

    @Operation(summary = "Change an effect goal; send the version you read (409 when stale)")
    @PutMapping("/goals/{number}")
    IndicatorService.Goal updateGoal(@PathVariable int number, @RequestBody IndicatorService.GoalChange c) {
        indicators.saveGoal(number, c, false);
        return indicators.goal(number);
    }

    @Operation(summary = "Indicators with their series and trend against the desired direction")
    @GetMapping("/indicators")
    List<IndicatorService.IndicatorView> indicators() {
        return indicators.views();
    }

    @Operation(summary = "Define an indicator (unit, responsible department, desired direction)")
    @PostMapping("/indicators")
    @ResponseStatus(HttpStatus.CREATED)
    IndicatorService.IndicatorView createIndicator(@RequestBody IndicatorService.IndicatorChange c) {
        return indicators.view(indicators.createIndicator(c));
    }

    @GetMapping("/indicators/{id}")
    IndicatorService.IndicatorView indicator(@PathVariable long id) {
        return indicators.view(id);
    }

    @Operation(summary = "Change an indicator's definition; send the version you read (409 when stale)")
    @PutMapping("/indicators/{id}")
    IndicatorService.IndicatorView updateIndicator(@PathVariable long id, @RequestBody IndicatorService.IndicatorChange c) {
        indicators.updateIndicator(id, c);
        return indicators.view(id);
    }

    @Operation(summary = "Enter a value of the series (replaces the value of the same period)")
    @PostMapping("/indicators/{id}/values")
    IndicatorService.IndicatorView putValue(@PathVariable long id, @RequestBody IndicatorService.NewValue v) {
        indicators.putValue(id, v);
        return indicators.view(id);
    }

    @DeleteMapping("/indicators/{id}/values/{valueId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteValue(@PathVariable long id, @PathVariable long valueId) {
        indicators.deleteValue(id, valueId);
    }

    @GetMapping("/departments")
    List<Map<String, String>> departments() {
        return Departments.CODES.stream().map(c -> Map.of("code", c, "label", Departments.label(c))).toList();
    }
}
