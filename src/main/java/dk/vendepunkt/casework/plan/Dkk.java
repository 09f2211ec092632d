package dk.vendepunkt.casework.plan;

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
        String s = text.trim().replace(" ", "").replace("\u00a0", "").replace("kr.", "").replace("kr", "");
        if (s.isEmpty()) return Optional.empty();
        if (s.contains(",")) {
            s = s.replace(".", "").replace(',', '.');
        } else if (s.chars().filter(c -> c == '.').count() > 1 || s.matches("-?\\d{1,3}(\\.\\d{3})+")) {
            s = s.replace(".", "");
        }
        if (!s.matches("-?\\d+(\\.\\d+)?")) return Optional.empty();
        BigDecimal v = new BigDecimal(s);
        return v.stripTrailingZeros().scale() > 2 ? Optional.empty() : Optional.of(v.setScale(2, RoundingMode.UNNECESSARY));
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
