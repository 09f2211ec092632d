package dk.vendepunkt.portfolio.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;

/**
 * Status of an effect goal from the values of the indicator or effect measure that tracks it.
 * <ul>
 * <li>{@code NO_DATA}: no value at all (or the figure is suppressed), or no numeric target.</li>
 * <li>Before the deadline (or without one): {@code ON_TRACK} when the latest value meets the target in the
 *     desired direction, or has moved the desired way by the {@link Trend} rule; {@code OFF_TRACK} otherwise.</li>
 * <li>After the deadline: {@code ACHIEVED} or {@code NOT_ACHIEVED}, judged on the latest value up to the
 *     deadline (a goal is reached by its deadline or not; later values do not change that). When no value
 *     lies on or before the deadline (an effect measure computed afterwards for the cohorts of the goal's
 *     period), the latest value is judged.</li>
 * </ul>
 * A {@code CHANGE_PCT} target (e.g. −2 %) is measured as the change of the judged value from the first
 * value of the series (the baseline) in percent.
 */
public enum GoalStatus {
    ON_TRACK, OFF_TRACK, ACHIEVED, NOT_ACHIEVED, NO_DATA;

    public enum TargetKind { LEVEL, CHANGE_PCT }

    /** One observation, oldest first in the list given to {@link #of}. */
    record Point(LocalDate periodEnd, BigDecimal value) {}

    static GoalStatus of(BigDecimal target, TargetKind kind, Direction direction, LocalDate deadline, List<Point> series, LocalDate asOf) {
        if (series == null || series.isEmpty() || target == null || direction == null) return NO_DATA;
        List<Point> sorted = sorted(series);
        boolean pastDeadline = deadline != null && asOf != null && asOf.isAfter(deadline);
        List<Point> judged = sorted;
        if (pastDeadline) {
            List<Point> byDeadline = sorted.stream().filter(p -> !p.periodEnd().isAfter(deadline)).toList();
            if (!byDeadline.isEmpty()) judged = byDeadline;
        }
        BigDecimal measured = judged.getLast().value();
        if (kind == TargetKind.CHANGE_PCT) {
            if (judged.size() < 2) return NO_DATA;
            BigDecimal base = judged.getFirst().value();
            if (base.signum() == 0) return NO_DATA;
            measured = measured.subtract(base).multiply(BigDecimal.valueOf(100)).divide(base.abs(), MathContext.DECIMAL64);
        }
        boolean meets = direction.meets(measured, target);
        if (pastDeadline) return meets ? ACHIEVED : NOT_ACHIEVED;
        if (meets) return ON_TRACK;
        return Trend.of(direction, sorted).movement() == Trend.Movement.IMPROVING ? ON_TRACK : OFF_TRACK;
    }

    private static List<Point> sorted(List<Point> series) {
        return series.stream().sorted(java.util.Comparator.comparing(Point::periodEnd)).toList();
    }

    /**
     * How a series moved against its desired direction, and what the latest value was compared with: like with
     * like, the value of the same period a year earlier ({@code YEAR_EARLIER}: a quarter with the same quarter,
     * a year with the year before), so one season's rise in a falling series does not read as a reversal; only
     * when the series has no value a year earlier, the value before the latest ({@code PREVIOUS}).
     */
    record Trend(Movement movement, Basis basis) {

        enum Movement { IMPROVING, WORSENING, UNCHANGED, TOO_FEW_VALUES }

        enum Basis { YEAR_EARLIER, PREVIOUS, NONE }

        static Trend of(Direction direction, List<Point> series) {
            if (series == null || series.size() < 2) return new Trend(Movement.TOO_FEW_VALUES, Basis.NONE);
            List<Point> sorted = sorted(series);
            Point latest = sorted.getLast();
            LocalDate yearEarlier = latest.periodEnd().minusYears(1);
            Point compared = sorted.stream().filter(p -> p.periodEnd().equals(yearEarlier)).findFirst().orElse(null);
            Basis basis = Basis.YEAR_EARLIER;
            if (compared == null) {
                compared = sorted.get(sorted.size() - 2);
                basis = Basis.PREVIOUS;
            }
            BigDecimal a = compared.value();
            BigDecimal b = latest.value();
            if (a.compareTo(b) == 0) return new Trend(Movement.UNCHANGED, basis);
            return new Trend(direction.improves(a, b) ? Movement.IMPROVING : Movement.WORSENING, basis);
        }

        /** The message key: {@code pf.trend.IMPROVING.YEAR_EARLIER}, …, or {@code pf.trend.TOO_FEW_VALUES}. */
        String key() {
            return "pf.trend." + movement + (basis == Basis.NONE ? "" : "." + basis);
        }
    }
}
