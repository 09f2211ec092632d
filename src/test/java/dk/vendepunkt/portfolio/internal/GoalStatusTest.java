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
        assertThat(GoalStatus.of(BigDecimal.ZERO, TargetKind.LEVEL, Direction.DOWN, DEADLINE, series, LocalDate.of(2014, 1, 1))).isEqualTo(GoalStatus.NOT_ACHIEVED);
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
    void afterTheDeadlineAGoalIsAchievedOrNotAndLaterValuesDoNotChangeThat() {
        LocalDate after = LocalDate.of(2026, 12, 3);
        // effect goal 2 (at least 60 %): met, but the deadline 31-12-2013 has passed: "Nået", not "På rette spor"
        assertThat(GoalStatus.of(new BigDecimal("0.60"), TargetKind.LEVEL, Direction.UP, DEADLINE, List.of(p(2013, "0.64")), after))
                .isEqualTo(GoalStatus.ACHIEVED);
        assertThat(GoalStatus.of(new BigDecimal("0.60"), TargetKind.LEVEL, Direction.UP, DEADLINE, List.of(p(2012, "0.50"), p(2013, "0.55")), after))
                .isEqualTo(GoalStatus.NOT_ACHIEVED);
        // judged on the value at the deadline: a later value does not make a missed goal reached, nor the reverse
        assertThat(GoalStatus.of(new BigDecimal("0.60"), TargetKind.LEVEL, Direction.UP, DEADLINE, List.of(p(2013, "0.55"), p(2015, "0.70")), after))
                .isEqualTo(GoalStatus.NOT_ACHIEVED);
        assertThat(GoalStatus.of(new BigDecimal("0.60"), TargetKind.LEVEL, Direction.UP, DEADLINE, List.of(p(2013, "0.65"), p(2015, "0.50")), after))
                .isEqualTo(GoalStatus.ACHIEVED);
        // a figure measured only after the deadline (an effect measure computed today) is judged as it is
        assertThat(GoalStatus.of(new BigDecimal("0.60"), TargetKind.LEVEL, Direction.UP, DEADLINE,
                List.of(new Point(after, new BigDecimal("0.62"))), after)).isEqualTo(GoalStatus.ACHIEVED);
        // a change target over the values up to the deadline
        var fell = List.of(p(2010, "10.0"), p(2013, "9.7"), p(2014, "10.5"));
        assertThat(GoalStatus.of(new BigDecimal("-2"), TargetKind.CHANGE_PCT, Direction.DOWN, DEADLINE, fell, after)).isEqualTo(GoalStatus.ACHIEVED);
    }

    @Test
    void trendFollowsTheDesiredDirection() {
        assertThat(Trend.of(Direction.DOWN, List.of(p(2011, "3"), p(2010, "5")))).isEqualTo(new Trend(Trend.Movement.IMPROVING, Trend.Basis.YEAR_EARLIER));
        assertThat(Trend.of(Direction.UP, List.of(p(2010, "5"), p(2011, "3"))).movement()).isEqualTo(Trend.Movement.WORSENING);
        assertThat(Trend.of(Direction.UP, List.of(p(2010, "5"), p(2011, "5.0"))).movement()).isEqualTo(Trend.Movement.UNCHANGED);
        assertThat(Trend.of(Direction.UP, List.of(p(2010, "5"))).movement()).isEqualTo(Trend.Movement.TOO_FEW_VALUES);
        assertThat(Trend.of(Direction.UP, List.of(p(2010, "5"))).key()).isEqualTo("pf.trend.TOO_FEW_VALUES");
    }

    static Point q(int year, int quarter, String v) {
        return new Point(LocalDate.of(year, quarter * 3, 1).plusMonths(1).minusDays(1), new BigDecimal(v));
    }

    @Test
    void aQuarterIsComparedWithTheSameQuarterAYearEarlierNotWithTheQuarterBefore() {
        // charges fall year on year; the third quarter is always higher than the second
        var series = List.of(q(2023, 2, "100"), q(2023, 3, "130"), q(2023, 4, "95"), q(2024, 1, "90"), q(2024, 2, "92"), q(2024, 3, "120"));
        Trend t = Trend.of(Direction.DOWN, series);
        assertThat(t).isEqualTo(new Trend(Trend.Movement.IMPROVING, Trend.Basis.YEAR_EARLIER));
        assertThat(t.key()).isEqualTo("pf.trend.IMPROVING.YEAR_EARLIER");
        // without a value a year earlier, the value before is all there is, and the trend says so
        Trend short_ = Trend.of(Direction.DOWN, List.of(q(2024, 2, "92"), q(2024, 3, "120")));
        assertThat(short_).isEqualTo(new Trend(Trend.Movement.WORSENING, Trend.Basis.PREVIOUS));
        // before the deadline, a goal not yet met is on track when it improves year on year
        assertThat(GoalStatus.of(new BigDecimal("80"), TargetKind.LEVEL, Direction.DOWN, LocalDate.of(2030, 12, 31), series, LocalDate.of(2024, 10, 15)))
                .isEqualTo(GoalStatus.ON_TRACK);
    }
}
