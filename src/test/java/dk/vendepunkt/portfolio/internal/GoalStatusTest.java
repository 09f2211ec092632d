package dk.vendepunkt.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.portfolio.internal.GoalStatus.Point;
import dk.vendepunkt.portfolio.internal.GoalStatus.TargetKind;
import dk.vendepunkt.portfolio.internal.GoalStatus.Trend;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoalStatusTest {

    static Point p(int year, String v) {
        return new Point(LocalDate.of(year, 12, 31), new BigDecimal(v));
    }

    static final LocalDate DEADLINE = LocalDate.of(2013, 12, 31);

    @Test
    void noValuesOrNoTargetIsNoData() {
        assertThat(GoalStatus.of(new BigDecimal("0.6"), TargetKind.LEVEL, Direction.UP, DEADLINE, List.of(), LocalDate.of(2012, 1, 1))).isEqualTo(GoalStatus.NO_DATA);
        assertThat(GoalStatus.of(null, TargetKind.LEVEL, Direction.UP, DEADLINE, List.of(p(2011, "1")), LocalDate.of(2012, 1, 1))).isEqualTo(GoalStatus.NO_DATA);
    }

    @Test
    void levelTargetMetIsOnTrackInTheDesiredDirection() {
        // effect goal 2: at least 60 %
        assertThat(GoalStatus.of(new BigDecimal("0.60"), TargetKind.LEVEL, Direction.UP, DEADLINE, List.of(p(2011, "0.60")), LocalDate.of(2012, 1, 1)))
                .isEqualTo(GoalStatus.ON_TRACK);
        assertThat(GoalStatus.of(new BigDecimal("0.60"), TargetKind.LEVEL, Direction.UP, DEADLINE, List.of(p(2011, "0.59")), LocalDate.of(2012, 1, 1)))
                .isEqualTo(GoalStatus.OFF_TRACK);
        // effect goal 4: no closures (at most 0)
        assertThat(GoalStatus.of(BigDecimal.ZERO, TargetKind.LEVEL, Direction.DOWN, DEADLINE, List.of(p(2010, "0")), LocalDate.of(2012, 1, 1)))
                .isEqualTo(GoalStatus.ON_TRACK);
        assertThat(GoalStatus.of(BigDecimal.ZERO, TargetKind.LEVEL, Direction.DOWN, DEADLINE, List.of(p(2010, "1")), LocalDate.of(2012, 1, 1)))
                .isEqualTo(GoalStatus.OFF_TRACK);
    }

    @Test
    void notYetMetIsOnTrackWhileMovingTheRightWayBeforeTheDeadline() {
        var series = List.of(p(2010, "5"), p(2011, "3"));
        assertThat(GoalStatus.of(BigDecimal.ZERO, TargetKind.LEVEL, Direction.DOWN, DEADLINE, series, LocalDate.of(2012, 6, 1))).isEqualTo(GoalStatus.ON_TRACK);
        assertThat(GoalStatus.of(BigDecimal.ZERO, TargetKind.LEVEL, Direction.DOWN, DEADLINE, series, LocalDate.of(2014, 1, 1))).isEqualTo(GoalStatus.OFF_TRACK);
        assertThat(GoalStatus.of(BigDecimal.ZERO, TargetKind.LEVEL, Direction.DOWN, DEADLINE, List.of(p(2010, "3"), p(2011, "5")), LocalDate.of(2012, 6, 1)))
                .isEqualTo(GoalStatus.OFF_TRACK);
    }

    @Test
    void changeTargetIsMeasuredFromTheFirstValue() {
        // effect goal 1: fall by 2 % towards 2013
        var fell = List.of(p(2010, "10.0"), p(2011, "9.9"), p(2012, "9.8"));
        assertThat(GoalStatus.of(new BigDecimal("-2"), TargetKind.CHANGE_PCT, Direction.DOWN, DEADLINE, fell, LocalDate.of(2013, 1, 1))).isEqualTo(GoalStatus.ON_TRACK);
        var rose = List.of(p(2010, "10.0"), p(2011, "9.9"), p(2012, "10.1"));
        assertThat(GoalStatus.of(new BigDecimal("-2"), TargetKind.CHANGE_PCT, Direction.DOWN, DEADLINE, rose, LocalDate.of(2013, 1, 1))).isEqualTo(GoalStatus.OFF_TRACK);
        assertThat(GoalStatus.of(new BigDecimal("-2"), TargetKind.CHANGE_PCT, Direction.DOWN, DEADLINE, List.of(p(2010, "10")), LocalDate.of(2013, 1, 1)))
                .isEqualTo(GoalStatus.NO_DATA);
    }

    @Test
    void trendFollowsTheDesiredDirection() {
        assertThat(Trend.of(Direction.DOWN, List.of(p(2011, "3"), p(2010, "5")))).isEqualTo(Trend.IMPROVING);
        assertThat(Trend.of(Direction.UP, List.of(p(2010, "5"), p(2011, "3")))).isEqualTo(Trend.WORSENING);
        assertThat(Trend.of(Direction.UP, List.of(p(2010, "5"), p(2011, "5.0")))).isEqualTo(Trend.UNCHANGED);
        assertThat(Trend.of(Direction.UP, List.of(p(2010, "5")))).isEqualTo(Trend.TOO_FEW_VALUES);
    }
}
