package dk.vendepunkt.portfolio.internal;

/** The desired direction of an indicator or effect goal. */
public enum Direction {
    UP, DOWN;

    /** True when moving from {@code from} to {@code to} goes the desired way (strictly). */
    boolean improves(java.math.BigDecimal from, java.math.BigDecimal to) {
        int c = to.compareTo(from);
        return this == UP ? c > 0 : c < 0;
    }

    /** True when {@code value} is at or beyond {@code target} in the desired direction. */
    boolean meets(java.math.BigDecimal value, java.math.BigDecimal target) {
        int c = value.compareTo(target);
        return this == UP ? c >= 0 : c <= 0;
    }
}
