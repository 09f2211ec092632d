package dk.vendepunkt.people.internal;

import dk.vendepunkt.people.RetentionRules;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vendepunkt.retention.*}: when the nightly retention job runs ({@code cron}, Spring cron syntax; "-" turns
 * it off) and the period per data category ({@code periods.<CATEGORY>=P5Y}); the defaults below are merged
 * under what is configured. {@code keptElsewhere} names the categories of the column-sensitivity registry that
 * this job leaves alone (docs/privacy.md says who removes them).
 */
@ConfigurationProperties("vendepunkt.retention")
public record RetentionProperties(String cron, Map<String, Period> periods, Set<String> keptElsewhere) implements RetentionRules {

    static final Map<String, Period> DEFAULT_PERIODS = Map.of(
            "CASE_RECORD", Period.ofYears(5),
            "PERSON", Period.ofYears(5),
            "OUTCOME", Period.ofYears(5),
            "LIST_115", Period.ofMonths(6),
            "AUDIT", Period.ofYears(10));

    public RetentionProperties {
        if (cron == null) cron = "0 30 2 * * *";
        Map<String, Period> merged = new LinkedHashMap<>(DEFAULT_PERIODS);
        if (periods != null) merged.putAll(periods);
        periods = Map.copyOf(merged);
        keptElsewhere = keptElsewhere == null ? Set.of("STAFF", "STATISTICS", "INCIDENT") : Set.copyOf(keptElsewhere);
    }

    @Override
    public Optional<Period> period(String category) {
        return Optional.ofNullable(periods.get(category));
    }
}
