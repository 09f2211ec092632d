package dk.vendepunkt.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An attacker on a published table of counts, written independently of the disclosure control it tests
 * ({@code reporting.internal.DisclosureControl}): it knows every shown figure, which figures are withheld ("–"), the
 * table's additive identities (each row, column and total: total = Σ parts), the rates shown beside a count
 * (numerator / denominator within the shown rounding) and that counts are non-negative. It turns all of them into
 * its own linear constraints (shown members moved to the right-hand side: an equation per identity, two
 * inequalities per rate) and answers in two strengths:
 * <ul>
 * <li>{@link #leaks()}: interval reasoning. Every constraint bounds each of its unknowns by the others' intervals,
 * repeated until nothing changes: what the disclosure control promises to withstand (ADR 0009);</li>
 * <li>{@link #exactLeaks()}: linear reasoning. The whole system is solved at once (a simplex minimising and
 * maximising each unknown), so every identity the published ones imply, any sum or difference of rows, columns
 * and totals, is used without being listed.</li>
 * </ul>
 * A withheld figure is reported as leaked when its interval holds one value, or fewer than {@code threshold}
 * values while the published total of its own identity allows more (a withheld figure whose shown total is 3 can
 * only be 0 … 3, which the total says by itself).
 */
public final class TableAttacker {

    /** Stands for "no upper bound". */
    private static final long INF = Long.MAX_VALUE / 4;
    private static final double EPS = 1e-9;

    private final int threshold;
    private final List<String> names = new ArrayList<>();
    private final List<Long> values = new ArrayList<>(); // the shown value, null when not shown
    private final List<Boolean> withheld = new ArrayList<>();
    private final List<int[]> sums = new ArrayList<>();
    private final List<double[]> ratios = new ArrayList<>();
    private long[][] intervals;
    private long[][] exact;

    public TableAttacker(int threshold) {
        this.threshold = threshold;
    }

    private int add(String name, Long value, boolean isWithheld) {
        names.add(name);
        values.add(value);
        withheld.add(isWithheld);
        intervals = null;
        exact = null;
        return names.size() - 1;
    }

    /** A published count. */
    public int shown(String name, long value) {
        return add(name, value, false);
    }

    /** A count shown as "–". */
    public int withheld(String name) {
        return add(name, null, true);
    }

    /** A count the table does not show at all (e.g. failures = eligible − successes): not protected, but a link in the identities. */
    public int unpublished(String name) {
        return add(name, null, false);
    }

    /** A shown count or "–". */
    public int cell(String name, Long valueOrNullWhenWithheld) {
        return valueOrNullWhenWithheld == null ? withheld(name) : shown(name, valueOrNullWhenWithheld);
    }

    /** total = Σ parts. */
    public void sum(int total, int... parts) {
        int[] s = new int[parts.length + 1];
        s[0] = total;
        System.arraycopy(parts, 0, s, 1, parts.length);
        sums.add(s);
        intervals = null;
        exact = null;
    }

    /** numerator / denominator lies in [lo, hi] (a shown rate or interval bound, with its rounding). */
    public void ratio(int numerator, int denominator, double lo, double hi) {
        ratios.add(new double[] {numerator, denominator, lo, hi});
        intervals = null;
        exact = null;
    }

    /** The figure's lower bound by interval reasoning. */
    public long lower(int cell) {
        return intervals()[cell][0];
    }

    /** The figure's upper bound by interval reasoning ({@code Long.MAX_VALUE / 4}: none). */
    public long upper(int cell) {
        return intervals()[cell][1];
    }

    /** The figure's lower bound by linear reasoning. */
    public long exactLower(int cell) {
        return exact()[cell][0];
    }

    /** The figure's upper bound by linear reasoning. */
    public long exactUpper(int cell) {
        return exact()[cell][1];
    }

    /** The withheld figures interval reasoning pins down, each as "name ∈ [lo, hi]"; empty when the table is safe. */
    public List<String> leaks() {
        return leaks(intervals());
    }

    /** The withheld figures linear reasoning pins down, each as "name ∈ [lo, hi]". */
    public List<String> exactLeaks() {
        return leaks(exact());
    }

    private List<String> leaks(long[][] b) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (!withheld.get(c) || b[c][1] >= INF) continue;
            long allowed = INF; // what the shown total of an identity the figure belongs to says by itself
            for (int[] s : sums) {
                Long total = values.get(s[0]);
                if (total == null) continue;
                for (int k = 1; k < s.length; k++) {
                    if (s[k] == c) allowed = Math.min(allowed, total);
                }
            }
            if (b[c][1] - b[c][0] < Math.min(threshold - 1, allowed)) out.add(names.get(c) + " ∈ [" + b[c][0] + ", " + b[c][1] + "]");
        }
        return out;
    }

    // ------------------------------------------------------------------ the linear programme

    /** The constraints: the unknowns are the figures not shown (each ≥ 0); row · y = rhs, or ≥ rhs where inequality. */
    private record Constraints(int[] unknown, int count, List<double[]> rows, List<Boolean> inequality) {}

    private Constraints constraints() {
        int cells = names.size();
        int[] unknown = new int[cells]; // cell -> column, or -1 when shown
        int nv = 0;
        for (int c = 0; c < cells; c++) unknown[c] = values.get(c) == null ? nv++ : -1;
        List<double[]> rows = new ArrayList<>(); // coefficients of the unknowns, then the right-hand side
        List<Boolean> inequality = new ArrayList<>();
        for (int[] s : sums) {
            double[] r = new double[nv + 1];
            for (int k = 0; k < s.length; k++) term(r, unknown, s[k], k == 0 ? 1 : -1, nv);
            rows.add(r);
            inequality.add(false);
        }
        for (double[] q : ratios) {
            int n = (int) q[0], d = (int) q[1];
            double[] above = new double[nv + 1]; // n − lo·d ≥ 0
            term(above, unknown, n, 1, nv);
            term(above, unknown, d, -q[2], nv);
            double[] below = new double[nv + 1]; // hi·d − n ≥ 0
            term(below, unknown, d, q[3], nv);
            term(below, unknown, n, -1, nv);
            rows.add(above);
            inequality.add(true);
            rows.add(below);
            inequality.add(true);
        }
        return new Constraints(unknown, nv, rows, inequality);
    }

    /**
     * Interval reasoning: each unknown starts at [0, ∞); each constraint Σ a·y (= or ≥) b bounds a member by
     * a_k·y_k = b − Σ others (at least b − max Σ others for an inequality), rounded inwards to whole numbers, until
     * no bound moves.
     */
    private long[][] intervals() {
        if (intervals != null) return intervals;
        Constraints k = constraints();
        double[] lo = new double[k.count()];
        double[] hi = new double[k.count()];
        java.util.Arrays.fill(hi, Double.POSITIVE_INFINITY);
        boolean moved = true;
        for (int round = 0; moved && round < 10_000; round++) {
            moved = false;
            for (int r = 0; r < k.rows().size(); r++) {
                double[] row = k.rows().get(r);
                for (int m = 0; m < k.count(); m++) {
                    double a = row[m];
                    if (a == 0) continue;
                    // the others' sum Σ_{j≠m} a_j·y_j lies in [restMin, restMax]
                    double restMin = 0, restMax = 0;
                    for (int j = 0; j < k.count(); j++) {
                        if (j == m || row[j] == 0) continue;
                        restMin += row[j] > 0 ? row[j] * lo[j] : row[j] * hi[j];
                        restMax += row[j] > 0 ? row[j] * hi[j] : row[j] * lo[j];
                    }
                    double b = row[k.count()];
                    // a·y = b − rest: from rest ≤ restMax, a·y ≥ b − restMax; for an equation also a·y ≤ b − restMin
                    double atLeast = b - restMax;
                    double atMost = k.inequality().get(r) ? Double.POSITIVE_INFINITY : b - restMin;
                    double newLo = a > 0 ? atLeast / a : atMost / a;
                    double newHi = a > 0 ? atMost / a : atLeast / a;
                    if (!Double.isNaN(newLo) && Math.ceil(newLo - 1e-9) > lo[m]) {
                        lo[m] = Math.ceil(newLo - 1e-9);
                        moved = true;
                    }
                    if (!Double.isNaN(newHi) && Math.floor(newHi + 1e-9) < hi[m]) {
                        hi[m] = Math.floor(newHi + 1e-9);
                        moved = true;
                    }
                    if (lo[m] > hi[m]) throw new IllegalStateException("the published figures contradict each other (" + nameOf(k, m) + ")");
                }
            }
        }
        long[][] b = new long[names.size()][];
        for (int c = 0; c < names.size(); c++) {
            int m = k.unknown()[c];
            b[c] = m < 0 ? new long[] {values.get(c), values.get(c)}
                    : new long[] {(long) lo[m], hi[m] == Double.POSITIVE_INFINITY ? INF : (long) hi[m]};
        }
        intervals = b;
        return b;
    }

    private String nameOf(Constraints k, int column) {
        for (int c = 0; c < names.size(); c++) if (k.unknown()[c] == column) return names.get(c);
        return "?";
    }

    /**
     * Linear reasoning: one phase-1 simplex finds a feasible point (none: the figures contradict each other); from
     * it, each unknown is minimised and maximised over every constraint at once.
     */
    private long[][] exact() {
        if (exact != null) return exact;
        Constraints k = constraints();
        Simplex lp = new Simplex(k.rows(), k.inequality(), k.count());
        long[][] b = new long[names.size()][];
        for (int c = 0; c < names.size(); c++) {
            int m = k.unknown()[c];
            if (m < 0) {
                b[c] = new long[] {values.get(c), values.get(c)};
                continue;
            }
            if (!lp.feasible) throw new IllegalStateException("the published figures contradict each other (" + names.get(c) + ")");
            Double min = lp.minimise(m, 1);
            Double negMax = lp.minimise(m, -1);
            long lo = Math.max(0, (long) Math.ceil(min - 1e-6));
            long hi = negMax == null ? INF : (long) Math.floor(-negMax + 1e-6);
            b[c] = new long[] {lo, hi};
        }
        exact = b;
        return b;
    }

    /** Adds coefficient × cell to the row: to the unknown's column, or (shown) its value moved to the right-hand side. */
    private void term(double[] row, int[] unknown, int cell, double coefficient, int nv) {
        if (unknown[cell] >= 0) row[unknown[cell]] += coefficient;
        else row[nv] -= coefficient * values.get(cell);
    }

    /** A dense tableau simplex with Bland's rule (no cycling) over y ≥ 0. */
    private static final class Simplex {
        final int nv;
        final boolean feasible;
        double[][] tableau; // rows: constraints; columns: unknowns, surplus variables, then the right-hand side
        int[] basis;
        int columns; // unknowns + surplus variables (artificial columns dropped after phase 1)

        Simplex(List<double[]> rows, List<Boolean> inequality, int nv) {
            this.nv = nv;
            int m = rows.size();
            int surplus = (int) inequality.stream().filter(x -> x).count();
            int width = nv + surplus + m; // + artificials
            double[][] t = new double[m][width + 1];
            int next = nv;
            for (int i = 0; i < m; i++) {
                double[] r = rows.get(i);
                System.arraycopy(r, 0, t[i], 0, nv);
                t[i][width] = r[nv];
                if (inequality.get(i)) t[i][next++] = -1;
                if (t[i][width] < 0) for (int j = 0; j <= width; j++) t[i][j] = -t[i][j];
                t[i][nv + surplus + i] = 1;
            }
            int[] base = new int[m];
            for (int i = 0; i < m; i++) base[i] = nv + surplus + i;
            double[] cost = new double[width];
            for (int i = 0; i < m; i++) cost[nv + surplus + i] = 1;
            boolean[] allowed = new boolean[width];
            Arrays.fill(allowed, true);
            Double infeasibility = run(t, base, cost, allowed);
            feasible = infeasibility != null && infeasibility < 1e-7;
            // drive the artificials out of the basis, dropping rows that are combinations of others
            int real = nv + surplus;
            List<double[]> kept = new ArrayList<>();
            List<Integer> keptBasis = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                if (base[i] >= real) {
                    int j = 0;
                    while (j < real && Math.abs(t[i][j]) < EPS) j++;
                    if (j == real) continue;
                    pivot(t, null, i, j);
                    base[i] = j;
                }
            }
            for (int i = 0; i < m; i++) {
                if (base[i] >= real) continue;
                double[] r = Arrays.copyOf(t[i], real + 1);
                r[real] = t[i][width];
                kept.add(r);
                keptBasis.add(base[i]);
            }
            tableau = kept.toArray(double[][]::new);
            basis = keptBasis.stream().mapToInt(Integer::intValue).toArray();
            columns = real;
        }

        /** The minimum of sign · y[column], or null when unbounded below. */
        Double minimise(int column, int sign) {
            double[][] t = new double[tableau.length][];
            for (int i = 0; i < t.length; i++) t[i] = tableau[i].clone();
            double[] cost = new double[columns];
            cost[column] = sign;
            boolean[] allowed = new boolean[columns];
            Arrays.fill(allowed, true);
            return run(t, basis.clone(), cost, allowed);
        }

        /** Runs the simplex from a feasible basis; the optimum, or null when unbounded. */
        private static Double run(double[][] t, int[] basis, double[] cost, boolean[] allowed) {
            int n = cost.length;
            int m = t.length;
            double[] z = new double[n + 1]; // reduced costs; z[n] = −objective
            for (int j = 0; j < n; j++) z[j] = cost[j];
            for (int i = 0; i < m; i++) {
                double cb = cost[basis[i]];
                if (cb != 0) for (int j = 0; j <= n; j++) z[j] -= cb * t[i][j];
            }
            while (true) {
                int enter = -1;
                for (int j = 0; j < n && enter < 0; j++) if (allowed[j] && z[j] < -EPS) enter = j;
                if (enter < 0) return -z[n];
                int leave = -1;
                double best = 0;
                for (int i = 0; i < m; i++) {
                    if (t[i][enter] <= EPS) continue;
                    double ratio = t[i][n] / t[i][enter];
                    if (leave < 0 || ratio < best - EPS || (ratio < best + EPS && basis[i] < basis[leave])) {
                        leave = i;
                        best = ratio;
                    }
                }
                if (leave < 0) return null;
                pivot(t, z, leave, enter);
                basis[leave] = enter;
            }
        }

        private static void pivot(double[][] t, double[] z, int row, int column) {
            int width = t[row].length;
            double p = t[row][column];
            for (int j = 0; j < width; j++) t[row][j] /= p;
            for (int i = 0; i < t.length; i++) {
                if (i == row || t[i][column] == 0) continue;
                double f = t[i][column];
                for (int j = 0; j < width; j++) t[i][j] -= f * t[row][j];
            }
            if (z != null && z[column] != 0) {
                double f = z[column];
                for (int j = 0; j < width; j++) z[j] -= f * t[row][j];
            }
        }
    }
}
