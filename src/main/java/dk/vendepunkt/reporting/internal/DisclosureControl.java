package dk.vendepunkt.reporting.internal;

import dk.vendepunkt.reporting.SuppressedTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Cell suppression for tables of counts with totals.
 *
 * <p><b>Primary suppression:</b> every published figure (cell or total) with 0 &lt; n &lt; threshold.
 * Zero is not sensitive and is shown.
 *
 * <p><b>Secondary suppression:</b> a table with totals is a set of additive relations (each row with its
 * row total, each column with its column total, the row totals with the grand total, the column totals
 * with the grand total). A relation with exactly one suppressed member gives that member away by
 * subtraction, so until no relation has exactly one suppressed member, the smallest other member of such
 * a relation is suppressed too — preferring non-zero inner cells, then non-zero totals, then zero cells;
 * among those, a member whose other relation also has a single withheld member (so that the withheld
 * cells close into rectangles instead of cascading), then the smallest.
 * Every relation then holds zero or at least two suppressed members, so no suppressed figure can be
 * computed from the published ones of a single row, column or total.
 *
 * <p><b>Interval audit:</b> that is not enough when relations are combined (a row "2 = – + –" says both are
 * at most 2), so every figure is then bounded by propagating all relations with non-negativity; a withheld
 * figure narrowed to fewer than threshold values, and to less than the shown total of its own relation
 * allows, gets one more member of its relations withheld, and both steps repeat until stable (ADR 0009).
 *
 * <p><b>Linear audit:</b> propagation one identity at a time still misses what identities imply together (a row
 * minus a column can pin the sum of two withheld cells to 2). Once the interval audit is stable, every withheld
 * figure's smallest and largest value given all published figures and non-negativity is found by linear
 * programming ({@link LinearAudit}); a figure the protection rule does not cover gets one more figure withheld
 * and every step repeats (ADR 0019). A table the linear audit finds safe keeps the suppressions of the earlier
 * steps unchanged.
 */
final class DisclosureControl {

    private DisclosureControl() {}

