package dk.vendepunkt.economics.web;

import dk.vendepunkt.economics.internal.EconomicsService;
import dk.vendepunkt.economics.internal.ParameterStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The contract's cost-benefit answer and the parameters behind it; ANALYST and PROGRAMME_MANAGER read. */
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

    record ParameterAnswer(String parameter, BigDecimal value, BigDecimal low, BigDecimal high, String source) {}

    record ParametersAnswer(String programme, String scenario, List<ParameterAnswer> parameters, List<String> scenarios) {}

    @Operation(summary = "A programme's parameters as stored: the base set, or a named scenario's overrides")
    @GetMapping("/api/v1/economics/parameters")
    ParametersAnswer parameters(@RequestParam String programme, @RequestParam(required = false) String scenario) {
        String sc = scenario == null ? ParameterStore.BASE : scenario;
        return new ParametersAnswer(programme, sc.isEmpty() ? null : sc, store.rows(programme, sc).stream()
                .map(x -> new ParameterAnswer(x.parameter().key(), x.value().value(), x.value().low(), x.value().high(), x.value().source())).toList(),
                store.scenarios(programme));
    }
}
