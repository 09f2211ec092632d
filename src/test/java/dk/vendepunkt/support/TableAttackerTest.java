package dk.vendepunkt.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The attacker itself: what it recovers, in both strengths. */
class TableAttackerTest {

    static final int T = 5;

    @Test
    void aSingleWithheldCellOfARowIsRecovered() {
        TableAttacker a = new TableAttacker(T);
        int total = a.shown("total", 40), x = a.shown("x", 31), y = a.withheld("y");
        a.sum(total, x, y);
        assertThat(a.leaks()).containsExactly("y ∈ [9, 9]");
        assertThat(a.exactLeaks()).containsExactly("y ∈ [9, 9]");
    }

    @Test
    void twoWithheldCellsOfALargeTotalAreSafe() {
        TableAttacker a = new TableAttacker(T);
        int total = a.shown("total", 40), x = a.withheld("x"), y = a.withheld("y");
        a.sum(total, x, y);
        assertThat(a.leaks()).isEmpty();
        assertThat(a.exactLeaks()).isEmpty();
        assertThat(a.exactLower(x)).isZero();
        assertThat(a.exactUpper(x)).isEqualTo(40);
    }

    /**
     * A table whose every row, column and total has zero or at least two withheld members, and where no single
     * identity narrows a cell: interval reasoning finds nothing. Linear reasoning combines the identities (the row
     * totals' column: e + h = 14; the middle column: d + f = 12; rows 1 and 2: e = c + d, h = f + g) into
     * c + g = 2, and so pins c and g to 0 … 2.
     * <pre>
     *   –  26  –  | 33
     *   c   d  0  |  e
     *   0   f  g  |  h
     *   –   0  –  | 32
     *   –  38  –  | 79
     * </pre>
     */
    @Test
    void linearReasoningDerivesIdentitiesNoSingleRowOrColumnShows() {
        TableAttacker a = new TableAttacker(T);
        String[][] shown = {{null, "26", null, "33"}, {null, null, "0", null}, {"0", null, null, null}, {null, "0", null, "32"},
                {null, "38", null, "79"}};
        String[] names = {"a", "26", "b", "33", "c", "d", "0", "e", "0", "f", "g", "h", "i", "0", "j", "32", "k", "38", "l", "79"};
        int[][] id = new int[5][4];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 4; j++) {
                id[i][j] = a.cell(names[i * 4 + j], shown[i][j] == null ? null : Long.valueOf(shown[i][j]));
            }
        }
        for (int i = 0; i < 5; i++) a.sum(id[i][3], id[i][0], id[i][1], id[i][2]);
        for (int j = 0; j < 4; j++) a.sum(id[4][j], id[0][j], id[1][j], id[2][j], id[3][j]);
        assertThat(a.leaks()).isEmpty();
        assertThat(a.exactLeaks()).containsExactlyInAnyOrder("c ∈ [0, 2]", "g ∈ [0, 2]");
    }

    @Test
    void aShownRateNarrowsItsNumeratorInBothStrengths() {
        TableAttacker a = new TableAttacker(T);
        int n = a.withheld("n"), d = a.shown("d", 40);
        a.ratio(n, d, 0.8245, 0.8255);
        assertThat(a.leaks()).containsExactly("n ∈ [33, 33]");
        assertThat(a.exactLeaks()).containsExactly("n ∈ [33, 33]");
    }

    @Test
    void contradictoryFiguresAreRefused() {
        TableAttacker a = new TableAttacker(T);
        int total = a.shown("total", 3), x = a.shown("x", 5), y = a.withheld("y");
        a.sum(total, x, y);
        assertThatThrownBy(a::leaks).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(a::exactLeaks).isInstanceOf(IllegalStateException.class);
    }
}
