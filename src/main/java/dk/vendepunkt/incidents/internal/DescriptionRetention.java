package dk.vendepunkt.incidents.internal;

import java.time.Clock;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retention of the incidents' free-text description (classified SENSITIVE): cleared once a day for incidents
 * that ended more than {@code vendepunkt.incidents.description-retention-years} (default 5) years ago. The
 * structured fields stay, so the goal's figures do not change.
 */
@Component
public class DescriptionRetention {

    private static final Logger log = LoggerFactory.getLogger(DescriptionRetention.class);

    private final IncidentStore store;
    private final IncidentsProperties props;
    private final Clock clock;

    DescriptionRetention(IncidentStore store, IncidentsProperties props, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.props = props;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT24H")
    public int run() {
        int n = store.clearDescriptionsBefore(ZonedDateTime.now(clock).minusYears(props.descriptionRetentionYears()).toInstant());
        if (n > 0) log.info("Cleared the description of {} incidents past retention", n);
        return n;
    }
}
