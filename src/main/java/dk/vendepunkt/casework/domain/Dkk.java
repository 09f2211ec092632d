package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.DanishNumbers;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

/** Amounts in Danish kroner: exact decimals with at most two places (øre), never floating point. */
public final class Dkk {

    /** The largest single amount accepted (a sanity bound, not a policy). */
    public static final BigDecimal MAX = new BigDecimal("100000000.00");

    private Dkk() {}

    /**
     * Parses what a user types: "1234,50", "1.234,50", "1234.50" or "1234". Empty when the text is not
     * an amount or has more than two decimals.
     */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null) return Optional.empty();
        return DanishNumbers.parse(text.replace("kr.", "").replace("kr", ""), true)
                .filter(v -> v.stripTrailingZeros().scale() <= 2)
                .map(v -> v.setScale(2, RoundingMode.UNNECESSARY));
    }

    /** Whether an amount is a valid price: positive, at most two decimals, not absurdly large. */
    public static boolean validPositive(BigDecimal v) {
        return v != null && v.signum() > 0 && v.stripTrailingZeros().scale() <= 2 && v.compareTo(MAX) <= 0;
    }

    /** Danish display: 1.234,50 */
    public static String format(BigDecimal v) {
        if (v == null) return "";
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.of("da")));
        return f.format(v);
    }
}
