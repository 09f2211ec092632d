package dk.vendepunkt.reporting;

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
        return table;
    }

    private static int[] complement(int[][] relation, List<int[][]> relations, SuppressedTable table) {
        int[] best = null;
        long[] bestKey = null;
        for (int[] e : relation) {
            if (table.flags()[e[0]][e[1]]) {
                continue;
            }
            long value = table.grid()[e[0]][e[1]];
            boolean inner = e[0] < table.rows() && e[1] < table.columns();
            long rank = value > 0 ? (inner ? 0 : 1) : (inner ? 2 : 3);
            long closes = closesAnother(e, relation, relations, table) ? 0 : 1;
            long[] key = {rank, closes, value};
            if (bestKey == null || java.util.Arrays.compare(key, bestKey) < 0) {
                best = e;
                bestKey = key;
            }
        }
        return best;
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
