package dk.vendepunkt.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.DisclosurePolicy;
import dk.vendepunkt.reporting.DisclosureProperties;
import dk.vendepunkt.reporting.ReportMark;
import dk.vendepunkt.reporting.SuppressedTable;
import dk.vendepunkt.support.TableAttacker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DisclosureControlTest {

    private static final int T = 5;

    private static SuppressedTable table(long[][] cells) {
        return DisclosureControl.suppress(cells, T, true, true);
    }

    @Test
    void nothingIsSuppressedWhenAllCountsReachTheThreshold() {
        SuppressedTable t = table(new long[][] {{5, 10}, {7, 0}});
        assertThat(t.suppressedCount()).isZero();
        assertThat(t.rowTotal(0)).isEqualTo(15);
        assertThat(t.columnTotal(0)).isEqualTo(12);
        assertThat(t.grandTotal()).isEqualTo(22);
        assertThat(t.cell(1, 1)).isEqualTo(0L);
    }

    @Test
    void zeroIsNotSensitiveButOneToFourAre() {
        SuppressedTable t = DisclosureControl.suppress(new long[][] {{0}, {1}, {4}, {5}, {30}}, T, false, true);
        assertThat(t.suppressed(0, 0)).isFalse();
        assertThat(t.suppressed(1, 0)).isTrue();
        assertThat(t.suppressed(2, 0)).isTrue();
        assertThat(t.suppressed(3, 0)).isFalse();
        assertThat(t.cell(1, 0)).isEqualTo(ReportMark.SUPPRESSED);
    }

    @Test
    void aSingleSmallCellInAColumnWithTotalGetsAComplement() {
        // 3 is primary; the total 48 would give it away, so the smallest other non-zero cell (5) goes too.
        SuppressedTable t = DisclosureControl.suppress(new long[][] {{20}, {3}, {5}, {0}, {20}}, T, false, true);
        assertThat(t.suppressed(1, 0)).isTrue();
        assertThat(t.suppressed(2, 0)).isTrue();
        assertThat(t.suppressed(3, 0)).isFalse();
        assertThat(t.columnTotalSuppressed(0)).isFalse();
        assertThat(t.grandTotalSuppressed()).isFalse();
        assertSafe(t);
    }

    @Test
    void aColumnWhoseOnlyOtherCellsAreZeroLosesItsTotal() {
        // 2 and zeros: any zero complement would still give 2 away (total − 0 − … = 2 when the zero is
        // known to be zero? no: a suppressed zero hides it) — the zero is chosen before the total.
        SuppressedTable t = DisclosureControl.suppress(new long[][] {{2}, {0}}, T, false, true);
        assertThat(t.suppressed(0, 0)).isTrue();
        assertThat(t.columnTotalSuppressed(0)).isTrue(); // 2 is also small as a total
        assertSafe(t);
    }

    @Test
    void secondarySuppressionInTwoDimensionsFormsARectangle() {
        long[][] cells = {
                {20, 3, 15},
                {12, 9, 30},
                {8, 11, 6}};
        SuppressedTable t = table(cells);
        assertThat(t.suppressed(0, 1)).isTrue();               // primary
        assertThat(t.rowTotalSuppressed(0)).isFalse();
        assertThat(t.columnTotalSuppressed(1)).isFalse();
        // row 0 needs a complement (15 < 20), column 1 needs one (9 < 11); column 2 then closes the
        // rectangle with (1,2), which row 1 needs anyway: four cells, not a cascade
        assertThat(t.suppressed(0, 2)).isTrue();
        assertThat(t.suppressed(1, 1)).isTrue();
        assertThat(t.suppressed(1, 2)).isTrue();
        assertThat(t.suppressedCount()).isEqualTo(4);
        assertSafe(t);
        assertNotRecoverable(cells, t);
    }

    @Test
    void smallRowTotalIsItselfSuppressedAndProtected() {
        long[][] cells = {
                {1, 2, 0},
                {10, 20, 30},
                {7, 6, 9}};
        SuppressedTable t = table(cells);
        assertThat(t.rowTotalSuppressed(0)).isTrue();          // 3 is small too
        assertThat(t.suppressed(0, 0)).isTrue();
        assertThat(t.suppressed(0, 1)).isTrue();
        assertThat(t.grandTotalSuppressed()).isFalse();
        assertSafe(t);
        assertNotRecoverable(cells, t);
    }

    @Test
    void manySmallCellsAcrossTheTable() {
        long[][] cells = {
                {1, 9, 12, 4},
                {6, 2, 7, 25},
                {40, 8, 3, 10},
                {5, 5, 5, 1}};
        SuppressedTable t = table(cells);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                if (cells[i][j] > 0 && cells[i][j] < T) {
                    assertThat(t.suppressed(i, j)).as("primary (%d,%d)", i, j).isTrue();
                }
            }
        }
        assertSafe(t);
        assertNotRecoverable(cells, t);
    }

    @Test
    void thresholdIsConfigurable() {
        long[][] cells = {{9, 12}, {15, 20}};
        assertThat(DisclosureControl.suppress(cells, 5, true, true).suppressedCount()).isZero();
        SuppressedTable strict = DisclosureControl.suppress(cells, 10, true, true);
        assertThat(strict.suppressed(0, 0)).isTrue();
        assertSafe(strict);
    }

    @Test
    void unsuppressedGivesEverythingAndTheTotals() {
        SuppressedTable t = SuppressedTable.unsuppressed(new long[][] {{1, 2}, {3, 4}}, true, true);
        assertThat(t.suppressedCount()).isZero();
        assertThat(t.cell(0, 0)).isEqualTo(1L);
        assertThat(t.grandTotalCell()).isEqualTo(10L);
    }

    @Test
    void oneColumnUnderEitherDisclosure() {
        DisclosurePolicy policy = new ThresholdDisclosurePolicy(new DisclosureProperties(5, Set.of("ANALYST")));
        long[] values = {12, 3, 9};
        SuppressedTable pub = policy.column(values, Disclosure.PUBLIC);
        assertThat(pub.cell(1, 0)).isEqualTo(ReportMark.SUPPRESSED);
        assertThat(pub.suppressedCount()).isEqualTo(2); // 3 and a complement, so the total 24 gives nothing away
        assertThat(pub.columnTotalCell(0)).isEqualTo(24L);
        assertSafe(pub);
        SuppressedTable internal = policy.column(values, Disclosure.INTERNAL);
        assertThat(internal.suppressedCount()).isZero();
        assertThat(internal.cell(1, 0)).isEqualTo(3L);
        assertThat(internal.columnTotalCell(0)).isEqualTo(24L);
        assertThat(internal.grandTotalCell()).isEqualTo(24L);
        for (Disclosure d : Disclosure.values()) {
            assertThat(policy.column(new long[0], d).columnTotalCell(0)).as(d.name()).isEqualTo(0L);
        }
    }

    @Test
    void refusesRaggedOrNegativeTables() {
        assertThatThrownBy(() -> table(new long[][] {{1, 2}, {3}})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table(new long[][] {{-1}})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rateSuppressionFollowsTheContract() {
        DisclosurePolicy policy = new ThresholdDisclosurePolicy(new DisclosureProperties(5, Set.of("ANALYST")));
        assertThat(policy.suppressRate(4, 100)).isTrue();   // successes below 5
        assertThat(policy.suppressRate(96, 100)).isTrue();  // failures below 5
        assertThat(policy.suppressRate(5, 10)).isFalse();
        assertThat(policy.suppressRate(0, 0)).isTrue();
        assertThat(policy.suppressCount(0)).isFalse();
        assertThat(policy.suppressCount(4)).isTrue();
    }

    @Test
    void internalFiguresOnlyForTheConfiguredRoles() {
        DisclosurePolicy policy = new ThresholdDisclosurePolicy(new DisclosureProperties(5, Set.of("ANALYST", "PROGRAMME_MANAGER")));
        try {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                    new org.springframework.security.authentication.TestingAuthenticationToken("a", "p", "ROLE_ANALYST"));
            assertThat(policy.resolve("internal")).isEqualTo(Disclosure.INTERNAL);
            assertThat(policy.resolve(null)).isEqualTo(Disclosure.PUBLIC);
            assertThat(policy.apply(new long[][] {{1, 2}}, Disclosure.INTERNAL).suppressedCount()).isZero();
            assertThat(policy.apply(new long[][] {{1, 2}}, Disclosure.PUBLIC).suppressedCount()).isPositive();
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                    new org.springframework.security.authentication.TestingAuthenticationToken("r", "p", "ROLE_READER"));
            assertThat(policy.resolve("public")).isEqualTo(Disclosure.PUBLIC);
            assertThatThrownBy(() -> policy.resolve("internal"))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
            assertThat(policy.resolve(" Public ")).isEqualTo(Disclosure.PUBLIC);
            assertThatThrownBy(() -> policy.resolve("everything")).isInstanceOfSatisfying(dk.vendepunkt.platform.ValidationException.class,
                    e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly("disclosure:report.disclosure.unknown"));
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theAttackerReadsAWithheldCellOffItsRowAndBoundsOthersByNonNegativity() {
        // the effect table's row before: Afsluttede 65 = Egnede 61 + Mangler 0 + Endnu ikke egnede "–"
        TableAttacker a = new TableAttacker(T);
        int ended = a.shown("ended", 65), eligible = a.shown("eligible", 61), missing = a.shown("missing", 0), waiting = a.withheld("notYet");
        a.sum(ended, eligible, missing, waiting);
        assertThat(a.leaks()).containsExactly("notYet ∈ [4, 4]");
        // two withheld cells whose sum is 51, one of them at most 4: the other lies in 47 … 50
        TableAttacker b = new TableAttacker(T);
        int total = b.shown("total", 51), x = b.withheld("x"), y = b.withheld("y"), yTotal = b.shown("y of", 4), yRest = b.unpublished("y rest");
        b.sum(total, x, y);
        b.sum(yTotal, y, yRest);
        assertThat(b.lower(x)).isEqualTo(47);
        assertThat(b.upper(x)).isEqualTo(51);
        assertThat(b.leaks()).isEmpty(); // x ∈ [47, 51] has five values; y ∈ [0, 4] is all its total allows
        // a shown rate gives its numerator away when the denominator is shown
        TableAttacker c = new TableAttacker(T);
        int n = c.withheld("n"), d = c.shown("d", 40);
        c.ratio(n, d, 0.8245, 0.8255);
        assertThat(c.leaks()).containsExactly("n ∈ [33, 33]");
    }

    @Test
    void aWithheldRateIsNotNarrowedByTheOthersAndTheTotal() {
        // 1972: 48 of 50 (2 failures), 1973: 3 of 4, 1974: 51 of 61. Withholding 1972 and 1973 only (the old
        // "smallest other cohort" rule) leaves 1972's successes in 47 … 50, i.e. at most 3 failures.
        long[] successes = {48, 3, 51};
        long[] eligible = {50, 4, 61};
        assertThat(rateAttack(successes, eligible, new boolean[] {true, true, false, false})).isNotEmpty();
        boolean[] withheld = DisclosureControl.suppressRates(successes, eligible, T);
        assertThat(withheld).containsExactly(true, true, true, false);
        assertThat(rateAttack(successes, eligible, withheld)).isEmpty();
        // a rate whose successes and failures reach the threshold everywhere is shown
        assertThat(DisclosureControl.suppressRates(new long[] {10, 20}, new long[] {20, 30}, T)).containsExactly(false, false, false);
        assertThatThrownBy(() -> DisclosureControl.suppressRates(new long[] {5}, new long[] {4}, T)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noBreakdownOfRatesLeaks() {
        Random random = new Random(20261203);
        for (int run = 0; run < 2000; run++) {
            int n = 1 + random.nextInt(5);
            long[] successes = new long[n];
            long[] eligible = new long[n];
            for (int i = 0; i < n; i++) {
                eligible[i] = random.nextInt(random.nextBoolean() ? 12 : 60);
                successes[i] = eligible[i] == 0 ? 0 : random.nextInt((int) eligible[i] + 1);
            }
            boolean[] withheld = DisclosureControl.suppressRates(successes, eligible, T);
            for (int i = 0; i < n; i++) {
                if (DisclosureControl.rateSensitive(successes[i], eligible[i], T)) assertThat(withheld[i]).isTrue();
            }
            assertThat(rateAttack(successes, eligible, withheld))
                    .as("successes %s of %s withheld %s", java.util.Arrays.toString(successes), java.util.Arrays.toString(eligible),
                            java.util.Arrays.toString(withheld))
                    .isEmpty();
        }
    }

    @Test
    void noTableOfCountsLeaksToTheAttacker() {
        Random random = new Random(3122026);
        for (int run = 0; run < 1000; run++) {
            int rows = 1 + random.nextInt(4), cols = 1 + random.nextInt(4);
            long[][] cells = new long[rows][cols];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) cells[i][j] = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 8 : 40);
            }
            SuppressedTable t = table(cells);
            assertThat(attacker(t).exactLeaks()).as(java.util.Arrays.deepToString(cells)).isEmpty();
            SuppressedTable column = DisclosureControl.suppress(cells, T, false, true);
            assertThat(attacker(column).exactLeaks()).as("columns of " + java.util.Arrays.deepToString(cells)).isEmpty();
        }
    }

    /**
     * Identities combined pin what each alone does not (seed 3122026's table): with the row and column of the
     * primary 2 and 1 protected one at a time, two withheld cells were implied to sum to 2, so both lay in 0 … 2.
     * The linear audit withholds more until linear programming over the whole table bounds nothing too tightly.
     */
    @Test
    void identitiesCombinedPinNothingDown() {
        long[][] cells = {{2, 26, 5}, {1, 7, 0}, {0, 5, 1}, {2, 0, 30}};
        SuppressedTable t = table(cells);
        assertThat(attacker(t).exactLeaks()).isEmpty();
        assertSafe(t);
        for (int i = 0; i < cells.length; i++) {
            for (int j = 0; j < cells[i].length; j++) {
                if (cells[i][j] > 0 && cells[i][j] < T) assertThat(t.suppressed(i, j)).as("primary (%d,%d)", i, j).isTrue();
            }
        }
    }

    /**
     * The attacker still catches what the control prevents: a protected table, weakened by showing one of its
     * secondary suppressions (a withheld figure that is not itself sensitive) again, gives a sensitive one away.
     */
    @Test
    void theAttackerCatchesADeliberatelyWeakenedTable() {
        long[][] cells = {{2, 26, 5}, {12, 7, 9}, {8, 15, 1}};
        SuppressedTable t = table(cells);
        assertThat(attack(t)).isEmpty();
        int weakened = 0;
        for (int i = 0; i <= t.rows(); i++) {
            for (int j = 0; j <= t.columns(); j++) {
                long v = t.grid()[i][j];
                if (!t.exists(i, j) || !t.flags()[i][j] || (v > 0 && v < T)) continue;
                SuppressedTable weak = table(cells);
                weak.flags()[i][j] = false;
                assertThat(attack(weak)).as("(%d,%d) shown again", i, j).isNotEmpty();
                weakened++;
            }
        }
        assertThat(weakened).isGreaterThan(1);
    }

    /** The rate attacker: eligible shown per row and in total, successes shown or withheld, failures never shown. */
    private static List<String> rateAttack(long[] successes, long[] eligible, boolean[] withheld) {
        int n = successes.length;
        TableAttacker a = new TableAttacker(T);
        int[] s = new int[n + 1], f = new int[n + 1], g = new int[n + 1];
        long ts = 0, tg = 0;
        for (int i = 0; i <= n; i++) {
            long si = i < n ? successes[i] : ts, gi = i < n ? eligible[i] : tg;
            if (i < n) {
                ts += si;
                tg += gi;
            }
            String row = i < n ? "row " + i : "total";
            s[i] = a.cell(row + " successes", withheld[i] ? null : si);
            f[i] = a.unpublished(row + " failures");
            g[i] = a.shown(row + " eligible", gi);
            a.sum(g[i], s[i], f[i]);
        }
        a.sum(s[n], java.util.Arrays.copyOf(s, n));
        a.sum(f[n], java.util.Arrays.copyOf(f, n));
        a.sum(g[n], java.util.Arrays.copyOf(g, n));
        return a.leaks();
    }

    /** What the attacker learns by interval reasoning (see {@link #attacker}). */
    static List<String> attack(SuppressedTable t) {
        return attacker(t).leaks();
    }

    /** The attacker on a suppressed table: every shown figure, every "–", and the row, column and total identities. */
    static TableAttacker attacker(SuppressedTable t) {
        int rows = t.rows(), cols = t.columns();
        TableAttacker a = new TableAttacker(T);
        int[][] id = new int[rows + 1][cols + 1];
        for (int i = 0; i <= rows; i++) {
            for (int j = 0; j <= cols; j++) {
                boolean published = t.exists(i, j);
                String name = "(" + i + "," + j + ")";
                id[i][j] = published ? a.cell(name, t.flags()[i][j] ? null : t.grid()[i][j]) : a.unpublished(name);
            }
        }
        for (int i = 0; i <= rows; i++) {
            int[] parts = new int[cols];
            for (int j = 0; j < cols; j++) parts[j] = id[i][j];
            a.sum(id[i][cols], parts);
        }
        for (int j = 0; j <= cols; j++) {
            int[] parts = new int[rows];
            for (int i = 0; i < rows; i++) parts[i] = id[i][j];
            a.sum(id[rows][j], parts);
        }
        return a;
    }

    /** Every additive relation has zero or at least two withheld members, and the attacker recovers nothing. */
    private static void assertSafe(SuppressedTable t) {
        assertThat(attack(t)).isEmpty();
        int rows = t.rows();
        int cols = t.columns();
        boolean[][] s = t.flags();
        List<List<int[]>> relations = new ArrayList<>();
        if (t.hasRowTotals()) {
            for (int i = 0; i < rows; i++) {
                List<int[]> r = new ArrayList<>();
                for (int j = 0; j <= cols; j++) r.add(new int[] {i, j});
                relations.add(r);
            }
        }
        if (t.hasColumnTotals()) {
            for (int j = 0; j < cols; j++) {
                List<int[]> r = new ArrayList<>();
                for (int i = 0; i <= rows; i++) r.add(new int[] {i, j});
                relations.add(r);
            }
        }
        for (List<int[]> r : relations) {
            long n = r.stream().filter(e -> s[e[0]][e[1]]).count();
            assertThat(n).as("withheld members of a relation").isNotEqualTo(1);
        }
    }

    /**
     * An attacker who knows the published figures and that counts are non-negative integers enumerates
     * every assignment of the withheld inner cells consistent with the published totals: each withheld
     * inner cell must be possible with at least two values.
     */
    private static void assertNotRecoverable(long[][] cells, SuppressedTable t) {
        List<int[]> hidden = new ArrayList<>();
        for (int i = 0; i < t.rows(); i++) {
            for (int j = 0; j < t.columns(); j++) {
                if (t.suppressed(i, j)) hidden.add(new int[] {i, j});
            }
        }
        List<Set<Long>> seen = new ArrayList<>();
        for (int k = 0; k < hidden.size(); k++) seen.add(new HashSet<>());
        long bound = t.grandTotalSuppressed() ? t.grandTotal() * 2 : t.grandTotal();
        long[][] guess = new long[t.rows()][];
        for (int i = 0; i < t.rows(); i++) guess[i] = cells[i].clone();
        enumerate(0, hidden, guess, t, bound, seen);
        for (int k = 0; k < hidden.size(); k++) {
            assertThat(seen.get(k)).as("possible values of withheld cell (%d,%d)", hidden.get(k)[0], hidden.get(k)[1])
                    .contains(cells[hidden.get(k)[0]][hidden.get(k)[1]])
                    .hasSizeGreaterThan(1);
        }
    }

    private static void enumerate(int k, List<int[]> hidden, long[][] guess, SuppressedTable t, long bound, List<Set<Long>> seen) {
        if (k == hidden.size()) {
            if (consistent(guess, t)) {
                for (int m = 0; m < hidden.size(); m++) seen.get(m).add(guess[hidden.get(m)[0]][hidden.get(m)[1]]);
            }
            return;
        }
        int[] e = hidden.get(k);
        boolean lastInRow = k + 1 == hidden.size() || hidden.get(k + 1)[0] != e[0];
        if (lastInRow && !t.rowTotalSuppressed(e[0])) {
            // the row total fixes the row's last withheld cell
            long rest = t.rowTotal(e[0]);
            for (int j = 0; j < t.columns(); j++) if (j != e[1]) rest -= guess[e[0]][j];
            if (rest >= 0) {
                guess[e[0]][e[1]] = rest;
                enumerate(k + 1, hidden, guess, t, bound, seen);
            }
            return;
        }
        long max = bound;
        if (!t.rowTotalSuppressed(e[0])) max = Math.min(max, t.rowTotal(e[0]));
        if (!t.columnTotalSuppressed(e[1])) max = Math.min(max, t.columnTotal(e[1]));
        for (long v = 0; v <= max; v++) {
            guess[e[0]][e[1]] = v;
            enumerate(k + 1, hidden, guess, t, bound, seen);
        }
    }

    private static boolean consistent(long[][] g, SuppressedTable t) {
        long grand = 0;
        for (int i = 0; i < t.rows(); i++) {
            long sum = 0;
            for (int j = 0; j < t.columns(); j++) sum += g[i][j];
            if (!t.rowTotalSuppressed(i) && sum != t.rowTotal(i)) return false;
            grand += sum;
        }
        for (int j = 0; j < t.columns(); j++) {
            long sum = 0;
            for (int i = 0; i < t.rows(); i++) sum += g[i][j];
            if (!t.columnTotalSuppressed(j) && sum != t.columnTotal(j)) return false;
        }
        return t.grandTotalSuppressed() || grand == t.grandTotal();
    }
}
