package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.vendepunkt.casework.ProgressScales.Change;
import dk.vendepunkt.casework.ProgressScales.Kind;
import dk.vendepunkt.casework.ProgressScales.Measurement;
import dk.vendepunkt.casework.ProgressScales.Member;
import dk.vendepunkt.casework.ProgressScales.Occasion;
import dk.vendepunkt.casework.ProgressScales.Option;
import dk.vendepunkt.casework.ProgressScales.Scale;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress scales as data: valid values per kind and the paired change with its 95 % t interval, checked by hand. */
class ProgressRulesTest {

    static Scale numeric(String code, int min, int max) {
        return new Scale(code, code, Kind.NUMERIC, BigDecimal.valueOf(min), BigDecimal.valueOf(max), BigDecimal.ONE, Member.CHILD, true, List.of(), true, 1, 0);
    }

    static final Scale WELLBEING = numeric("WELLBEING", 1, 10);
    static final Scale PARENTING = numeric("PARENTING", 1, 5);
    static final Scale LADDER = new Scale("LADDER", "Stige", Kind.LADDER, null, null, null, Member.CHILD, true,
            List.of(new Option(1, "STUCK", "Fastlåst"), new Option(2, "HELP", "Tager imod hjælp"), new Option(3, "SELF", "Klarer sig selv")), true, 2, 0);

    long ids;
    final List<Measurement> ms = new ArrayList<>();

    void m(long familyCase, long person, Scale s, String date, Occasion o, double v) {
        ms.add(new Measurement(++ids, familyCase, person, s.code(), LocalDate.parse(date), o, BigDecimal.valueOf(v), null, null, "x", 0));
    }

    @Test
    void pairedChangeMeanAndTIntervalByHand() {
        // child 1: 4 -> 5 (during) -> 6 (end): change 2; child 2: 3 -> 7: change 4; child 3: 5 -> 8: change 3
        m(1, 1, WELLBEING, "2025-01-01", Occasion.BASELINE, 4);
        m(1, 1, WELLBEING, "2025-04-01", Occasion.DURING, 5);
        m(1, 1, WELLBEING, "2025-09-01", Occasion.END, 6);
        m(1, 2, WELLBEING, "2025-01-01", Occasion.BASELINE, 3);
        m(1, 2, WELLBEING, "2025-06-01", Occasion.DURING, 7);
        m(2, 3, WELLBEING, "2025-02-01", Occasion.BASELINE, 5);
        m(2, 3, WELLBEING, "2025-12-01", Occasion.END, 8);
        // not paired: no baseline; a baseline only; a later value dated before the baseline
        m(2, 4, WELLBEING, "2025-05-01", Occasion.DURING, 9);
        m(2, 5, WELLBEING, "2025-05-01", Occasion.BASELINE, 2);
        m(3, 6, WELLBEING, "2025-05-01", Occasion.BASELINE, 2);
        m(3, 6, WELLBEING, "2025-04-01", Occasion.DURING, 9);

        Change c = ProgressRules.progress(List.of(WELLBEING), ms).getFirst();
        // changes 2, 4, 3: mean 3, s = 1, t(0.975; 2) = 4.302652729911275, half width 4.302652729911275 / sqrt(3) = 2.484138
        assertThat(c.scale()).isEqualTo("WELLBEING");
        assertThat(c.children()).isEqualTo(3);
        assertThat(c.meanChange()).isCloseTo(3.0, within(1e-12));
        assertThat(c.ci95().get(0)).isCloseTo(3 - 2.484137711843753, within(1e-9));
        assertThat(c.ci95().get(1)).isCloseTo(3 + 2.484137711843753, within(1e-9));
    }

    @Test
    void oneChildGivesAMeanWithoutIntervalAndNoneGivesNeither() {
        m(1, 1, PARENTING, "2025-01-01", Occasion.BASELINE, 2);
        m(1, 1, PARENTING, "2025-06-01", Occasion.END, 4);
        List<Change> all = ProgressRules.progress(List.of(WELLBEING, PARENTING), ms);
        assertThat(all).containsExactly(new Change("WELLBEING", 0, null, null), new Change("PARENTING", 1, 2.0, null));
    }

    @Test
    void aPairIsPerFamilyCaseAndTheSameValuesGiveAZeroWidthInterval() {
        // the same person in two family cases: two pairs (1 -> 2 and 2 -> 3 on the ladder's positions)
        m(1, 7, LADDER, "2025-01-01", Occasion.BASELINE, 1);
        m(1, 7, LADDER, "2025-03-01", Occasion.END, 2);
        m(2, 7, LADDER, "2025-04-01", Occasion.BASELINE, 2);
        m(2, 7, LADDER, "2025-08-01", Occasion.DURING, 3);
        Change c = ProgressRules.progress(List.of(LADDER), ms).getFirst();
        assertThat(c.children()).isEqualTo(2);
        assertThat(c.meanChange()).isEqualTo(1.0);
        assertThat(c.ci95()).containsExactly(1.0, 1.0);
    }

    static String problem(Scale s, String v) {
        FieldProblem p = ProgressRules.valueProblem(s, v == null ? null : new BigDecimal(v));
        return p == null ? null : p.code();
    }

    @Test
    void valuesAreCheckedPerKind() {
        assertThat(problem(WELLBEING, "7")).isNull();
        assertThat(problem(WELLBEING, "11")).isEqualTo("progress.value.range");
        assertThat(problem(WELLBEING, "6.5")).isEqualTo("progress.value.step");
        assertThat(problem(WELLBEING, null)).isEqualTo("progress.value.required");
        Scale pct = new Scale("ABS", "Fravær", Kind.PERCENT, null, null, null, Member.CHILD, false, List.of(), true, 1, 0);
        assertThat(problem(pct, "12.5")).isNull();
        assertThat(problem(pct, "100.01")).isEqualTo("progress.value.percent");
        Scale yesNo = new Scale("JOB", "Job", Kind.YES_NO, null, null, null, Member.CHILD, true, List.of(), true, 1, 0);
        assertThat(problem(yesNo, "1")).isNull();
        assertThat(problem(yesNo, "2")).isEqualTo("progress.value.yesNo");
        assertThat(problem(LADDER, "3")).isNull();
        assertThat(problem(LADDER, "4")).isEqualTo("progress.value.option");
        assertThat(problem(LADDER, "1.5")).isEqualTo("progress.value.option");
    }

    @Test
    void aScaleDefinitionIsChecked() {
        Scale bad = new Scale("x", "", Kind.NUMERIC, BigDecimal.TEN, BigDecimal.ONE, BigDecimal.ZERO, null, true,
                List.of(new Option(1, "A1", "A")), true, 1, 0);
        assertThat(ProgressRules.problems(bad).stream().map(p -> p.field() + ":" + p.code()).toList()).containsExactly(
                "code:progress.scale.code.invalid", "name:progress.scale.name.required", "appliesTo:progress.scale.appliesTo.required",
                "max:progress.scale.minMax.order", "step:progress.scale.step.positive", "options:progress.scale.options.notForKind");
        Scale oneOption = new Scale("CAT", "Kategori", Kind.CATEGORY, null, null, null, Member.PARENT, true,
                List.of(new Option(1, "A1", "A")), true, 1, 0);
        assertThat(ProgressRules.problems(oneOption)).extracting(FieldProblem::code).containsExactly("progress.scale.options.required");
        assertThat(ProgressRules.problems(LADDER)).isEmpty();
    }
}
