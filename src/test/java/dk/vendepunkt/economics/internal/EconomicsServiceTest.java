package dk.vendepunkt.economics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dk.vendepunkt.economics.SuccessRates;
import dk.vendepunkt.economics.internal.CostBenefit.Value;
import dk.vendepunkt.platform.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The service's choice of success rate and its interval, with the store and the measured rates stubbed. */
class EconomicsServiceTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    /** annual 600 000, 1 year, 10 participants: 60 000 each; 200 000 a success for 1 year at 0 %; p0 0.1. */
    static Map<Parameter, Value> parameters() {
        Map<Parameter, Value> out = new EnumMap<>(Parameter.class);
        CostBenefitTest.values(600_000, 0, "1", 10, 200_000, 1, "0", "0.1").forEach((k, v) -> out.put(k, new Value(v, null, null, null)));
        return out;
    }

    static EconomicsService service(Map<Parameter, Value> parameters, List<SuccessRates.Rate> rates) {
        ParameterStore store = new ParameterStore(null) {
            @Override
            public Map<Parameter, Value> effective(String programme, String scenario) {
                return parameters;
            }

            @Override
            public List<Row> rows(String programme, String scenario) {
                return List.of();
            }
        };
        var beans = new StaticListableBeanFactory();
        if (rates != null) beans.addBean("rates", (SuccessRates) (programme, asOf) -> rates);
        return new EconomicsService(store, beans.getBeanProvider(SuccessRates.class), null, null, null, null);
    }

    @Test
    void measuredRateGivesTheGainAtTheEndsOfItsWilsonInterval() {
        // 42 of 100; Wilson ends (as outcomes computes them) 0.3264… and 0.5200…
        var total = new SuccessRates.Rate(null, 42, 100, 0.32804, 0.51813);
        var r = service(parameters(), List.of(total, new SuccessRates.Rate(2024, 42, 100, 0.32804, 0.51813))).calculate("X", null, AS_OF, null, 1000, 3L);
        assertThat(r.successRate()).isEqualTo(0.42);
        assertThat(r.successRateCi95()).containsExactly(0.32804, 0.51813);
        // (0.42 − 0.1) × 200 000 − 60 000 = 4 000; ends: (0.32804 − 0.1) × 200 000 − 60 000 = −14 392, (0.51813 − 0.1) × 200 000 − 60 000 = 23 626
        assertThat(r.point().gainPerParticipant()).isEqualByComparingTo("4000");
        assertThat(r.gainCi95()[0]).isEqualByComparingTo("-14392");
        assertThat(r.gainCi95()[1]).isEqualByComparingTo("23626");
        // break-even 0.1 + 60 000 / 200 000 = 0.4
        assertThat(r.point().breakEvenSuccessRate()).isEqualByComparingTo("0.4");
        // p drawn from Beta(43, 59): the median gain is near the point, the draws spread
        assertThat(r.simulation().draws()).isEqualTo(1000);
        assertThat(r.simulation().seed()).isEqualTo(3);
        assertThat(r.simulation().gainP05()).isLessThan(0);
        assertThat(r.simulation().gainP95()).isGreaterThan(8000);
        assertThat(r.simulation().gainP50()).isCloseTo(4000 + 200_000 * (43.0 / 102 - 0.42), within(2500.0));
    }

    @Test
    void givenRateHasNoInterval() {
        var r = service(parameters(), List.of(new SuccessRates.Rate(null, 42, 100, 0.33, 0.52))).calculate("X", null, AS_OF, 0.5, null, null);
        assertThat(r.successRate()).isEqualTo(0.5);
        assertThat(r.successRateCi95()).isNull();
        assertThat(r.gainCi95()).isNull();
        assertThat(r.point().gainPerParticipant()).isEqualByComparingTo("20000");
        assertThat(r.simulation().draws()).isEqualTo(EconomicsService.DEFAULT_DRAWS);
        assertThat(r.simulation().seed()).isEqualTo(EconomicsService.DEFAULT_SEED);
        // the measured figures stay available for the page
        assertThat(r.measured()).hasSize(1);
    }

    @Test
    void refusesWhatCannotBeCalculated() {
        assertThatThrownBy(() -> service(parameters(), null).calculate("X", null, AS_OF, null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).extracting(p -> p.code()).containsExactly("economics.error.noRate"));
        assertThatThrownBy(() -> service(parameters(), null).calculate("X", null, AS_OF, 1.2, 0, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).extracting(p -> p.code())
                        .containsExactly("economics.error.rate", "economics.error.draws"));
        var missing = parameters();
        missing.remove(Parameter.PARTICIPANTS);
        assertThatThrownBy(() -> service(missing, null).calculate("X", null, AS_OF, 0.4, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.args()).containsExactly("participants")));
    }

    @Test
    void parameterRowsAreChecked() {
        assertThat(EconomicsService.problems("EXIT", "discount_rate", new BigDecimal("0.035"), new BigDecimal("0.02"), new BigDecimal("0.05"))).isEmpty();
        assertThat(EconomicsService.problems("exit", "nope", null, new BigDecimal("1"), null)).extracting(p -> p.field() + ":" + p.code())
                .containsExactly("programme:economics.error.programme", "parameter:economics.error.parameter", "value:economics.error.value",
                        "high:economics.error.bothEnds");
        assertThat(EconomicsService.problems("EXIT", "participants", BigDecimal.ZERO, null, null)).extracting(p -> p.code())
                .containsExactly("economics.error.positive");
        assertThat(EconomicsService.problems("EXIT", "discount_rate", BigDecimal.ONE, null, null)).extracting(p -> p.code())
                .containsExactly("economics.error.tooLarge.discount_rate");
        assertThat(EconomicsService.problems("EXIT", "benefit_years", new BigDecimal("2.5"), null, null)).extracting(p -> p.code())
                .containsExactly("economics.error.whole");
        assertThat(EconomicsService.problems("EXIT", "annual_cost_dkk", new BigDecimal("100"), new BigDecimal("200"), new BigDecimal("300")))
                .extracting(p -> p.code()).containsExactly("economics.error.lowAboveValue");
    }
}
