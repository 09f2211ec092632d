package dk.vendepunkt.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.reporting.SuppressedTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearAuditTest {

    /** One column with its total: 21 shown, 14, 1 and 1 withheld, total 37 — each withheld figure lies in 0 … 16. */
    @Test
    void boundsAWithheldFigureByItsIdentityAndNonNegativity() {
        SuppressedTable t = SuppressedTable.unsuppressed(new long[][] {{14}, {21}, {1}, {1}}, false, true);
        t.flags()[0][0] = true;
        t.flags()[2][0] = true;
        t.flags()[3][0] = true;
        List<int[][]> relations = new ArrayList<>();
        relations.add(new int[][] {{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}});
        LinearAudit audit = new LinearAudit(relations, t);
        assertThat(audit.bounds(2, 0)).containsExactly(0, 16);
        assertThat(audit.bounds(3, 0)).containsExactly(0, 16);
        assertThat(audit.bounds(0, 0)).containsExactly(0, 16);
        assertThat(audit.bounds(1, 0)).containsExactly(21, 21);
        // a figure no identity bounds above (a row total the table does not publish)
        assertThat(audit.bounds(2, 1)).containsExactly(0, LinearAudit.INF);
    }
}
