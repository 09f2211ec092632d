package dk.vendepunkt.portfolio;

import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For Vendepunkt's own modules that compute an indicator's values (e.g. crime figures or the safety
 * index): records a value of an indicator's series by its ref, replacing the value of the same period.
 * Values must not be derived from personal data unless the indicator is flagged {@code personal_data}
 * (its values then pass disclosure control before they leave the system).
 */
@Service
public class IndicatorFeed {

    private final JdbcClient jdbc;

    IndicatorFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether an indicator with this ref is defined (an analyst defines indicators). */
    public boolean defined(String indicatorRef) {
        return jdbc.sql("select count(*) from pf_indicator where ref = ?").param(indicatorRef).query(Long.class).single() > 0;
    }

    /**
     * @return true when a new value was added, false when the period's value was replaced
     * @throws NotFoundException when no indicator has the ref
     */
    @Transactional
    public boolean record(String indicatorRef, LocalDate periodStart, LocalDate periodEnd, BigDecimal value, String source) {
        if (periodStart == null || periodEnd == null || periodEnd.isBefore(periodStart)) throw ValidationException.of("periodEnd", "portfolio.error.periodOrder");
        if (value == null) throw ValidationException.of("value", "portfolio.error.number");
        Long id = jdbc.sql("select id from pf_indicator where ref = ?").param(indicatorRef).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("portfolio.indicator.notFound", indicatorRef));
        return IndicatorService.upsertValue(jdbc, id, new IndicatorService.NewValue(periodStart, periodEnd, value, source, null));
    }
}
