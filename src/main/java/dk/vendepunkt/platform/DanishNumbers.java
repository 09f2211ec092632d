package dk.vendepunkt.platform;

import java.math.BigDecimal;
import java.util.Optional;

/** Numbers as users type them in forms: the Danish way ("1.234,50", "0,6") or with a decimal point ("1234.50"). */
public final class DanishNumbers {

    private DanishNumbers() {}

    /**
     * An exact decimal; spaces are ignored. With a comma, the comma is the decimal separator and points group
     * thousands. Without one, a point is a decimal point, except for amounts ({@code groupedAmounts}) where
     * "12.500" or "1.250.000" group thousands. Empty when the text is not a number.
     */
    public static Optional<BigDecimal> parse(String text, boolean groupedAmounts) {
        if (text == null) return Optional.empty();
        String s = text.trim().replace(" ", "").replace("\u00a0", "");
        if (s.contains(",")) {
            s = s.replace(".", "").replace(',', '.');
        } else if (groupedAmounts && (s.chars().filter(c -> c == '.').count() > 1 || s.matches("[-+]?\\d{1,3}(\\.\\d{3})+"))) {
            s = s.replace(".", "");
        }
        return s.matches("[-+]?\\d+(\\.\\d+)?") ? Optional.of(new BigDecimal(s)) : Optional.empty();
    }
}
