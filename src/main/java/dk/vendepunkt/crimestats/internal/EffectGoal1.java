package dk.vendepunkt.crimestats.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * Sikker By effect goal 1 for a range of calendar years, as the data contract defines it: per year the
 * distinct persons (by the CPR's keyed hash) aged 14–25 at a person-directed charge whose residence was in a
 * deprived area ({@code charged}); the charges that would count but have no person key ({@code unlinked}:
 * never guessed into persons); the areas' 14–25-year-olds ({@code population}, null when an area lacks the
 * figure for the year); {@code share} = charged / population; {@code changePct} against the first year;
 * {@code goalMet} for the last year: its change ≤ the target (−2 %), null when it cannot be computed.
 */
public record EffectGoal1(List<String> areas, List<Year> years, Boolean goalMet) {

    public record Year(int year, long charged, long unlinked, Long population, Double share, Double changePct) {}

    /** Counts of one year as read from the charges. */
    record Counts(long charged, long unlinked) {}

    /** Assembles the answer: years in order, each with its counts (zeros when none) and population (null = missing). */
    static EffectGoal1 of(List<String> areas, int from, int to, java.util.Map<Integer, Counts> counts, java.util.Map<Integer, Long> population,
                          BigDecimal targetPct) {
        List<Year> years = new java.util.ArrayList<>();
        Double base = null;
        for (int y = from; y <= to; y++) {
            Counts c = counts.getOrDefault(y, new Counts(0, 0));
            Long pop = population.get(y);
            Double share = pop == null || pop == 0 ? null : (double) c.charged() / pop;
            if (y == from) base = share;
            Double change = y == from || share == null || base == null || base == 0 ? null : (share - base) / base * 100;
            years.add(new Year(y, c.charged(), c.unlinked(), pop, share, change));
        }
        Double last = years.getLast().changePct();
        Boolean met = last == null ? null : last <= targetPct.doubleValue();
        return new EffectGoal1(areas, List.copyOf(years), met);
    }
}
