package dk.vendepunkt.portfolio.internal;

import dk.vendepunkt.portfolio.EffectMeasureFigures;
import dk.vendepunkt.reporting.DisclosurePolicy;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/**
 * Disclosure control of indicator values derived from personal data (indicators flagged
 * {@code personal_data}) before they leave the system, through {@link DisclosurePolicy}: a count is
 * withheld when {@link DisclosurePolicy#suppressCount} says so (1 … threshold−1), and any non-integral
 * value is withheld (a share or rate whose numerator and denominator the portfolio does not know, so
 * small cells cannot be ruled out). Effect measures arrive already controlled through
 * {@link EffectMeasureFigures} with {@code publicVersion = true}. Portfolio figures (budgets,
 * initiatives) are not personal data and are not controlled.
 */
@Component
public class PortfolioDisclosure {

    private final DisclosurePolicy policy;
    PortfolioDisclosure(DisclosurePolicy policy) {
        this.policy = policy;
    }

    boolean withhold(BigDecimal v) {
        if (v == null) return false;
        if (v.stripTrailingZeros().scale() > 0) return true;
        return policy.suppressCount(v.longValueExact());
    }

    /** PUBLIC for null/blank/"public"; INTERNAL (403 unless the user may) for "internal". */
    public boolean publicVersion(String requested) {
        return policy.resolve(requested) == dk.vendepunkt.reporting.Disclosure.PUBLIC;
    }

    int threshold() {
        return policy.threshold();
    }
}
