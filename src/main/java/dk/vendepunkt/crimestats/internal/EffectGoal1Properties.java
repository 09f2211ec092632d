package dk.vendepunkt.crimestats.internal;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vendepunkt.effect-goal-1.*}: the deprived housing areas (district codes; the national list of
 * udsatte boligområder changes yearly, so it is configured, not imported), the target (change of the share
 * in percent, default −2), the person-directed categories (default VIOLENCE, ROBBERY, THREATS, SEXUAL),
 * and the portfolio indicator the yearly share feeds (default {@code effektmaal1_sigtede_14_25}; empty =
 * do not feed).
 */
@ConfigurationProperties("vendepunkt.effect-goal-1")
public record EffectGoal1Properties(List<String> areas, BigDecimal targetPct, List<OffenceCategory> personDirected, String indicator) {

    public EffectGoal1Properties {
        areas = areas == null ? List.of() : areas.stream().map(String::strip).filter(a -> !a.isEmpty()).distinct().sorted().toList();
        if (targetPct == null) targetPct = new BigDecimal("-2");
        if (personDirected == null || personDirected.isEmpty()) {
            personDirected = List.of(OffenceCategory.VIOLENCE, OffenceCategory.ROBBERY, OffenceCategory.THREATS, OffenceCategory.SEXUAL);
        }
        if (indicator == null) indicator = "effektmaal1_sigtede_14_25";
    }
}
