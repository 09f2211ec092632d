package dk.vendepunkt.economics.web;

import dk.vendepunkt.economics.internal.EconomicsService;
import dk.vendepunkt.economics.internal.ParameterStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The contract's cost-benefit answer and the parameters behind it; ANALYST and PROGRAMME_MANAGER read, PROGRAMME_MANAGER changes. */
@RestController
@Tag(name = "Economics", description = "Cost per participant, societal gain, break-even and its uncertainty")
@PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
class EconomicsApiController {

    private final EconomicsService service;
    private final ParameterStore store;

    EconomicsApiController(EconomicsService service, ParameterStore store) {
        this.service = service;
        this.store = store;
    }

    /** The contract's answer; amounts in kroner, unrounded. */
    record CostBenefitAnswer(String programme, LocalDate asOf, double successRate, double[] successRateCi95, BigDecimal p0,
                             BigDecimal totalCost, BigDecimal costPerParticipant, BigDecimal costPerParticipantYear, BigDecimal benefitPerSuccess,
                             BigDecimal gainPerParticipant, BigDecimal[] gainCi95, BigDecimal breakEvenSuccessRate,
                             int draws, long seed, double gainP05, double gainP50, double gainP95, double probabilityPositive) {}

    @Operation(summary = "Cost per participant, discounted benefit per success, gain per participant with its interval, "
            + "break-even success rate and a seeded Monte Carlo (contract: Economics). scenario: a named parameter set (default the base)")
    @GetMapping("/api/v1/economics/cost-benefit")
    CostBenefitAnswer costBenefit(@RequestParam String programme, @RequestParam LocalDate asOf, @RequestParam(required = false) Double successRate,
                                  @RequestParam(required = false) Integer draws, @RequestParam(required = false) Long seed,
                                  @RequestParam(required = false) String scenario) {
        var r = service.calculate(programme, scenario, asOf, successRate, draws, seed);
        var p = r.point();
        var s = r.simulation();
        return new CostBenefitAnswer(r.programme(), r.asOf(), r.successRate(), r.successRateCi95(), r.p0(), p.totalCost(), p.costPerParticipant(),
                p.costPerParticipantYear(), p.benefitPerSuccess(), p.gainPerParticipant(), r.gainCi95(), p.breakEvenSuccessRate(),
                s.draws(), s.seed(), s.gainP05(), s.gainP50(), s.gainP95(), s.probabilityPositive());
    }

    /** {@code version}: the row's version, to send back with a change (optimistic concurrency). */
    record ParameterAnswer(String parameter, BigDecimal value, BigDecimal low, BigDecimal high, String source, int version) {
        static ParameterAnswer of(ParameterStore.Row x) {
            return new ParameterAnswer(x.parameter().key(), x.value().value(), x.value().low(), x.value().high(), x.value().source(), x.version());
        }
    }

    record ParametersAnswer(String programme, String scenario, List<ParameterAnswer> parameters, List<String> scenarios) {}

    @Operation(summary = "A programme's parameters as stored: the base set, or a named scenario's overrides")
    @GetMapping("/api/v1/economics/parameters")
    ParametersAnswer parameters(@RequestParam String programme, @RequestParam(required = false) String scenario) {
        String sc = scenario == null ? ParameterStore.BASE : scenario;
        return new ParametersAnswer(programme, sc.isEmpty() ? null : sc, store.rows(programme, sc).stream().map(ParameterAnswer::of).toList(),
                store.scenarios(programme));
    }

    /** A parameter's new value; {@code version} as read (null: create a parameter the set does not have yet). */
    record ParameterChange(BigDecimal value, BigDecimal low, BigDecimal high, String source, Integer version) {}

    @Operation(summary = "Create or change one parameter of the base set or a named scenario; version as read (409 when stale, 404 when "
            + "there is nothing to change; no version creates it, 409 when it exists)")
    @PutMapping("/api/v1/economics/parameters/{parameter}")
    @PreAuthorize("hasRole('PROGRAMME_MANAGER')")
    ParameterAnswer putParameter(@PathVariable String parameter, @RequestParam String programme, @RequestParam(required = false) String scenario,
                                 @RequestBody ParameterChange change, Authentication auth) {
        return ParameterAnswer.of(service.put(programme, scenario, parameter, change.value(), change.low(), change.high(), change.source(),
                change.version(), auth.getName()));
    }

    /** A scenario's new name. */
    record ScenarioChange(String name) {}

    record ScenarioAnswer(String programme, String scenario) {}

    @Operation(summary = "Rename a named scenario (404 unknown, 409 when the name is taken)")
    @PutMapping("/api/v1/economics/scenarios/{scenario}")
    @PreAuthorize("hasRole('PROGRAMME_MANAGER')")
    ScenarioAnswer putScenario(@PathVariable String scenario, @RequestParam String programme, @RequestBody ScenarioChange change, Authentication auth) {
        service.renameScenario(programme, scenario, change.name(), auth.getName());
        return new ScenarioAnswer(programme, change.name().strip());
    }

    @Operation(summary = "Delete a named scenario (its parameters; the base set stays); 404 unknown")
    @DeleteMapping("/api/v1/economics/scenarios/{scenario}")
    @PreAuthorize("hasRole('PROGRAMME_MANAGER')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteScenario(@PathVariable String scenario, @RequestParam String programme, Authentication auth) {
        service.deleteScenario(programme, scenario, auth.getName());
    }
}
