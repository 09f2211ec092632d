package dk.vendepunkt.outcomes.internal;

import dk.vendepunkt.portfolio.EffectMeasureFigures;
import dk.vendepunkt.reporting.DisclosurePolicy;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Sikker By effect goals' link to the effect measures: the EXIT programme's total figure of a measure,
 * public figures withheld by {@link DisclosurePolicy#suppressRate} like on the effect report. Effect goal 2's
 * {@code no_serious_conviction_2y_completed} is the figure of the group the goal names, the 18–25-year-olds
 * (age at the end of the forløb), with the all-ages figure beside it in the label.
 */
@Component
class ExitEffectFigures implements EffectMeasureFigures {

    static final String PROGRAMME = "EXIT";
    /** The index of {@code no_serious_conviction_2y_completed} in {@link EffectQueries#MEASURES}. */
    static final int CONVICTION = 1;

    private final EffectQueries queries;
    private final DisclosurePolicy disclosure;
    private final MessageSource messages;

    ExitEffectFigures(EffectQueries queries, DisclosurePolicy disclosure, MessageSource messages) {
        this.queries = queries;
        this.disclosure = disclosure;
        this.messages = messages;
    }

    @Override
    public Optional<Figure> latest(String measureId, LocalDate asOf, boolean publicVersion) {
        int m = Arrays.asList(EffectQueries.MEASURES).indexOf(measureId);
        if (m < 0) return Optional.empty();
        var total = queries.counts(PROGRAMME, asOf, false).getLast();
        var c = total.measures().get(m);
        String label = messages.getMessage("outcomes.measure." + measureId, null, measureId, EffectDocument.DA) + " (" + PROGRAMME + ")";
        if (m == CONVICTION) {
            var all = c;
            c = total.conviction18to25();
            String allAges = all.eligible() == 0 || (publicVersion && disclosure.suppressRate(all.successes(), all.eligible())) ? "–"
                    : String.format(EffectDocument.DA, "%.1f %%", 100.0 * all.successes() / all.eligible());
            label = messages.getMessage("outcomes.goal2.label", new Object[] {label, allAges, c.missing()}, EffectDocument.DA);
        }
        if (publicVersion && disclosure.suppressRate(c.successes(), c.eligible())) return Optional.of(new Figure(null, asOf, true, label));
        return Optional.of(new Figure(c.eligible() == 0 ? null : (double) c.successes() / c.eligible(), asOf, false, label));
    }
}
