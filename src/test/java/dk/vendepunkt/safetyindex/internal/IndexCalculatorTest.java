package dk.vendepunkt.safetyindex.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.vendepunkt.safetyindex.internal.IndexCalculator.DistrictInput;
import dk.vendepunkt.safetyindex.internal.IndexCalculator.DistrictResult;
import dk.vendepunkt.safetyindex.internal.SafetyIndexProperties.CutPoints;
import dk.vendepunkt.safetyindex.internal.SafetyIndexProperties.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexCalculatorTest {

    static final SafetyIndexProperties DEFAULTS = SafetyIndexProperties.defaults();

    /** n rows of weight w with the given answers (null = not answered). */
    static SurveyTally rows(SurveyTally t, int n, double w, Integer fu, Integer vi, Integer cb) {
        for (int i = 0; i < n; i++) t = t.plus(w, fu, vi, cb);
        return t;
    }

    static SurveyTally rows(int n, Integer fu, Integer vi, Integer cb) {
        return rows(SurveyTally.EMPTY, n, 1.0, fu, vi, cb);
    }

    static DistrictResult area(IndexCalculator.Result r, String code) {
        return r.areas().stream().filter(a -> a.area().equals(code)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({
            "150, MARKANT", "149.99, INTENSIVERET", "125, INTENSIVERET", "124.999, ORDINAER",
            "90, ORDINAER", "89.9999, REDUCERET", "75, REDUCERET", "74.99, MINIMAL", "0, MINIMAL", "1000, MARKANT"})
    void categoryAtAndJustBelowEachCutPoint(double index, Category expected) {
        assertThat(DEFAULTS.cutPoints().categorise(index)).isEqualTo(expected);
    }

    @Test
    void floatingPointNoiseAtACutPointDoesNotChangeTheCategory() {
        assertThat(DEFAULTS.cutPoints().categorise(149.99999999999997)).isEqualTo(Category.MARKANT);
        assertThat(DEFAULTS.cutPoints().categorise(124.99999999999999)).isEqualTo(Category.INTENSIVERET);
        assertThat(DEFAULTS.cutPoints().categorise(74.9999999)).isEqualTo(Category.REDUCERET);
    }

    @Test
    void configuredCutPointsAreUsed() {
        var cut = new CutPoints(200.0, 150.0, 100.0, 50.0);
        assertThat(cut.categorise(150)).isEqualTo(Category.INTENSIVERET);
        assertThat(cut.categorise(199.9)).isEqualTo(Category.INTENSIVERET);
        assertThat(cut.categorise(200)).isEqualTo(Category.MARKANT);
        assertThat(cut.categorise(49)).isEqualTo(Category.MINIMAL);
    }

    /**
     * Two districts of 40 respondents and equal report rates: only "feels unsafe" differs. With only
     * that component weighted, district A's index is 100 × a / ((a + b) / 2) for yes-counts a and b.
     */
    @ParameterizedTest
    @CsvSource({
            "30, 10, 150.0, MARKANT",       // 0.75 / 0.5
            "25, 15, 125.0, INTENSIVERET",  // 0.625 / 0.5
            "18, 22, 90.0, ORDINAER",       // 0.45 / 0.5
            "15, 25, 75.0, REDUCERET"})     // 0.375 / 0.5
    void indexExactlyAtEachCutPointThroughTheWholeComputation(int yesA, int yesB, double index, Category category) {
        var props = new SafetyIndexProperties(30, new Weights(1.0, 0.0, 0.0, 0.0), null, null);
        var a = rows(rows(yesA, 1, 0, 0), 40 - yesA, 1.0, 0, 0, 0);
        var b = rows(rows(yesB, 1, 0, 0), 40 - yesB, 1.0, 0, 0, 0);
        var r = IndexCalculator.compute(List.of(new DistrictInput("A", a, 10, 1000L), new DistrictInput("B", b, 10, 1000L)), null, props);
        assertThat(area(r, "A").index()).isEqualTo(index);
        assertThat(area(r, "A").category()).isEqualTo(category);
    }

    @Test
    void componentsCityValuesAndTheUnweightedMean() {
        // A: 40 rows: feels unsafe 20/40, victimised 10/40, crime a big problem 30/40; 60 reports / 2000 inhabitants
        var a = rows(rows(rows(rows(SurveyTally.EMPTY, 10, 1, 1, 1, 1), 10, 1, 1, 0, 1), 10, 1, 0, 0, 1), 10, 1, 0, 0, 0);
        // B: 40 rows: all answered 0 except feels unsafe 20/40; 20 reports / 2000
        var b = rows(rows(SurveyTally.EMPTY, 20, 1, 1, 0, 0), 20, 1, 0, 0, 0);
        var r = IndexCalculator.compute(List.of(new DistrictInput("A", a, 60, 2000L), new DistrictInput("B", b, 20, 2000L)), null, DEFAULTS);

        assertThat(r.city().feelsUnsafe()).isEqualTo(0.5);
        assertThat(r.city().victimised()).isEqualTo(10.0 / 80);
        assertThat(r.city().crimeBigProblem()).isEqualTo(30.0 / 80);
        assertThat(r.city().reportsPer1000()).isEqualTo(20.0);
        assertThat(r.cityRespondents()).isEqualTo(80);

        var ra = area(r, "A");
        assertThat(ra.respondents()).isEqualTo(40);
        assertThat(ra.components().feelsUnsafe()).isEqualTo(0.5);
        assertThat(ra.components().victimised()).isEqualTo(0.25);
        assertThat(ra.components().crimeBigProblem()).isEqualTo(0.75);
        assertThat(ra.components().reportsPer1000()).isEqualTo(30.0);
        assertThat(ra.componentIndices().feelsUnsafe()).isEqualTo(100.0);
        assertThat(ra.componentIndices().victimised()).isEqualTo(200.0);
        assertThat(ra.componentIndices().crimeBigProblem()).isEqualTo(200.0);
        assertThat(ra.componentIndices().reportsPer1000()).isEqualTo(150.0);
        assertThat(ra.index()).isEqualTo((100 + 200 + 200 + 150) / 4.0);
        assertThat(ra.category()).isEqualTo(Category.MARKANT);

        var rb = area(r, "B");
        assertThat(rb.componentIndices().victimised()).isEqualTo(0.0);
        assertThat(rb.index()).isEqualTo((100 + 0 + 0 + 50) / 4.0);
        assertThat(rb.category()).isEqualTo(Category.MINIMAL);
    }

    @Test
    void componentWeightsMakeAWeightedMean() {
        var a = rows(rows(SurveyTally.EMPTY, 30, 1, 1, 1, 1), 10, 1, 0, 0, 0);
        var b = rows(rows(SurveyTally.EMPTY, 10, 1, 1, 1, 1), 30, 1, 0, 0, 0);
        var props = new SafetyIndexProperties(30, new Weights(2.0, 1.0, 1.0, 4.0), null, null);
        var r = IndexCalculator.compute(List.of(new DistrictInput("A", a, 10, 1000L), new DistrictInput("B", b, 30, 1000L)), null, props);
        // survey shares A 0.75 vs city 0.5 → 150; reports A 10 vs city 20 → 50
        var ra = area(r, "A");
        assertThat(ra.index()).isCloseTo((2 * 150 + 150 + 150 + 4 * 50) / 8.0, within(1e-9));
        assertThat(ra.category()).isEqualTo(Category.ORDINAER);
    }

    @Test
    void surveyWeightsWeighTheShares() {
        // A: 30 rows weight 1 answering 0 and 10 rows weight 3 answering 1 → 30 / 60 = 0.5
        var a = rows(rows(SurveyTally.EMPTY, 30, 1.0, 0, 0, 0), 10, 3.0, 1, 1, 1);
        // B: 40 rows weight 0.5 answering 0 → 0
        var b = rows(SurveyTally.EMPTY, 40, 0.5, 0, 0, 0);
        var r = IndexCalculator.compute(List.of(new DistrictInput("A", a, 0, 1000L), new DistrictInput("B", b, 0, 1000L)), null, DEFAULTS);
        assertThat(area(r, "A").components().feelsUnsafe()).isEqualTo(0.5);
        assertThat(area(r, "A").respondents()).isEqualTo(40);
        // city pooled with weights: 30 / (30 + 30 + 20)
        assertThat(r.city().feelsUnsafe()).isEqualTo(30.0 / 80);
        assertThat(area(r, "A").componentIndices().feelsUnsafe()).isCloseTo(100 * 0.5 / (30.0 / 80), within(1e-9));
    }

    @Test
    void unansweredQuestionsAreLeftOutOfTheShare() {
        // 30 answered feels_unsafe (15 yes), 10 did not answer it
        var a = rows(rows(rows(SurveyTally.EMPTY, 15, 1, 1, 0, 0), 15, 1, 0, 0, 0), 10, 1, null, 0, 0);
        var r = IndexCalculator.compute(List.of(new DistrictInput("A", a, 0, 1000L)), null, DEFAULTS);
        assertThat(area(r, "A").components().feelsUnsafe()).isEqualTo(0.5);
        assertThat(area(r, "A").respondents()).isEqualTo(40);
        assertThat(a.feelsUnsafe().answeredWeight()).isEqualTo(30.0);
    }

    @Test
    void aQuestionNobodyAnsweredHasNoComponentAndTheOtherWeightsCarryTheIndex() {
        var a = rows(rows(SurveyTally.EMPTY, 20, 1, null, 1, 0), 20, 1, null, 0, 0);
        var b = rows(rows(SurveyTally.EMPTY, 20, 1, 1, 0, 0), 20, 1, 0, 0, 0);
        var r = IndexCalculator.compute(List.of(new DistrictInput("A", a, 10, 1000L), new DistrictInput("B", b, 10, 1000L)), null, DEFAULTS);
        var ra = area(r, "A");
        assertThat(ra.components().feelsUnsafe()).isNull();
        assertThat(ra.componentIndices().feelsUnsafe()).isNull();
        // victimised: 0.5 vs city 0.25 → 200; crime big problem: 0 vs 0 → 100; reports equal → 100
        assertThat(ra.index()).isCloseTo((200 + 100 + 100) / 3.0, within(1e-9));
    }

    @Test
    void cityValueZeroGivesComponentIndex100() {
        var a = rows(SurveyTally.EMPTY, 40, 1, 0, 0, 0);
        var b = rows(SurveyTally.EMPTY, 40, 1, 0, 0, 0);
        var r = IndexCalculator.compute(List.of(new DistrictInput("A", a, 0, 1000L), new DistrictInput("B", b, 0, 500L)), null, DEFAULTS);
        assertThat(r.city().feelsUnsafe()).isEqualTo(0.0);
        assertThat(r.city().reportsPer1000()).isEqualTo(0.0);
        var ra = area(r, "A");
        assertThat(ra.componentIndices()).isEqualTo(new IndexCalculator.Components(100.0, 100.0, 100.0, 100.0));
        assertThat(ra.index()).isEqualTo(100.0);
        assertThat(ra.category()).isEqualTo(Category.ORDINAER);
        assertThat(IndexCalculator.componentIndex(0.0, 0.0)).isEqualTo(100.0);
        assertThat(IndexCalculator.componentIndex(null, 0.0)).isNull();
    }

    @Test
    void districtBelowTheRespondentMinimumHasNoIndexButCountsInTheCity() {
        var big = rows(rows(SurveyTally.EMPTY, 20, 1, 1, 1, 1), 20, 1, 0, 0, 0);
        var small = rows(SurveyTally.EMPTY, 29, 1, 1, 1, 1);
        var r = IndexCalculator.compute(List.of(new DistrictInput("BIG", big, 10, 1000L), new DistrictInput("SMALL", small, 90, 1000L),
                new DistrictInput("NONE", SurveyTally.EMPTY, 0, 1000L)), null, DEFAULTS);
        var rs = area(r, "SMALL");
        assertThat(rs.respondents()).isEqualTo(29);
        assertThat(rs.index()).isNull();
        assertThat(rs.category()).isEqualTo(Category.INSUFFICIENT_DATA);
        assertThat(rs.components().feelsUnsafe()).isEqualTo(1.0);
        assertThat(area(r, "NONE").category()).isEqualTo(Category.INSUFFICIENT_DATA);
        assertThat(area(r, "NONE").respondents()).isZero();
        // the small district's respondents are pooled into the city value: (20 + 29) / 69
        assertThat(r.city().feelsUnsafe()).isEqualTo(49.0 / 69);
        assertThat(r.city().reportsPer1000()).isEqualTo(100.0 / 3);
        // exactly the minimum is enough
        var thirty = rows(SurveyTally.EMPTY, 30, 1, 1, 1, 1);
        var r2 = IndexCalculator.compute(List.of(new DistrictInput("T", thirty, 0, 1000L)), null, DEFAULTS);
        assertThat(area(r2, "T").index()).isEqualTo(100.0);
    }

    @Test
    void respondentsOutsideTheListedDistrictsArePooledIntoTheCity() {
        var a = rows(SurveyTally.EMPTY, 40, 1, 1, 1, 1);
        var other = rows(SurveyTally.EMPTY, 40, 1, 0, 0, 0);
        var r = IndexCalculator.compute(List.of(new DistrictInput("A", a, 0, 1000L)), other, DEFAULTS);
        assertThat(r.city().feelsUnsafe()).isEqualTo(0.5);
        assertThat(area(r, "A").componentIndices().feelsUnsafe()).isEqualTo(200.0);
    }

    @Test
    void unknownPopulationLeavesThePoliceComponentOutOfDistrictAndCity() {
        var a = rows(SurveyTally.EMPTY, 40, 1, 1, 1, 1);
        var b = rows(SurveyTally.EMPTY, 40, 1, 1, 1, 1);
        var r = IndexCalculator.compute(List.of(new DistrictInput("A", a, 500, null), new DistrictInput("B", b, 10, 1000L)), null, DEFAULTS);
        assertThat(r.city().reportsPer1000()).isEqualTo(10.0);
        assertThat(area(r, "A").components().reportsPer1000()).isNull();
        assertThat(area(r, "A").index()).isEqualTo(100.0);
    }
}
