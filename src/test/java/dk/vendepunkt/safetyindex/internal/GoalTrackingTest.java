package dk.vendepunkt.safetyindex.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.safetyindex.internal.GoalTracking.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoalTrackingTest {

    static Map<String, Status> statuses(Object... codeAndCategory) {
        Map<String, Status> m = new LinkedHashMap<>();
        for (int i = 0; i < codeAndCategory.length; i += 2) {
            Category c = (Category) codeAndCategory[i + 1];
            m.put((String) codeAndCategory[i], new Status(c == Category.INSUFFICIENT_DATA ? null : 100.0, c));
        }
        return m;
    }

    @Test
    void effectGoal3FollowsTheBaselinesMarkantDistricts() {
        var baseline = statuses("D1", Category.MARKANT, "D2", Category.MARKANT, "D3", Category.MARKANT, "D4", Category.MARKANT,
                "D5", Category.INTENSIVERET, "D6", Category.ORDINAER);
        var now = statuses("D1", Category.ORDINAER, "D2", Category.INTENSIVERET, "D3", Category.MINIMAL, "D4", Category.INSUFFICIENT_DATA,
                "D5", Category.MARKANT, "D6", Category.MARKANT);
        var g = GoalTracking.effectGoal3(2021, baseline, 2025, now);
        assertThat(g.districts()).extracting(GoalTracking.MarkantDistrict::area).containsExactly("D1", "D2", "D3", "D4");
        assertThat(g.districts()).extracting(GoalTracking.MarkantDistrict::reached).containsExactly(true, false, true, false);
        assertThat(g.districts()).extracting(GoalTracking.MarkantDistrict::category)
                .containsExactly(Category.ORDINAER, Category.INTENSIVERET, Category.MINIMAL, Category.INSUFFICIENT_DATA);
        assertThat(g.reached()).isEqualTo(2);
        assertThat(g.total()).isEqualTo(4);
        assertThat(g.met()).isFalse();
    }

    @Test
    void effectGoal3MetWhenEveryMarkantDistrictIsOrdinaryOrBetter() {
        var g = GoalTracking.effectGoal3(2021, statuses("D1", Category.MARKANT, "D2", Category.MARKANT),
                2025, statuses("D1", Category.REDUCERET, "D2", Category.ORDINAER));
        assertThat(g.met()).isTrue();
        var missing = GoalTracking.effectGoal3(2021, statuses("D1", Category.MARKANT), 2025, statuses());
        assertThat(missing.districts().getFirst().category()).isEqualTo(Category.INSUFFICIENT_DATA);
        assertThat(missing.met()).isFalse();
    }

    @Test
    void halvingGoalCountsMarkantAndIntensiveret() {
        var baseline = statuses("D1", Category.MARKANT, "D2", Category.INTENSIVERET, "D3", Category.INTENSIVERET, "D4", Category.MARKANT,
                "D5", Category.MARKANT, "D6", Category.ORDINAER, "D7", Category.INSUFFICIENT_DATA);
        var now = statuses("D1", Category.MARKANT, "D2", Category.ORDINAER, "D3", Category.INTENSIVERET, "D4", Category.REDUCERET,
                "D5", Category.ORDINAER, "D6", Category.ORDINAER, "D7", Category.MARKANT);
        var g = GoalTracking.halving(2021, baseline, 2025, now);
        assertThat(g.baselineCount()).isEqualTo(5);
        assertThat(g.target()).isEqualTo(2);
        assertThat(g.count()).isEqualTo(3);
        assertThat(g.onTrack()).isFalse();

        var better = GoalTracking.halving(2021, baseline, 2025, statuses("D1", Category.MARKANT, "D2", Category.INTENSIVERET));
        assertThat(better.count()).isEqualTo(2);
        assertThat(better.onTrack()).isTrue();
    }

    @Test
    void halvingAnEvenBaselineAndAZeroBaseline() {
        var four = statuses("A", Category.MARKANT, "B", Category.MARKANT, "C", Category.INTENSIVERET, "D", Category.INTENSIVERET);
        assertThat(GoalTracking.halving(2021, four, 2025, statuses("A", Category.MARKANT, "B", Category.MARKANT)).onTrack()).isTrue();
        assertThat(GoalTracking.halving(2021, four, 2025, statuses("A", Category.MARKANT, "B", Category.MARKANT, "C", Category.MARKANT)).onTrack())
                .isFalse();
        var none = GoalTracking.halving(2021, statuses("A", Category.ORDINAER), 2025, statuses("A", Category.ORDINAER));
        assertThat(none.target()).isZero();
        assertThat(none.onTrack()).isTrue();
    }
}