    static SuppressedTable suppress(long[][] cells, int threshold, boolean rowTotals, boolean columnTotals) {
        SuppressedTable table = SuppressedTable.unsuppressed(cells, rowTotals, columnTotals);
        int rows = table.rows();
        int cols = table.columns();
        boolean[][] s = table.flags();
        long[][] v = table.grid();
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= cols; j++) {
                if (table.exists(i, j) && v[i][j] > 0 && v[i][j] < threshold) {
                    s[i][j] = true;
                }
            }
        }
        List<int[][]> relations = relations(table);
        do {
            singles(relations, table);
        } while (widenNarrowest(relations, table, threshold) || widenExact(relations, table, threshold));
        return table;
    }

    /** Until no relation has exactly one withheld member, withholds a complement in each that has. */
    private static void singles(List<int[][]> relations, SuppressedTable table) {
        boolean[][] s = table.flags();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[][] relation : relations) {
                int suppressed = 0;
                for (int[] e : relation) {
                    if (s[e[0]][e[1]]) {
                        suppressed++;
                    }
                }
                if (suppressed == 1) {
                    int[] complement = complement(relation, relations, table);
                    if (complement != null) {
                        s[complement[0]][complement[1]] = true;
                        changed = true;
                    }
                }
            }
        }
    }

    /**
     * The interval audit: bounds every figure by propagating the relations with non-negativity (what an
     * attacker can do with the published figures, not only subtraction within one relation). When a withheld
     * figure is narrowed to fewer than threshold values, and to less than the shown total of its own relation
     * allows, one more member of one of its relations is withheld (as a complement) and true is returned.
     */
    private static boolean widenNarrowest(List<int[][]> relations, SuppressedTable table, int threshold) {
        long[][][] b = bounds(relations, table);
        boolean[][] s = table.flags();
        for (int i = 0; i <= table.rows(); i++) {
            for (int j = 0; j <= table.columns(); j++) {
                if (!s[i][j] || !table.exists(i, j) || b[i][j][1] >= INF) {
                    continue;
                }
                if (protectedBy(b[i][j], relations, table, i, j, threshold)) {
                    continue;
                }
                int[] best = null;
                long[] bestKey = null;
                for (int[][] r : relations) {
                    if (!contains(r, i, j)) {
                        continue;
                    }
                    int[] e = complement(r, relations, table);
                    if (e != null) {
                        long[] key = key(e, r, relations, table);
                        if (bestKey == null || java.util.Arrays.compare(key, bestKey) < 0) {
                            best = e;
                            bestKey = key;
                        }
                    }
                }
                if (best != null) {
                    s[best[0]][best[1]] = true;
                    return true;
                }
            }
        }
        return false;
    }

    private static final long INF = LinearAudit.INF;

    /**
     * The protection rule: a withheld figure's feasible values [lo, hi] span at least threshold − 1 (so at least
     * threshold values), or — when the shown total of an identity it belongs to is smaller — all that total
     * allows by itself (0 … 3 of a shown 3 protects as much as a 3 can be protected).
     */
    private static boolean protectedBy(long[] interval, List<int[][]> relations, SuppressedTable table, int i, int j, int threshold) {
        long allowed = INF;
        boolean[][] s = table.flags();
        for (int[][] r : relations) {
            int[] total = r[r.length - 1];
            for (int k = 0; k < r.length - 1; k++) {
                if (r[k][0] == i && r[k][1] == j && !s[total[0]][total[1]]) {
                    allowed = Math.min(allowed, table.grid()[total[0]][total[1]]);
                }
            }
        }
        return interval[1] >= INF || interval[1] - interval[0] >= Math.min(threshold - 1, allowed);
    }

    /**
     * The linear audit, run once the interval audit is stable: every withheld figure is bounded by
     * {@link LinearAudit} (all identities at once, with non-negativity). For the first withheld figure (row by
     * row) that the rule does not protect, one more figure is withheld and true is returned: among the shown
     * members of the figure's own identities (all shown figures of the table when those are all withheld), in
     * the complement preference (non-zero inner cells, then totals, then zeros; closing a rectangle; the
     * smallest), the first whose withholding alone protects the figure; when none does, the first of them, and
     * the caller runs every step again.
     */
    private static boolean widenExact(List<int[][]> relations, SuppressedTable table, int threshold) {
        LinearAudit audit = new LinearAudit(relations, table);
        boolean[][] s = table.flags();
        for (int i = 0; i <= table.rows(); i++) {
            for (int j = 0; j <= table.columns(); j++) {
                if (!s[i][j] || !table.exists(i, j) || protectedBy(audit.bounds(i, j), relations, table, i, j, threshold)) {
                    continue;
                }
                List<int[]> candidates = candidates(relations, table, i, j);
                for (int[] c : candidates) {
                    s[c[0]][c[1]] = true;
                    boolean enough = protectedBy(new LinearAudit(relations, table).bounds(i, j), relations, table, i, j, threshold);
                    s[c[0]][c[1]] = false;
                    if (enough) {
                        s[c[0]][c[1]] = true;
                        return true;
                    }
                }
                if (!candidates.isEmpty()) {
                    int[] first = candidates.get(0);
                    s[first[0]][first[1]] = true;
                    return true;
                }
            }
        }
        return false;
    }

    /** The shown figures that may be withheld for (i, j), in the complement preference (see {@link #widenExact}). */
    private static List<int[]> candidates(List<int[][]> relations, SuppressedTable table, int i, int j) {
        java.util.Map<String, long[]> keys = new java.util.HashMap<>();
        List<int[]> out = new ArrayList<>();
        for (int[][] r : relations) {
            if (!contains(r, i, j)) {
                continue;
            }
            for (int[] e : r) {
                if (!table.flags()[e[0]][e[1]] && keys.putIfAbsent(e[0] + "," + e[1], key(e, r, relations, table)) == null) {
                    out.add(e);
                }
            }
        }
        if (out.isEmpty()) {
            for (int[][] r : relations) {
                for (int[] e : r) {
                    if (!table.flags()[e[0]][e[1]] && keys.putIfAbsent(e[0] + "," + e[1], key(e, null, relations, table)) == null) {
                        out.add(e);
                    }
                }
            }
        }
        out.sort((a, b) -> java.util.Arrays.compare(keys.get(a[0] + "," + a[1]), keys.get(b[0] + "," + b[1])));
        return out;
    }

    /** [lo, hi] of every figure: shown ones exact, withheld ones 0 … ∞ narrowed by the relations until stable. */
    private static long[][][] bounds(List<int[][]> relations, SuppressedTable table) {
        long[][][] b = new long[table.rows() + 1][table.columns() + 1][];
        for (int i = 0; i <= table.rows(); i++) {
            for (int j = 0; j <= table.columns(); j++) {
                boolean shown = table.exists(i, j) && !table.flags()[i][j];
                b[i][j] = shown ? new long[] {table.grid()[i][j], table.grid()[i][j]} : new long[] {0, INF};
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[][] r : relations) {
                int[] t = r[r.length - 1];
                long[] tb = b[t[0]][t[1]];
                long lo = 0;
                long hi = 0;
                for (int k = 0; k < r.length - 1; k++) {
                    lo = Math.min(INF, lo + b[r[k][0]][r[k][1]][0]);
                    hi = Math.min(INF, hi + b[r[k][0]][r[k][1]][1]);
                }
                changed |= narrow(tb, lo, hi);
                for (int k = 0; k < r.length - 1; k++) {
                    long[] pb = b[r[k][0]][r[k][1]];
                    long othersLo = 0;
                    long othersHi = 0;
                    for (int o = 0; o < r.length - 1; o++) {
                        if (o != k) {
                            othersLo = Math.min(INF, othersLo + b[r[o][0]][r[o][1]][0]);
                            othersHi = Math.min(INF, othersHi + b[r[o][0]][r[o][1]][1]);
                        }
                    }
                    changed |= narrow(pb, othersHi >= INF ? 0 : tb[0] - othersHi, tb[1] >= INF ? INF : tb[1] - othersLo);
                }
            }
        }
        return b;
    }

    private static boolean narrow(long[] b, long lo, long hi) {
        boolean changed = false;
        if (lo > b[0]) {
            b[0] = lo;
            changed = true;
        }
        if (hi < b[1]) {
            b[1] = hi;
            changed = true;
        }
        return changed;
    }

    private static boolean contains(int[][] relation, int i, int j) {
        for (int[] e : relation) {
            if (e[0] == i && e[1] == j) {
                return true;
            }
        }
        return false;
    }

    /**
     * Which rates of a breakdown are withheld. Row i is successes[i] of eligible[i]; the last flag is the total
     * (the sums). The eligible counts are published, the failures are eligible − successes, so the withheld
     * successes are tied by one identity: their sum is the total's successes minus the shown rows'. Primary:
     * {@link DisclosurePolicy#suppressRate}'s rule on every row and the total. Secondary, until stable: while an
     * attacker who solves that identity with 0 ≤ successes ≤ eligible can pin a withheld figure to fewer than
     * threshold values (and to less than its own eligible count already allows), one more row is withheld —
     * the shown row with the fewest eligible, the total when no row is left.
     */
    static boolean[] suppressRates(long[] successes, long[] eligible, int threshold) {
        int n = successes.length;
        long s = 0;
        long g = 0;
        boolean[] withheld = new boolean[n + 1];
        for (int i = 0; i < n; i++) {
            if (successes[i] < 0 || eligible[i] < successes[i]) {
                throw new IllegalArgumentException("successes must lie in 0 … eligible");
            }
            withheld[i] = rateSensitive(successes[i], eligible[i], threshold);
            s += successes[i];
            g += eligible[i];
        }
        withheld[n] = rateSensitive(s, g, threshold);
        while (rateLeaks(successes, eligible, s, g, withheld, threshold)) {
            int next = -1;
            for (int i = 0; i < n; i++) {
                if (!withheld[i] && (next < 0 || eligible[i] < eligible[next])) {
                    next = i;
                }
            }
            if (next < 0) {
                next = n;
            }
            withheld[next] = true;
        }
        return withheld;
    }

    static boolean rateSensitive(long successes, long eligible, int threshold) {
        return successes < threshold || eligible - successes < threshold;
    }

    /** Whether some withheld row or total can be bounded too tightly from the shown rows, the total and the eligible counts. */
    private static boolean rateLeaks(long[] successes, long[] eligible, long s, long g, boolean[] withheld, int threshold) {
        int n = successes.length;
        long shownSuccesses = 0;
        long hiddenEligible = 0;
        for (int i = 0; i < n; i++) {
            if (withheld[i]) {
                hiddenEligible += eligible[i];
            } else {
                shownSuccesses += successes[i];
            }
        }
        if (withheld[n]) {
            // the rows alone bound the total's successes to shown + [0, eligible of the withheld rows]
            return tooNarrow(shownSuccesses, shownSuccesses + hiddenEligible, g, threshold);
        }
        long rest = s - shownSuccesses;
        for (int i = 0; i < n; i++) {
            if (withheld[i]) {
                long lo = Math.max(0, rest - (hiddenEligible - eligible[i]));
                long hi = Math.min(eligible[i], rest);
                if (tooNarrow(lo, hi, eligible[i], threshold)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Fewer than threshold possible values, and fewer than the figure's own eligible count allows (0 … eligible). */
    private static boolean tooNarrow(long lo, long hi, long eligible, int threshold) {
        return hi - lo < Math.min(threshold - 1, eligible);
    }

    private static int[] complement(int[][] relation, List<int[][]> relations, SuppressedTable table) {
        int[] best = null;
        long[] bestKey = null;
        for (int[] e : relation) {
            if (table.flags()[e[0]][e[1]]) {
                continue;
            }
            long[] key = key(e, relation, relations, table);
            if (bestKey == null || java.util.Arrays.compare(key, bestKey) < 0) {
                best = e;
                bestKey = key;
            }
        }
        return best;
    }

    private static long[] key(int[] e, int[][] relation, List<int[][]> relations, SuppressedTable table) {
        long value = table.grid()[e[0]][e[1]];
        boolean inner = e[0] < table.rows() && e[1] < table.columns();
        long rank = value > 0 ? (inner ? 0 : 1) : (inner ? 2 : 3);
        long closes = closesAnother(e, relation, relations, table) ? 0 : 1;
        return new long[] {rank, closes, value};
    }

    /** Whether e also belongs to another relation that has exactly one withheld member. */
    private static boolean closesAnother(int[] e, int[][] current, List<int[][]> relations, SuppressedTable table) {
        for (int[][] other : relations) {
            if (other == current) {
                continue;
            }
            boolean contains = false;
            int suppressed = 0;
            for (int[] m : other) {
                contains |= m[0] == e[0] && m[1] == e[1];
                if (table.flags()[m[0]][m[1]]) {
                    suppressed++;
                }
            }
            if (contains && suppressed == 1) {
                return true;
            }
        }
        return false;
    }

    private static List<int[][]> relations(SuppressedTable t) {
        int rows = t.rows();
        int cols = t.columns();
        List<int[][]> relations = new ArrayList<>();
        if (t.hasRowTotals()) {
            for (int i = 0; i < rows; i++) {
                int[][] rel = new int[cols + 1][];
                for (int j = 0; j <= cols; j++) {
                    rel[j] = new int[] {i, j};
                }
                relations.add(rel);
            }
        }
        if (t.hasColumnTotals()) {
            for (int j = 0; j < cols; j++) {
                int[][] rel = new int[rows + 1][];
                for (int i = 0; i <= rows; i++) {
                    rel[i] = new int[] {i, j};
                }
                relations.add(rel);
            }
        }
        if (t.hasRowTotals() && t.hasColumnTotals()) {
            int[][] rowSums = new int[rows + 1][];
            for (int i = 0; i <= rows; i++) {
                rowSums[i] = new int[] {i, cols};
            }
            relations.add(rowSums);
            int[][] colSums = new int[cols + 1][];
            for (int j = 0; j <= cols; j++) {
                colSums[j] = new int[] {rows, j};
            }
            relations.add(colSums);
        }
        return relations;
    }
}
