package dk.vendepunkt.safetyindex.internal;

import dk.vendepunkt.safetyindex.internal.SafetyIndexProperties.Component;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Tryghedsindeks computation of the data contract, free of I/O:
 * <ul>
 * <li>survey components per district: weighted shares among those who answered each question;
 * police component: citizen-directed reports in the year per 1000 population;</li>
 * <li>city values: all respondents of the year pooled (districts below the minimum included);
 * reports of all districts with a known population over their population;</li>
 * <li>component index = 100 × district / city (100 when the city value is 0);</li>
 * <li>index = weighted mean of the component indices; a component without a value (nobody answered
 * the question, or no population known) is left out and the remaining weights renormalised;</li>
 * <li>fewer respondents than the minimum: index null, {@link Category#INSUFFICIENT_DATA}.</li>
 * </ul>
 */
public final class IndexCalculator {

    private IndexCalculator() {}

    /** One district's input: its survey tally, its citizen-directed reports in the year and its population (null = unknown). */
    record DistrictInput(String area, SurveyTally survey, long reports, Long population) {}

    /** The four component values; null where there is no value. */
    public record Components(Double feelsUnsafe, Double victimised, Double crimeBigProblem, Double reportsPer1000) {
        Double get(Component c) {
            return switch (c) {
                case FEELS_UNSAFE -> feelsUnsafe;
                case VICTIMISED -> victimised;
                case CRIME_BIG_PROBLEM -> crimeBigProblem;
                case REPORTS_PER_1000 -> reportsPer1000;
            };
        }

        /**
         * The components as they may be shown of a district with too few respondents: the survey shares (and
         * their indices) withheld, the police reports per 1000 inhabitants (no survey data) kept.
         */
        Components surveyWithheld() {
            return new Components(null, null, null, reportsPer1000);
        }

        static Components of(Map<Component, Double> m) {
            return new Components(m.get(Component.FEELS_UNSAFE), m.get(Component.VICTIMISED), m.get(Component.CRIME_BIG_PROBLEM),
                    m.get(Component.REPORTS_PER_1000));
        }
    }

    /** One district's result: components are the district's values, componentIndices 100 × district / city. */
    record DistrictResult(String area, long respondents, Double index, Category category, Components components,
                          Components componentIndices) {}

    record Result(Components city, long cityRespondents, List<DistrictResult> areas) {}

    /**
     * @param districts one entry per district of the result, in the order wanted
     * @param extraRespondents survey rows of the year whose area is not among {@code districts} (pooled into the city value only)
     */
    static Result compute(List<DistrictInput> districts, SurveyTally extraRespondents, SafetyIndexProperties props) {
        SurveyTally city = extraRespondents == null ? SurveyTally.EMPTY : extraRespondents;
        long cityReports = 0;
        long cityPopulation = 0;
        for (DistrictInput d : districts) {
            city = city.plus(d.survey());
            if (d.population() != null && d.population() > 0) {
                cityReports += d.reports();
                cityPopulation += d.population();
            }
        }
        Components cityValues = new Components(city.feelsUnsafe().share(), city.victimised().share(), city.crimeBigProblem().share(),
                cityPopulation > 0 ? 1000.0 * cityReports / cityPopulation : null);

        List<DistrictResult> out = new ArrayList<>(districts.size());
        for (DistrictInput d : districts) {
            Components values = new Components(d.survey().feelsUnsafe().share(), d.survey().victimised().share(),
                    d.survey().crimeBigProblem().share(),
                    d.population() != null && d.population() > 0 ? 1000.0 * d.reports() / d.population() : null);
            Map<Component, Double> indices = new EnumMap<>(Component.class);
            double weighted = 0;
            double weightSum = 0;
            for (Component c : Component.values()) {
                Double ci = componentIndex(values.get(c), cityValues.get(c));
                if (ci == null) continue;
                indices.put(c, ci);
                double w = props.weights().of(c);
                weighted += w * ci;
                weightSum += w;
            }
            Double index = null;
            Category category = Category.INSUFFICIENT_DATA;
            if (d.survey().respondents() >= props.minimumRespondents() && weightSum > 0) {
                index = weighted / weightSum;
                category = props.cutPoints().categorise(index);
            }
            out.add(new DistrictResult(d.area(), d.survey().respondents(), index, category, values, Components.of(indices)));
        }
        return new Result(cityValues, city.respondents(), out);
    }

    /** 100 × district / city; 100 when the city value is 0; null when the district has no value. */
    static Double componentIndex(Double district, Double city) {
        if (district == null) return null;
        if (city == null || city == 0) return 100.0;
        return 100.0 * district / city;
    }
}
