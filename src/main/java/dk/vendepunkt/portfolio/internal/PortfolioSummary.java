package dk.vendepunkt.portfolio.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The contract's {@code GET /api/v1/portfolio/summary?year=}: per department and per focus area the
 * number of initiatives with any budget row in the year (each counted once) and the exact sum of their
 * amounts. Departments and focus areas without rows in the year are left out; initiatives without a
 * focus area are listed under {@code focusArea: null}.
 */
public record PortfolioSummary(int year, List<DepartmentLine> byDepartment, List<FocusAreaLine> byFocusArea, Total total) {

    public record DepartmentLine(String department, int initiatives, BigDecimal amountDkk) {}

    public record FocusAreaLine(Integer focusArea, int initiatives, BigDecimal amountDkk) {}

    public record Total(int initiatives, BigDecimal amountDkk) {}

    /** One budget line with its initiative's department and focus area. */
    record Row(String initiativeRef, String department, Integer focusArea, int year, BigDecimal amountDkk) {}

    /** Pure computation, shared by the API and the tests of the demo data against the seed's totals. */
    static PortfolioSummary of(int year, Collection<Row> rows) {
        Map<String, Acc> byDept = new TreeMap<>();
        Map<Integer, Acc> byArea = new TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        Acc total = new Acc();
        for (Row r : rows) {
            if (r.year() != year) continue;
            byDept.computeIfAbsent(r.department(), k -> new Acc()).add(r);
            byArea.computeIfAbsent(r.focusArea(), k -> new Acc()).add(r);
            total.add(r);
        }
        List<DepartmentLine> d = new ArrayList<>();
        byDept.forEach((k, a) -> d.add(new DepartmentLine(k, a.refs.size(), plain(a.sum))));
        List<FocusAreaLine> f = new ArrayList<>();
        byArea.forEach((k, a) -> f.add(new FocusAreaLine(k, a.refs.size(), plain(a.sum))));
        return new PortfolioSummary(year, d, f, new Total(total.refs.size(), plain(total.sum)));
    }

    /** Exact, without trailing zeros and without exponent: 61219000, 1250.5. */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static final class Acc {
        final Set<String> refs = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;

        void add(Row r) {
            refs.add(r.initiativeRef());
            sum = sum.add(r.amountDkk());
        }
    }
}
