package dk.vendepunkt.portfolio.internal;

import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.portfolio.IndicatorFeed;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@link IndicatorFeed} over the {@code pf_indicator} tables. */
@Service
class JdbcIndicatorFeed implements IndicatorFeed {

    private final JdbcClient jdbc;

    JdbcIndicatorFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean defined(String indicatorRef) {
        return jdbc.sql("select count(*) from pf_indicator where ref = ?").param(indicatorRef).query(Long.class).single() > 0;
    }

    @Override
    @Transactional
    public boolean record(String indicatorRef, LocalDate periodStart, LocalDate periodEnd, String area, BigDecimal value, String source) {
        if (periodStart == null || periodEnd == null || periodEnd.isBefore(periodStart)) throw ValidationException.of("periodEnd", "portfolio.error.periodOrder");
        if (value == null) throw ValidationException.of("value", "portfolio.error.number");
        Long id = jdbc.sql("select id from pf_indicator where ref = ?").param(indicatorRef).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("portfolio.indicator.notFound", indicatorRef));
        return IndicatorService.upsertValue(jdbc, id, new IndicatorService.NewValue(periodStart, periodEnd, value, source, null, area));
    }
}
