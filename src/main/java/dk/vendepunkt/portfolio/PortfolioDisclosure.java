package dk.vendepunkt.portfolio;

import dk.vendepunkt.platform.FormErrors;
import java.math.BigDecimal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Disclosure control of indicator values derived from personal data (indicators flagged
 * {@code personal_data}) before they leave the system in a report. Such a value is published only when
 * it is a count of zero or at least the threshold; a count between 1 and threshold − 1 is withheld, and
 * so is any non-integral value (a share or rate whose numerator and denominator the portfolio does not
 * know, so small cells cannot be ruled out). Effect measures arrive already controlled through
 * {@link EffectMeasureFigures} with {@code publicVersion = true}.
 */
@Component
class PortfolioDisclosure {

    private final int threshold;
    private final FormErrors messages;

    PortfolioDisclosure(@Value("${vendepunkt.disclosure.threshold:5}") int threshold, FormErrors messages) {
        this.threshold = threshold;
        this.messages = messages;
    }

    int threshold() {
        return threshold;
    }

    static boolean withhold(BigDecimal v, int threshold) {
        if (v == null) return false;
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() > 0) return true;
        return v.signum() > 0 && v.compareTo(BigDecimal.valueOf(threshold)) < 0;
    }

    boolean withhold(BigDecimal v) {
        return withhold(v, threshold);
    }

    String note() {
        return messages.message("pf.report.suppressed", threshold);
    }
}
