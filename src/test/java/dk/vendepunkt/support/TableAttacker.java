package dk.vendepunkt.support;

import java.util.ArrayList;
import java.util.List;

/**
 * An attacker on a published table of counts: it knows every shown figure, which figures are withheld ("–"),
 * the table's additive identities (each row, column and total: total = Σ parts), the rates shown beside a
 * count (numerator / denominator within the shown rounding) and that counts are non-negative integers. It
 * narrows every figure to an interval by propagating the identities until nothing changes — an identity with
 * one unknown member gives it exactly, and sums of bounds bound the rest — and reports a withheld figure as
 * {@linkplain #leaks() leaked} when it is pinned to one value, or to fewer than {@code threshold} values while
 * the published total of its own identity allows more (a withheld figure whose shown total is 3 can only be
 * 0 … 3, which the total says by itself).
 */
public final class TableAttacker {

    private static final long INF = Long.MAX_VALUE / 4;

    private final int threshold;
    private final List<String> names = new ArrayList<>();
    private final List<Boolean> withheld = new ArrayList<>();
    private final List<Boolean> shown = new ArrayList<>();
    private final List<long[]> bounds = new ArrayList<>();
    private final List<int[]> sums = new ArrayList<>();
    private final List<double[]> ratios = new ArrayList<>();

    public TableAttacker(int threshold) {
        this.threshold = threshold;
    }

    private int add(String name, boolean isWithheld, boolean isShown, long lo, long hi) {
        names.add(name);
        withheld.add(isWithheld);
        shown.add(isShown);
        bounds.add(new long[] {lo, hi});
        return names.size() - 1;
    }

    /** A published count. */
    public int shown(String name, long value) {
        return add(name, false, true, value, value);
    }

    /** A count shown as "–". */
    public int withheld(String name) {
        return add(name, true, false, 0, INF);
    }

    /** A count the table does not show at all (e.g. failures = eligible − successes): not protected, but a link in the identities. */
    public int unpublished(String name) {
        return add(name, false, false, 0, INF);
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
    }

    /** numerator / denominator lies in [lo, hi] (a shown rate or interval bound, with its rounding). */
    public void ratio(int numerator, int denominator, double lo, double hi) {
        ratios.add(new double[] {numerator, denominator, lo, hi});
    }

    public long lower(int cell) {
        solve();
        return bounds.get(cell)[0];
    }

    public long upper(int cell) {
        solve();
        return bounds.get(cell)[1];
    }

    /** The withheld figures the attacker pins down, each as "name ∈ [lo, hi]"; empty when the table is safe. */
    public List<String> leaks() {
        solve();
        List<String> out = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            if (!withheld.get(c)) continue;
            long lo = bounds.get(c)[0], hi = bounds.get(c)[1];
            if (hi >= INF) continue;
            long allowed = INF;
            for (int[] s : sums) {
                for (int k = 1; k < s.length; k++) {
                    if (s[k] == c && shown.get(s[0])) allowed = Math.min(allowed, bounds.get(s[0])[0]);
                }
            }
            if (hi - lo < Math.min(threshold - 1, allowed)) out.add(names.get(c) + " ∈ [" + lo + ", " + hi + "]");
        }
        return out;
    }

    private void solve() {
        boolean changed = true;
        for (int round = 0; changed && round < 10_000; round++) {
            changed = false;
            for (int[] s : sums) {
                long partsLo = 0, partsHi = 0;
                for (int k = 1; k < s.length; k++) {
                    partsLo = cap(partsLo + bounds.get(s[k])[0]);
                    partsHi = cap(partsHi + bounds.get(s[k])[1]);
                }
                changed |= narrow(s[0], partsLo, partsHi);
                long[] t = bounds.get(s[0]);
                for (int k = 1; k < s.length; k++) {
                    long othersLo = 0, othersHi = 0;
                    for (int o = 1; o < s.length; o++) {
                        if (o == k) continue;
                        othersLo = cap(othersLo + bounds.get(s[o])[0]);
                        othersHi = cap(othersHi + bounds.get(s[o])[1]);
                    }
                    long lo = othersHi >= INF ? 0 : t[0] - othersHi;
                    long hi = t[1] >= INF ? INF : t[1] - othersLo;
                    changed |= narrow(s[k], lo, hi);
                }
            }
            for (double[] r : ratios) {
                int n = (int) r[0], d = (int) r[1];
                long[] nb = bounds.get(n), db = bounds.get(d);
                long lo = (long) Math.ceil(r[2] * db[0] - 1e-9);
                long hi = db[1] >= INF ? INF : (long) Math.floor(r[3] * db[1] + 1e-9);
                changed |= narrow(n, lo, hi);
                long dlo = r[3] <= 0 ? 0 : (long) Math.ceil(nb[0] / r[3] - 1e-9);
                long dhi = r[2] <= 0 || nb[1] >= INF ? INF : (long) Math.floor(nb[1] / r[2] + 1e-9);
                changed |= narrow(d, dlo, dhi);
            }
        }
    }

    private boolean narrow(int cell, long lo, long hi) {
        long[] b = bounds.get(cell);
        boolean changed = false;
        if (lo > b[0]) {
            b[0] = lo;
            changed = true;
        }
        if (hi < b[1]) {
            b[1] = hi;
            changed = true;
        }
        if (b[0] > b[1]) throw new IllegalStateException("the published figures of " + names.get(cell) + " contradict each other");
        return changed;
    }

    private static long cap(long v) {
        return Math.min(v, INF);
    }
}
