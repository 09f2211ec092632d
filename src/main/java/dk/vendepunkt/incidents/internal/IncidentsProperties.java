package dk.vendepunkt.incidents.internal;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vendepunkt.incidents.*}: effect goal 4's period and the portfolio indicator it feeds, and how
 * many years the free-text description of an ended incident is kept.
 */
@ConfigurationProperties("vendepunkt.incidents")
public record IncidentsProperties(EffectGoal4Settings effectGoal4, Integer descriptionRetentionYears) {

    public IncidentsProperties {
        if (effectGoal4 == null) effectGoal4 = new EffectGoal4Settings(null, null, null);
        if (descriptionRetentionYears == null) descriptionRetentionYears = 5;
    }

    /** Defaults: 2010-01-01 to 2013-12-31 (Sikker By: "Målet gælder for hele perioden 2010-2013"), indicator effektmaal4_lukninger. */
    public record EffectGoal4Settings(LocalDate from, LocalDate to, String indicator) {
        public EffectGoal4Settings {
            if (from == null) from = LocalDate.of(2010, 1, 1);
            if (to == null) to = LocalDate.of(2013, 12, 31);
            if (indicator == null) indicator = "effektmaal4_lukninger";
        }
    }
}
