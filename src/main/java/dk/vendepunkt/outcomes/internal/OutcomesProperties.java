package dk.vendepunkt.outcomes.internal;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vendepunkt.outcomes.targets.<PROGRAMME>.<measure id>=<rate>}: targets drawn as the target line
 * and returned as {@code target}. Default: Sikker By effect goal 2, 0.60 for
 * {@code no_serious_conviction_2y_completed} of EXIT.
 */
@ConfigurationProperties(prefix = "vendepunkt.outcomes")
record OutcomesProperties(Map<String, Map<String, Double>> targets) {

    static final Map<String, Map<String, Double>> DEFAULT_TARGETS = Map.of("EXIT", Map.of("no_serious_conviction_2y_completed", 0.60));

    OutcomesProperties {
        if (targets == null || targets.isEmpty()) targets = DEFAULT_TARGETS;
    }

    Double target(String programme, String measureId) {
        for (var p : targets.entrySet()) {
            if (!p.getKey().toUpperCase(Locale.ROOT).equals(programme)) continue;
            for (var m : p.getValue().entrySet()) {
                if (m.getKey().toLowerCase(Locale.ROOT).replace('-', '_').equals(measureId)) return m.getValue();
            }
        }
        return null;
    }
}
