package dk.vendepunkt.economics.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The contract's parameters of a programme's cost-benefit calculation, with their defaults (null: required)
 * and the range a value (and its low/high) must lie in.
 */
public enum Parameter {
    ANNUAL_COST_DKK(null, "0", null, false),
    ONE_OFF_COST_DKK(BigDecimal.ZERO, "0", null, false),
    /** The cost period in years; more than 0. */
    YEARS(null, "0", "100", false),
    /** Distinct participants over the cost period; more than 0. */
    PARTICIPANTS(null, "0", null, false),
    BENEFIT_PER_SUCCESS_YEAR_DKK(null, "0", null, false),
    /** Whole years 0–100. */
    BENEFIT_YEARS(null, "0", "100", true),
    DISCOUNT_RATE(new BigDecimal("0.035"), "0", "1", false),
    REFERENCE_SUCCESS_RATE(BigDecimal.ZERO, "0", "1", false);

    private final BigDecimal defaultValue;
    private final BigDecimal min;
    private final BigDecimal max;
    private final boolean whole;

    Parameter(BigDecimal defaultValue, String min, String max, boolean whole) {
        this.defaultValue = defaultValue;
        this.min = new BigDecimal(min);
        this.max = max == null ? null : new BigDecimal(max);
        this.whole = whole;
    }

    /** The name in the CSV and the API, e.g. {@code annual_cost_dkk}. */
    public String key() {
        return name().toLowerCase();
    }

    public static Optional<Parameter> of(String key) {
        return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
    }

    public BigDecimal defaultValue() {
        return defaultValue;
    }

    /** Strictly positive (a divisor), not merely non-negative. */
    private boolean positive() {
        return this == YEARS || this == PARTICIPANTS;
    }

    /** The message code of what is wrong with {@code v} as a value, low or high of this parameter, or null. */
    public String problem(BigDecimal v) {
        if (v == null) return null;
        if (v.scale() > 6) return "economics.error.decimals";
        if (v.precision() - v.scale() > 14) return "economics.error.huge";
        if (positive() ? v.signum() <= 0 : v.compareTo(min) < 0) return positive() ? "economics.error.positive" : "economics.error.negative";
        if (max != null && (this == DISCOUNT_RATE ? v.compareTo(max) >= 0 : v.compareTo(max) > 0)) return "economics.error.tooLarge." + key();
        if (whole && v.stripTrailingZeros().scale() > 0) return "economics.error.whole";
        return null;
    }
}
