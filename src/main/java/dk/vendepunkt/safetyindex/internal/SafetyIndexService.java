package dk.vendepunkt.safetyindex.internal;

import dk.vendepunkt.areas.Area;
import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.safetyindex.internal.IndexCalculator.Components;
import dk.vendepunkt.safetyindex.internal.IndexCalculator.DistrictInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/**
 * The Tryghedsindeks of a year from the stored survey, the police's citizen-directed reports
 * ({@link PoliceFigures}) and the districts' populations ({@link AreaDirectory}); and the two goals.
 */
@Service
public class SafetyIndexService {

    private final AreaDirectory areas;
    private final PoliceFigures crime;
    private final SurveyStore survey;
    private final SafetyIndexProperties props;

    SafetyIndexService(AreaDirectory areas, PoliceFigures crime, SurveyStore survey, SafetyIndexProperties props) {
        this.areas = areas;
        this.crime = crime;
        this.survey = survey;
        this.props = props;
    }

    public SafetyIndexProperties properties() {
        return props;
    }

    /** One district's result with names and the change since the year before. */
    public record DistrictIndex(String area, String name, String bydel, String bydelName, long respondents, Double index, Category category,
                         Components components, Components componentIndices, Double previousIndex, Category previousCategory) {
        /** Index points since last year; null when either year has no index. */
        public Double change() {
            return index == null || previousIndex == null ? null : index - previousIndex;
        }
    }

    public record YearIndex(int year, Components city, long cityRespondents, List<DistrictIndex> districts) {
        Map<String, GoalTracking.Status> statuses() {
            Map<String, GoalTracking.Status> m = new LinkedHashMap<>();
            districts.forEach(d -> m.put(d.area(), new GoalTracking.Status(d.index(), d.category())));
            return m;
        }

        public long count(Category c) {
            return districts.stream().filter(d -> d.category() == c).count();
        }
    }

    /** The index of a year, every district in code order, with last year's index for comparison. */
    public YearIndex index(int year) {
        IndexCalculator.Result now = compute(year);
        Map<String, IndexCalculator.DistrictResult> before = new HashMap<>();
        compute(year - 1).areas().forEach(a -> before.put(a.area(), a));
        Map<String, String> bydelNames = new HashMap<>();
        areas.bydele().forEach(b -> bydelNames.put(b.code(), b.name()));
        List<DistrictIndex> out = new ArrayList<>();
        for (IndexCalculator.DistrictResult r : now.areas()) {
            Area a = areas.byCode(r.area()).orElseThrow();
            var p = before.get(r.area());
            // too few respondents: the survey shares are withheld here, so every format (page, API, PDF, Excel) withholds them
            boolean tooFew = r.category() == Category.INSUFFICIENT_DATA;
            out.add(new DistrictIndex(r.area(), a.name(), a.parentCode(), bydelNames.get(a.parentCode()), r.respondents(), r.index(),
                    r.category(), tooFew ? r.components().surveyWithheld() : r.components(),
                    tooFew ? r.componentIndices().surveyWithheld() : r.componentIndices(),
                    p == null ? null : p.index(), p == null ? null : p.category()));
        }
        return new YearIndex(year, now.city(), now.cityRespondents(), out);
    }

    /** The contract's computation for one year, without names. */
    IndexCalculator.Result compute(int year) {
        Map<String, SurveyTally> tallies = new HashMap<>(survey.tallies(year));
        Map<String, Long> reports = crime.citizenDirectedReportsByDistrict(year);
        List<DistrictInput> inputs = new ArrayList<>();
        for (Area d : areas.districts()) {
            OptionalLong pop = areas.population(d.code(), year);
            SurveyTally t = tallies.remove(d.code());
            inputs.add(new DistrictInput(d.code(), t == null ? SurveyTally.EMPTY : t, reports.getOrDefault(d.code(), 0L),
                    pop.isPresent() ? pop.getAsLong() : null));
        }
        SurveyTally extra = tallies.values().stream().reduce(SurveyTally.EMPTY, SurveyTally::plus);
        return IndexCalculator.compute(inputs, extra, props);
    }

    public GoalTracking.EffectGoal3 effectGoal3(int baselineYear, int year) {
        return GoalTracking.effectGoal3(baselineYear, statuses(baselineYear), year, statuses(year));
    }

    public GoalTracking.HalvingGoal halving(int baselineYear, int year) {
        return GoalTracking.halving(baselineYear, statuses(baselineYear), year, statuses(year));
    }

    private Map<String, GoalTracking.Status> statuses(int year) {
        Map<String, GoalTracking.Status> m = new LinkedHashMap<>();
        compute(year).areas().forEach(a -> m.put(a.area(), new GoalTracking.Status(a.index(), a.category())));
        return m;
    }

    /** Years with survey data, newest first. */
    public List<Integer> years() {
        return survey.years();
    }

    /** Name of an area code, or the code itself when unknown. */
    String name(String code) {
        return areas.byCode(code).map(Area::name).orElse(code);
    }

    public List<Area> bydele() {
        return areas.bydele();
    }

    List<Area> districtsOf(String bydel) {
        return areas.districts().stream().filter(d -> bydel.equals(d.parentCode())).toList();
    }

    public String districtsGeoJson() {
        return areas.geoJson(dk.vendepunkt.areas.AreaLevel.DISTRICT);
    }
}
