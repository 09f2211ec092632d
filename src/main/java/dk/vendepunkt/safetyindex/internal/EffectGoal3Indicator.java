package dk.vendepunkt.safetyindex.internal;

import dk.vendepunkt.portfolio.IndicatorFeed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Feeds the Sikker By indicator of effect goal 3 in the portfolio module ("Antal udvalgte områder med
 * markant behov for tryghedsskabende indsats i Tryghedsindekset"): for every survey year from the
 * baseline year on, the number of the baseline year's MARKANT districts that are still MARKANT. Run
 * after each survey import; nothing happens when the indicator is not defined.
 */
@Component
public class EffectGoal3Indicator {

    private final IndicatorFeed feed;
    private final SafetyIndexService service;
    private final SafetyIndexProperties props;

    EffectGoal3Indicator(IndicatorFeed feed, SafetyIndexService service, SafetyIndexProperties props) {
        this.feed = feed;
        this.service = service;
        this.props = props;
    }

    /** With the configured indicator and baseline year (default: the earliest survey year). */
    public void refresh() {
        String ref = props.effectGoal3().indicator();
        if (ref.isBlank() || !feed.defined(ref)) return;
        List<Integer> years = service.years();
        if (years.isEmpty()) return;
        Integer base = props.effectGoal3().baselineYear();
        record(ref, base != null ? base : years.getLast());
    }

    /** Records one value per survey year ≥ baseline; returns how many values were recorded. */
    public int record(String ref, int baselineYear) {
        List<Integer> years = service.years().stream().filter(y -> y >= baselineYear).sorted().toList();
        if (!years.contains(baselineYear)) return 0;
        int n = 0;
        for (int y : years) {
            var goal = service.effectGoal3(baselineYear, y);
            long stillMarkant = goal.districts().stream().filter(d -> d.category() == Category.MARKANT).count();
            feed.record(ref, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), BigDecimal.valueOf(stillMarkant),
                    "Tryghedsindeks " + y + " (Vendepunkt): distrikter med markant behov i " + baselineYear + ", der stadig har markant behov");
            n++;
        }
        return n;
    }
}
