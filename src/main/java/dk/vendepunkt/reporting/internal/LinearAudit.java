package dk.vendepunkt.reporting.internal;

import dk.vendepunkt.reporting.SuppressedTable;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.LocalizedOptimFormats;
import org.hipparchus.optim.nonlinear.scalar.GoalType;

/**
 * What an attacker learns about a withheld figure from everything a suppressed table publishes at once: the
 * unknowns are the figures not shown (withheld, or not published at all, such as the row totals of a table with
 * column totals only), each ≥ 0; every additive identity of the table (row, column, totals) is an equation; the
 * figure's smallest and largest feasible values are two linear programmes (Hipparchus' simplex), rounded inwards
 * to whole numbers (ADR 0009). Interval propagation, one identity at a time, can miss what a combination of
 * identities implies (two withheld cells whose sum is pinned by a row minus a column); this does not.
 */
final class LinearAudit {

    /** Stands for "no upper bound". */
    static final long INF = Long.MAX_VALUE / 4;

    private static final double TOLERANCE = 1e-6;

    private final SuppressedTable table;
    private final int[][] unknown; // figure -> column of the programme, −1 when shown
    private final int count;
    private final List<LinearConstraint> constraints = new ArrayList<>();

    /** The programme for the table as it is flagged now (later flag changes need a new audit). */
    LinearAudit(List<int[][]> relations, SuppressedTable table) {
        this.table = table;
        unknown = new int[table.rows() + 1][table.columns() + 1];
        int n = 0;
        for (int i = 0; i <= table.rows(); i++) {
            for (int j = 0; j <= table.columns(); j++) {
                unknown[i][j] = shown(i, j) ? -1 : n++;
            }
        }
        count = n;
        for (int[][] r : relations) {
            // total − Σ parts = 0, the shown figures moved to the right-hand side
            double[] coefficients = new double[count];
            double rhs = 0;
            boolean any = false;
            for (int k = 0; k < r.length; k++) {
                int sign = k == r.length - 1 ? 1 : -1;
                int i = r[k][0];
                int j = r[k][1];
                if (unknown[i][j] >= 0) {
                    coefficients[unknown[i][j]] += sign;
                    any = true;
                } else {
                    rhs -= sign * table.grid()[i][j];
                }
            }
            if (any) {
                constraints.add(new LinearConstraint(coefficients, Relationship.EQ, rhs));
            }
        }
        // non-negativity as explicit constraints: Hipparchus 4.0.2's NonNegativeConstraint(true) stops at the
        // phase-1 point for some programmes (max y1 subject to y0 + y1 + y2 = 16 gives 0), see LinearAuditTest
        for (int v = 0; v < count && !constraints.isEmpty(); v++) {
            double[] unit = new double[count];
            unit[v] = 1;
            constraints.add(new LinearConstraint(unit, Relationship.GEQ, 0));
        }
    }

    private boolean shown(int i, int j) {
        return table.exists(i, j) && !table.flags()[i][j];
    }

    /** [lo, hi] of figure (i, j) given the published ones; hi is {@link #INF} when nothing bounds it above. */
    long[] bounds(int i, int j) {
        if (unknown[i][j] < 0) {
            long v = table.grid()[i][j];
            return new long[] {v, v};
        }
        if (constraints.isEmpty()) {
            return new long[] {0, INF};
        }
        Double min = optimum(unknown[i][j], GoalType.MINIMIZE);
        Double max = optimum(unknown[i][j], GoalType.MAXIMIZE);
        long lo = Math.max(0, (long) Math.ceil(min - TOLERANCE));
        long hi = max == null ? INF : (long) Math.floor(max + TOLERANCE);
        return new long[] {lo, hi};
    }

    /** The optimum of the unknown in the given direction; null when unbounded. */
    private Double optimum(int column, GoalType goal) {
        double[] objective = new double[count];
        objective[column] = 1;
        try {
            PointValuePair p = new SimplexSolver().optimize(new MaxIter(10_000), new LinearObjectiveFunction(objective, 0),
                    new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(false));
            return p.getValue();
        } catch (MathIllegalStateException e) {
            if (e.getSpecifier() == LocalizedOptimFormats.UNBOUNDED_SOLUTION) {
                return null;
            }
            // the true figures satisfy every identity, so the programme is always feasible
            throw e;
        }
    }
}
