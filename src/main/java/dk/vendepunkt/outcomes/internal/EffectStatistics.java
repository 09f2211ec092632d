package dk.vendepunkt.outcomes.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/** The contract's interval estimates: Wilson score, Newcombe's hybrid score difference, Kaplan–Meier with Greenwood. */
public final class EffectStatistics {

    /** The contract's z for 95 % intervals. */
    static final double Z = 1.959963984540054;

    private EffectStatistics() {}

    public record Interval(double lower, double upper) {
        double[] array() {
            return new double[] {lower, upper};
        }
    }

    /** Wilson score interval for successes/n; null when n = 0. */
    public static Interval wilson(long successes, long n) {
        if (n <= 0) return null;
        double p = (double) successes / n;
        double z2 = Z * Z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        // exact at the edges (p = 0 gives lower 0, p = 1 upper 1; rounding would give ±1e-16)
        return new Interval(successes == 0 ? 0 : Math.max(0, centre - half), successes == n ? 1 : Math.min(1, centre + half));
    }

    /**
     * Newcombe (1998) method 10, the hybrid score interval for p1 − p2 from the two Wilson intervals:
     * L = d − √((p1 − l1)² + (u2 − p2)²), U = d + √((u1 − p1)² + (p2 − l2)²). Null when either n = 0.
     */
    public static Interval newcombe(long s1, long n1, long s2, long n2) {
        if (n1 <= 0 || n2 <= 0) return null;
        double p1 = (double) s1 / n1, p2 = (double) s2 / n2;
        Interval w1 = wilson(s1, n1), w2 = wilson(s2, n2);
        double d = p1 - p2;
        double lower = d - Math.sqrt(sq(p1 - w1.lower()) + sq(w2.upper() - p2));
        double upper = d + Math.sqrt(sq(w1.upper() - p1) + sq(p2 - w2.lower()));
        return new Interval(lower, upper);
    }

    private static double sq(double x) {
        return x * x;
    }

    /** One step of the Kaplan–Meier curve: a day with at least one event. */
    record KmPoint(int day, long atRisk, long events, double survival, Double lower, Double upper) {}

    /** Events and censorings on one day of follow-up. */
    record DayCount(long events, long censored) {}

    /**
     * Kaplan–Meier estimate; {@code byDay} maps a follow-up time in days to the number of events and
     * censorings at that time. At risk on day t = all with time ≥ t (censored on t count as at risk, the
     * usual convention). Greenwood variance; 95 % interval on the log(−log S) scale, S^exp(±z·se), with
     * se = √(Σ d/(n(n−d))) / |log S|. When S reaches 0 the interval is [0, 0].
     */
    static List<KmPoint> kaplanMeier(NavigableMap<Integer, DayCount> byDay) {
        long atRisk = 0;
        for (DayCount c : byDay.values()) atRisk += c.events() + c.censored();
        List<KmPoint> points = new ArrayList<>();
        double s = 1;
        double greenwood = 0;
        for (var e : byDay.entrySet()) {
            long d = e.getValue().events();
            if (d > 0 && atRisk > 0) {
                s *= 1 - (double) d / atRisk;
                Double lower, upper;
                if (d >= atRisk || s <= 0) {
                    s = 0;
                    lower = 0.0;
                    upper = 0.0;
                    greenwood = Double.POSITIVE_INFINITY;
                } else {
                    greenwood += (double) d / (atRisk * (double) (atRisk - d));
                    double logS = Math.log(s);
                    double se = Math.sqrt(greenwood) / Math.abs(logS);
                    lower = Math.pow(s, Math.exp(Z * se));
                    upper = Math.pow(s, Math.exp(-Z * se));
                }
                points.add(new KmPoint(e.getKey(), atRisk, d, s, lower, upper));
            }
            atRisk -= e.getValue().events() + e.getValue().censored();
        }
        return points;
    }
}
