package dk.vendepunkt.crimestats.internal;

import dk.vendepunkt.areas.PopulationChanged;
import dk.vendepunkt.portfolio.IndicatorFeed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Feeds effect goal 1's indicator in the portfolio (default {@code effektmaal1_sigtede_14_25}, unit
 * procent), the same way effect goals 3 and 4 are fed: for every completed calendar year from the first
 * charge with a person key, the share of {@link EffectGoal1} in percent (a year whose share cannot be
 * computed, for want of a population, is left out, never estimated). The portfolio judges the goal (a
 * change of −2 % against the first value) from that series. Run after every charges and population
 * import; nothing happens when the indicator is not defined or no deprived area is configured.
 */
@Component
public class EffectGoal1Indicator {

    private final IndicatorFeed feed;
    private final EffectGoal1Service goal;
    private final JdbcClient jdbc;
    private final Clock clock;

    EffectGoal1Indicator(IndicatorFeed feed, EffectGoal1Service goal, JdbcClient jdbc, Clock clock) {
        this.feed = feed;
        this.goal = goal;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onPopulationChanged(PopulationChanged event) {
        refresh();
    }

    /** @return the number of years recorded */
    public int refresh() {
        var props = goal.properties();
        if (props.indicator().isBlank() || props.areas().isEmpty() || !feed.defined(props.indicator())) return 0;
        Integer first = jdbc.sql("select extract(year from min(charged_on))::int from cs_charge where person_hash is not null")
                .query((rs, i) -> rs.getObject(1, Integer.class)).list().getFirst();
        int lastCompleted = LocalDate.now(clock).getYear() - 1;
        if (first == null || first > lastCompleted) return 0;
        int n = 0;
        for (var y : goal.compute(first, lastCompleted).years()) {
            if (y.share() == null) continue;
            BigDecimal pct = BigDecimal.valueOf(y.share()).multiply(BigDecimal.valueOf(100)).setScale(6, RoundingMode.HALF_UP);
            feed.record(props.indicator(), LocalDate.of(y.year(), 1, 1), LocalDate.of(y.year(), 12, 31), pct,
                    "Sigtelser og befolkningstal (Vendepunkt, effektmål 1): udsatte boligområder " + String.join(", ", props.areas()) + ", " + y.year());
            n++;
        }
        return n;
    }
}
