package dk.vendepunkt.portfolio.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;

/**
 * Status of an effect goal from the values of the indicator or effect measure that tracks it.
 * <ul>
 * <li>{@code NO_DATA}: no value at all (or the figure is suppressed), or no numeric target.</li>
 * <li>{@code ON_TRACK}: the latest value meets the target in the desired direction; or, before the
 *     deadline, the latest value has moved the desired way since the previous one.</li>
 * <li>{@code OFF_TRACK}: otherwise (the deadline has passed without meeting the target, only one value
 *     that does not meet it, or the last change went the wrong way or nowhere).</li>
 * </ul>
 * A {@code CHANGE_PCT} target (e.g. −2 %) is measured as the change of the latest value from the first
 * value of the series (the baseline) in percent.
 */
public enum GoalStatus {
    ON_TRACK, OFF_TRACK, NO_DATA;

    public enum TargetKind { LEVEL, CHANGE_PCT }

    /** One observation, oldest first in the list given to {@link #of}. */
    record Point(LocalDate periodEnd, BigDecimal value) {}

    static GoalStatus of(BigDecimal target, TargetKind kind, Direction direction, LocalDate deadline, List<Point> series, LocalDate asOf) {
        if (series == null || series.isEmpty() || target == null || direction == null) return NO_DATA;
        List<Point> sorted = series.stream().sorted(java.util.Comparator.comparing(Point::periodEnd)).toList();
        Point latest = sorted.getLast();
        BigDecimal measured = latest.value();
        if (kind == TargetKind.CHANGE_PCT) {
            if (sorted.size() < 2) return NO_DATA;
            BigDecimal base = sorted.getFirst().value();
            if (base.signum() == 0) return NO_DATA;
            measured = latest.value().subtract(base).multiply(BigDecimal.valueOf(100)).divide(base.abs(), MathContext.DECIMAL64);
        }
        if (direction.meets(measured, target)) return ON_TRACK;
        boolean pastDeadline = deadline != null && asOf != null && asOf.isAfter(deadline);
        if (pastDeadline || sorted.size() < 2) return OFF_TRACK;
        BigDecimal previous = sorted.get(sorted.size() - 2).value();
        return direction.improves(previous, latest.value()) ? ON_TRACK : OFF_TRACK;
    }

    /** Trend of a series against its desired direction, from the last two values. */
    enum Trend {
        IMPROVING, WORSENING, UNCHANGED, TOO_FEW_VALUES;

        static Trend of(Direction direction, List<Point> series) {
            if (series == null || series.size() < 2) return TOO_FEW_VALUES;
            List<Point> sorted = series.stream().sorted(java.util.Comparator.comparing(Point::periodEnd)).toList();
            BigDecimal a = sorted.get(sorted.size() - 2).value();
            BigDecimal b = sorted.getLast().value();
            if (a.compareTo(b) == 0) return UNCHANGED;
            return direction.improves(a, b) ? IMPROVING : WORSENING;
        }
    }
}
