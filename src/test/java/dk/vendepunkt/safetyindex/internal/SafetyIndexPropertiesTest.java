package dk.vendepunkt.safetyindex.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SafetyIndexPropertiesTest {

    static SafetyIndexProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("vendepunkt.safety-index", SafetyIndexProperties.class);
    }

    @Test
    void defaults() {
        var p = bind(Map.of());
        assertThat(p.minimumRespondents()).isEqualTo(30);
        assertThat(p.weights()).isEqualTo(new SafetyIndexProperties.Weights(1.0, 1.0, 1.0, 1.0));
        assertThat(p.cutPoints()).isEqualTo(new SafetyIndexProperties.CutPoints(150.0, 125.0, 90.0, 75.0));
        assertThat(p.effectGoal3()).isEqualTo(new SafetyIndexProperties.EffectGoal3("effektmaal3_markante_omraader", null));
    }

    @Test
    void operatorSettingsAreBound() {
        var p = bind(Map.of(
                "vendepunkt.safety-index.minimum-respondents", "50",
                "vendepunkt.safety-index.weights.feels-unsafe", "2",
                "vendepunkt.safety-index.weights.reports-per1000", "0.5",
                "vendepunkt.safety-index.cut-points.markant", "160",
                "vendepunkt.safety-index.cut-points.reduceret", "70",
                "vendepunkt.safety-index.effect-goal3.baseline-year", "2010",
                "vendepunkt.safety-index.effect-goal3.indicator", ""));
        assertThat(p.effectGoal3().baselineYear()).isEqualTo(2010);
        assertThat(p.effectGoal3().indicator()).isEmpty();
        assertThat(p.minimumRespondents()).isEqualTo(50);
        assertThat(p.weights().feelsUnsafe()).isEqualTo(2.0);
        assertThat(p.weights().victimised()).isEqualTo(1.0);
        assertThat(p.weights().reportsPer1000()).isEqualTo(0.5);
        assertThat(p.cutPoints().markant()).isEqualTo(160.0);
        assertThat(p.cutPoints().intensiveret()).isEqualTo(125.0);
        assertThat(p.cutPoints().categorise(155)).isEqualTo(Category.INTENSIVERET);
        assertThat(p.cutPoints().categorise(72)).isEqualTo(Category.REDUCERET);
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> bind(Map.of("vendepunkt.safety-index.cut-points.markant", "100")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("cut-points");
        assertThatThrownBy(() -> bind(Map.of("vendepunkt.safety-index.weights.victimised", "-1")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("weights");
        assertThatThrownBy(() -> bind(Map.of("vendepunkt.safety-index.weights.feels-unsafe", "0", "vendepunkt.safety-index.weights.victimised", "0",
                "vendepunkt.safety-index.weights.crime-big-problem", "0", "vendepunkt.safety-index.weights.reports-per1000", "0")))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> bind(Map.of("vendepunkt.safety-index.minimum-respondents", "0"))).isInstanceOf(BindException.class);
    }
}
