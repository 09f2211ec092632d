package dk.vendepunkt.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.portfolio.EffectMeasureFigures;
import dk.vendepunkt.platform.Zones;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Effect goals tracked by an effect measure from another module, through {@link EffectMeasureFigures}. */
class EffectMeasureGoalTest {

    static final LocalDate DEADLINE = LocalDate.of(2013, 12, 31);
    // effect goal 2 of 002: at least 60 % of completed exit courses without a serious conviction within 2 years
    static final IndicatorService.Goal GOAL2 = new IndicatorService.Goal(2, "Minimum 60 % …", "SOF", "Mindst 60 %", new BigDecimal("0.60"),
            GoalStatus.TargetKind.LEVEL, Direction.UP, DEADLINE, null, "no_serious_conviction_2y_completed", 0);

    final List<Boolean> askedPublic = new ArrayList<>();

    IndicatorService with(EffectMeasureFigures.Figure figure) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (figure != null) {
            beans.addBean("figures", (EffectMeasureFigures) (id, asOf, publicVersion) -> {
                askedPublic.add(publicVersion);
                return id.equals("no_serious_conviction_2y_completed") ? Optional.of(figure) : Optional.empty();
            });
        }
        return new IndicatorService(null, beans.getBeanProvider(EffectMeasureFigures.class), null, Clock.system(Zones.ZONE));
    }

    @Test
    void statusFollowsTheMeasuresFigure() {
        LocalDate asOf = LocalDate.of(2012, 6, 30);
        var met = with(new EffectMeasureFigures.Figure(0.65, asOf, false, "65 %")).goalView(GOAL2, asOf, true);
        assertThat(met.status()).isEqualTo(GoalStatus.ON_TRACK);
        assertThat(met.latestValue()).isEqualByComparingTo("0.65");
        assertThat(met.personalData()).isTrue();
        assertThat(askedPublic).containsExactly(true);

        var notMet = with(new EffectMeasureFigures.Figure(0.55, asOf, false, "55 %")).goalView(GOAL2, asOf, false);
        assertThat(notMet.status()).isEqualTo(GoalStatus.OFF_TRACK);
        assertThat(askedPublic).containsExactly(true, false);
    }

    @Test
    void theMeasureIsShownByItsLabelAndAsAPercentage() {
        LocalDate asOf = LocalDate.of(2012, 6, 30);
        var g = with(new EffectMeasureFigures.Figure(0.701389, asOf, false, "Ikke dømt 2 år efter gennemført forløb (EXIT)"))
                .goalView(GOAL2, asOf, false);
        assertThat(g.trackerLabel()).isEqualTo("Ikke dømt 2 år efter gennemført forløb (EXIT)");
        assertThat(new PortfolioFormat().goalValue(g)).isEqualTo("70,1 %");
        var withoutModule = with(null).goalView(GOAL2, asOf, false);
        assertThat(withoutModule.trackerLabel()).isEqualTo("no_serious_conviction_2y_completed");
        assertThat(new PortfolioFormat().goalValue(withoutModule)).isEmpty();
    }

    @Test
    void aSuppressedFigureOrNoModuleIsNoData() {
        LocalDate asOf = LocalDate.of(2012, 6, 30);
        var suppressed = with(new EffectMeasureFigures.Figure(null, asOf, true, null)).goalView(GOAL2, asOf, true);
        assertThat(suppressed.status()).isEqualTo(GoalStatus.NO_DATA);
        assertThat(suppressed.suppressed()).isTrue();
        assertThat(suppressed.latestValue()).isNull();

        var none = with(null).goalView(GOAL2, asOf, true);
        assertThat(none.status()).isEqualTo(GoalStatus.NO_DATA);
        assertThat(none.suppressed()).isFalse();
    }
}
