package dk.vendepunkt.outcomes.internal;

import dk.vendepunkt.economics.SuccessRates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** The economics module's success rate: the {@value SuccessRates#MEASURE} counts of the effect report, internal figures. */
@Component
class MeasuredSuccessRates implements SuccessRates {

    private static final int MEASURE_INDEX = Arrays.asList(EffectQueries.MEASURES).indexOf(MEASURE);

    private final EffectQueries queries;

    MeasuredSuccessRates(EffectQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<Rate> rates(String programme, LocalDate asOf) {
        var rows = queries.counts(programme, asOf, false);
        List<Rate> out = new ArrayList<>();
        // counts() lists the cohorts first and the total (cohort null) last
        out.add(rate(rows.getLast()));
        rows.stream().filter(r -> r.cohort() != null).forEach(r -> out.add(rate(r)));
        return out.getFirst().eligible() == 0 ? List.of() : out;
    }

    private static Rate rate(EffectQueries.CohortCounts row) {
        var c = row.measures().get(MEASURE_INDEX);
        var ci = EffectStatistics.wilson(c.successes(), c.eligible());
        return new Rate(row.cohort(), c.successes(), c.eligible(), ci == null ? null : ci.lower(), ci == null ? null : ci.upper());
    }
}
