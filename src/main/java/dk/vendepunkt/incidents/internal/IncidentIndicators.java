package dk.vendepunkt.incidents.internal;

import dk.vendepunkt.portfolio.IndicatorFeed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Feeds the portfolio from the register (after every change; an indicator that is not defined is skipped):
 * <ul>
 * <li>effect goal 4's indicator (default {@code effektmaal4_lukninger}): for every year of the goal's
 *     period up to the current one, the closures counted by {@link EffectGoal4} from the period's start to
 *     the end of that year (cumulative, so the value at the goal's deadline covers the whole period and the
 *     goal's status reads "not achieved" after one closure anywhere in it);</li>
 * <li>the staff-safety counts {@code personale_trusler}, {@code personale_vold}, {@code personale_chikane}:
 *     incidents of that kind starting in each calendar year from the first reported one to the current year.</li>
 * </ul>
 */
@Component
public class IncidentIndicators {

    /** Staff-safety indicator refs by kind. */
    public static final Map<IncidentKind, String> STAFF_REFS = Map.of(
            IncidentKind.THREAT_TO_STAFF, "personale_trusler",
            IncidentKind.VIOLENCE_TO_STAFF, "personale_vold",
            IncidentKind.HARASSMENT_OF_STAFF, "personale_chikane");

    private final IndicatorFeed feed;
    private final IncidentStore store;
    private final IncidentsProperties props;
    private final Clock clock;

    IncidentIndicators(IndicatorFeed feed, IncidentStore store, IncidentsProperties props, Clock clock) {
        this.clock = clock;
        this.feed = feed;
        this.store = store;
        this.props = props;
    }

    public void refresh() {
        int thisYear = LocalDate.now(clock).getYear();
        var g = props.effectGoal4();
        if (feed.defined(g.indicator())) {
            for (int y = g.from().getYear(); y <= Math.min(g.to().getYear(), thisYear); y++) {
                LocalDate end = LocalDate.of(y, 12, 31).isAfter(g.to()) ? g.to() : LocalDate.of(y, 12, 31);
                EffectGoal4 goal = EffectGoal4.of(store, g.from(), end);
                feed.record(g.indicator(), g.from(), end, BigDecimal.valueOf(goal.closures()),
                        "Hændelsesregistret (Vendepunkt): lukninger ved uro eller krise " + g.from() + " – " + end);
            }
        }
        var first = store.firstYear();
        if (first.isEmpty()) return;
        for (var e : STAFF_REFS.entrySet()) {
            if (!feed.defined(e.getValue())) continue;
            for (int y = first.get(); y <= thisYear; y++) {
                EffectGoal4 year = EffectGoal4.of(store, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
                int count = year.staffIncidents().stream().filter(k -> k.kind() == e.getKey()).findFirst().orElseThrow().count();
                feed.record(e.getValue(), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), BigDecimal.valueOf(count),
                        "Hændelsesregistret (Vendepunkt): " + e.getKey().name() + " " + y);
            }
        }
    }
}
