package dk.vendepunkt.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * For Vendepunkt's own modules that compute an indicator's values (e.g. crime figures or the safety
 * index): records a value of an indicator's series by its ref, replacing the value of the same period.
 * Values must not be derived from personal data unless the indicator is flagged {@code personal_data}
 * (its values then pass disclosure control before they leave the system).
 */
public interface IndicatorFeed {

    /** Whether an indicator with this ref is defined (an analyst defines indicators). */
    boolean defined(String indicatorRef);

    /**
     * Records the value of a period.
     *
     * @return true when a new value was added, false when the period's value was replaced
     * @throws dk.vendepunkt.platform.NotFoundException when no indicator has the ref
     * @throws dk.vendepunkt.platform.ValidationException when the period ends before it starts or the value is missing
     */
    default boolean record(String indicatorRef, LocalDate periodStart, LocalDate periodEnd, BigDecimal value, String source) {
        return record(indicatorRef, periodStart, periodEnd, null, value, source);
    }

    /**
     * Records the value of a period for one area (a district or bydel code; null = the whole city, the series
     * that goals and trends read).
     *
     * @return true when a new value was added, false when the value of that period and area was replaced
     */
    boolean record(String indicatorRef, LocalDate periodStart, LocalDate periodEnd, String area, BigDecimal value, String source);
}
