package dk.vendepunkt.safetyindex.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two Tryghedsindeks goals, computed from the categories of a baseline year and of a later year:
 * <ul>
 * <li>Sikker By effect goal 3: the districts that were MARKANT in the baseline year should reach
 * ORDINAER need (or better: REDUCERET, MINIMAL). A district without enough respondents now has no
 * known status and does not count as reached.</li>
 * <li>The employment department's goal: the number of districts with MARKANT or INTENSIVERET need
 * falls by at least 50 %: target = floor(baseline count / 2), met when the count now ≤ target.
 * Districts with too few respondents count in neither year.</li>
 * </ul>
 */
public final class GoalTracking {

    private GoalTracking() {}

    /** One district that was MARKANT in the baseline year. */
    record MarkantDistrict(String area, Double baselineIndex, Double index, Category category, boolean reached) {}

    public record EffectGoal3(int baselineYear, int year, List<MarkantDistrict> districts, int reached) {
        public int total() {
            return districts.size();
        }

        public boolean met() {
            return reached == districts.size();
        }
    }

    public record HalvingGoal(int baselineYear, int year, int baselineCount, int count, int target, boolean onTrack) {}

    /** Index and category of one district in one year. */
    record Status(Double index, Category category) {}

    static EffectGoal3 effectGoal3(int baselineYear, Map<String, Status> baseline, int year, Map<String, Status> now) {
        List<MarkantDistrict> rows = new ArrayList<>();
        int reached = 0;
        for (var e : baseline.entrySet()) {
            if (e.getValue().category() != Category.MARKANT) continue;
            Status s = now.getOrDefault(e.getKey(), new Status(null, Category.INSUFFICIENT_DATA));
            boolean ok = s.category().ordinaryOrBetter();
            if (ok) reached++;
            rows.add(new MarkantDistrict(e.getKey(), e.getValue().index(), s.index(), s.category(), ok));
        }
        return new EffectGoal3(baselineYear, year, rows, reached);
    }

    static HalvingGoal halving(int baselineYear, Map<String, Status> baseline, int year, Map<String, Status> now) {
        int before = highNeed(baseline);
        int after = highNeed(now);
        int target = before / 2;
        return new HalvingGoal(baselineYear, year, before, after, target, after <= target);
    }

    static int highNeed(Map<String, Status> statuses) {
        return (int) statuses.values().stream().filter(s -> s.category().highNeed()).count();
    }
}
