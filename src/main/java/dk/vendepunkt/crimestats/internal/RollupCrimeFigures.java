package dk.vendepunkt.crimestats.internal;

import dk.vendepunkt.areas.Area;
import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.areas.AreaLevel;
import dk.vendepunkt.crimestats.CrimeFigures;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.ValidationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Crime figures from the rollups (never from the raw rows): the key figures of the contract, counts
 * per district and per 1 km cell for hotspots, charges by age, and the {@link CrimeFigures} other
 * modules read.
 */
@Service
public class RollupCrimeFigures implements CrimeFigures {

    /** The pseudo-district of reports without coordinates or outside every district. */
    public static final String UNKNOWN = "UNKNOWN";
    public static final int TOP_CELLS = 25;

    private final JdbcClient jdbc;
    private final AreaDirectory areas;
    private final Set<OffenceCategory> citizenDirected;

    RollupCrimeFigures(JdbcClient jdbc, AreaDirectory areas,
                 @Value("${vendepunkt.crime.citizen-directed:VIOLENCE,ROBBERY,BURGLARY,THREATS,VANDALISM}") List<OffenceCategory> citizenDirected) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.citizenDirected = Collections.unmodifiableSet(citizenDirected.isEmpty() ? EnumSet.noneOf(OffenceCategory.class) : EnumSet.copyOf(citizenDirected));
    }

    /** The configured citizen-directed (borgerrettede) categories; default VIOLENCE, ROBBERY, BURGLARY, THREATS, VANDALISM. */
    public Set<OffenceCategory> citizenDirected() {
        return citizenDirected;
    }

    /** The same dates one year earlier; 29 February becomes 28 February. */
    public static LocalDate previousYear(LocalDate d) {
        return d.minusYears(1);
    }

    /** The contract's key figures for [from, to] (both days included). */
    @Transactional(readOnly = true)
    public KeyFigures keyFigures(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        LocalDate pFrom = previousYear(from);
        LocalDate pTo = previousYear(to);
        Map<String, long[]> cur = categoryDistrict(from, to, Set.of());
        Map<String, long[]> prev = categoryDistrict(pFrom, pTo, Set.of());

        List<KeyFigures.CategoryCount> byCategory = new ArrayList<>();
        for (OffenceCategory c : OffenceCategory.values()) {
            long n = sumCategory(cur, c);
            long p = sumCategory(prev, c);
            byCategory.add(new KeyFigures.CategoryCount(c.name(), n, p, KeyFigures.changePct(n, p)));
        }

        List<KeyFigures.AreaCount> byArea = new ArrayList<>();
        for (Area b : areas.bydele()) {
            long bn = 0;
            long bp = 0;
            List<KeyFigures.AreaCount> ds = new ArrayList<>();
            for (Area d : areas.districtsOf(b.code())) {
                long n = sumDistrict(cur, d.code());
                long p = sumDistrict(prev, d.code());
                bn += n;
                bp += p;
                ds.add(new KeyFigures.AreaCount(d.code(), AreaLevel.DISTRICT.name(), n, p));
            }
            byArea.add(new KeyFigures.AreaCount(b.code(), AreaLevel.BYDEL.name(), bn, bp));
            byArea.addAll(ds);
        }
        byArea.add(new KeyFigures.AreaCount(UNKNOWN, AreaLevel.DISTRICT.name(), sumDistrict(cur, UNKNOWN), sumDistrict(prev, UNKNOWN)));

        List<KeyFigures.CellCount> top = topCells(from, to, Set.of(), TOP_CELLS);

        long[][] charges = chargesByAgeAndCategory(from, to);
        List<KeyFigures.AgeGroupCount> byGroup = new ArrayList<>();
        for (AgeGroup g : AgeGroup.values()) {
            long n = 0;
            for (int age = g.minAge; age <= g.maxAge; age++) for (long v : charges[age]) n += v;
            byGroup.add(new KeyFigures.AgeGroupCount(g.name(), n));
        }
        List<KeyFigures.ChargeCategoryCount> under18 = new ArrayList<>();
        for (OffenceCategory c : OffenceCategory.values()) {
            long n = 0;
            for (int age = 0; age < 18; age++) n += charges[age][c.ordinal()];
            under18.add(new KeyFigures.ChargeCategoryCount(c.name(), n));
        }
        return new KeyFigures(from, to, pFrom, pTo, byCategory, byArea, top, byGroup, under18);
    }

    /** Category names (case-insensitive, comma separated or repeated); the fallback when none are given. */
    public static Set<OffenceCategory> parseCategories(List<String> names, Set<OffenceCategory> fallback) {
        EnumSet<OffenceCategory> out = EnumSet.noneOf(OffenceCategory.class);
        if (names != null) {
            for (String n : names) {
                for (String part : n.split(",")) {
                    if (part.isBlank()) continue;
                    OffenceCategory category = Enums.parseIgnoringCase(OffenceCategory.class, part);
                    if (category == null) throw ValidationException.of("categories", "crime.category.unknown", part.trim());
                    out.add(category);
                }
            }
        }
        return out.isEmpty() ? fallback : out;
    }

    static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null) throw ValidationException.of("from", "crime.period.missing");
        if (to == null) throw ValidationException.of("to", "crime.period.missing");
        if (to.isBefore(from)) throw ValidationException.of("to", "crime.period.order");
    }

    private static long sumCategory(Map<String, long[]> m, OffenceCategory c) {
        long[] all = m.get(ALL);
        if (all != null) return all[c.ordinal()];
        long n = 0;
        for (long[] v : m.values()) n += v[c.ordinal()];
        return n;
    }

    private static long sumDistrict(Map<String, long[]> m, String district) {
        long[] v = m.get(district);
        long n = 0;
        if (v != null) for (long x : v) n += x;
        return n;
    }

    /** Raw reports as a daily source with n = 1 (only for the days around whole months, through the BRIN index on day). */
    private static final String RAW = "(select day, category, district, cell, 1 as n from cs_report)";

    /**
     * Reports in [from, to] per district (incl. UNKNOWN), per category (by ordinal). Unfiltered, the
     * result has the categories under the key {@link #ALL} and the districts with their total in slot 0;
     * filtered by categories, per district and category (whole months from the monthly rollup, the other
     * days from the raw rows).
     */
    Map<String, long[]> categoryDistrict(LocalDate from, LocalDate to, Set<OffenceCategory> only) {
        PeriodSplit split = PeriodSplit.of(from, to);
        Map<String, long[]> out = new HashMap<>();
        if (only.isEmpty()) {
            long[] cats = new long[OffenceCategory.values().length];
            PeriodSplit.Query q = split.sum("cs_report_cat_district_month", "(select day, category, 'ALL' as district, n from cs_report_cat_day)",
                    "category, district", "", List.of());
            // months: category × district; the days around them: per category and per district separately
            jdbc.sql(q.sql()).params(q.params()).query(rs -> {
                cats[OffenceCategory.valueOf(rs.getString("category")).ordinal()] += rs.getLong("n");
                String d = rs.getString("district");
                if (!d.equals("ALL")) out.computeIfAbsent(d, k -> new long[1])[0] += rs.getLong("n");
            });
            PeriodSplit.Query days = split.sum("(select null::date as month, null::text as district, 0 as n where false)", "cs_report_district_day",
                    "district", "", List.of());
            jdbc.sql(days.sql()).params(days.params()).query(rs -> {
                out.computeIfAbsent(rs.getString("district"), k -> new long[1])[0] += rs.getLong("n");
            });
            out.put(ALL, cats);
            return out;
        }
        PeriodSplit.Query q = split.sum("cs_report_cat_district_month", RAW, "category, district", categoryFilter(only), categoryParams(only));
        jdbc.sql(q.sql()).params(q.params()).query(rs -> {
            out.computeIfAbsent(rs.getString("district"), k -> new long[OffenceCategory.values().length])
                    [OffenceCategory.valueOf(rs.getString("category")).ordinal()] += rs.getLong("n");
        });
        return out;
    }

    /** The key of the per-category counts in an unfiltered {@link #categoryDistrict} result. */
    static final String ALL = " all";

    private static String categoryFilter(Set<OffenceCategory> only) {
        return only.isEmpty() ? "" : "category = any(?)";
    }

    private static List<Object> categoryParams(Set<OffenceCategory> only) {
        return only.isEmpty() ? List.of() : List.of((Object) only.stream().map(Enum::name).toArray(String[]::new));
    }

    /** Reports with coordinates in [from, to] per 1 km cell (only cells with reports); optionally only some categories. */
    public Map<String, Long> reportsByCell(LocalDate from, LocalDate to, Set<OffenceCategory> only) {
        checkPeriod(from, to);
        PeriodSplit.Query q = cellQuery(from, to, only);
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql(q.sql()).params(q.params()).query(rs -> {
            out.put(rs.getString("cell"), rs.getLong("n"));
        });
        return out;
    }

    private static PeriodSplit.Query cellQuery(LocalDate from, LocalDate to, Set<OffenceCategory> only) {
        PeriodSplit split = PeriodSplit.of(from, to);
        if (only.isEmpty()) return split.sum("cs_report_cat_cell_month", "cs_report_cell_day", "cell", "", List.of());
        return split.sum("cs_report_cat_cell_month", "(select day, category, cell, 1 as n from cs_report where cell is not null)", "cell",
                categoryFilter(only), categoryParams(only));
    }

    /** The cells with most reports, ties by id ascending (byte order). */
    List<KeyFigures.CellCount> topCells(LocalDate from, LocalDate to, Set<OffenceCategory> only, int limit) {
        PeriodSplit.Query q = cellQuery(from, to, only);
        List<Object> params = new ArrayList<>(q.params());
        params.add(limit);
        return jdbc.sql("select cell, n from (" + q.sql() + ") c order by n desc, cell collate \"C\" limit ?")
                .params(params).query((rs, i) -> new KeyFigures.CellCount(rs.getString(1), rs.getLong(2), place(rs.getString(1)))).list();
    }

    /** Reports in [from, to] per district code (every district, 0 when none; UNKNOWN included when non-zero), optionally only some categories. */
    public Map<String, Long> reportsByDistrict(LocalDate from, LocalDate to, Set<OffenceCategory> only) {
        checkPeriod(from, to);
        Map<String, long[]> m = categoryDistrict(from, to, only);
        Map<String, Long> out = new LinkedHashMap<>();
        for (Area d : areas.districts()) out.put(d.code(), sumDistrict(m, d.code()));
        long unknown = sumDistrict(m, UNKNOWN);
        if (unknown > 0) out.put(UNKNOWN, unknown);
        return out;
    }

    @Override
    public Map<String, Long> citizenDirectedReportsByDistrict(int year) {
        Map<String, Long> m = reportsByDistrict(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), citizenDirected);
        m.remove(UNKNOWN);
        return m;
    }

    @Override
    public long charges(LocalDate from, LocalDate to, int minAge, int maxAge) {
        checkPeriod(from, to);
        long[][] c = chargesByAgeAndCategory(from, to);
        long n = 0;
        for (int age = Math.max(0, minAge); age <= Math.min(120, maxAge); age++) for (long v : c[age]) n += v;
        return n;
    }

    /** [age 0..120][category ordinal] */
    long[][] chargesByAgeAndCategory(LocalDate from, LocalDate to) {
        PeriodSplit.Query q = PeriodSplit.of(from, to).sum("cs_charge", "age, category", "", List.of());
        long[][] out = new long[121][OffenceCategory.values().length];
        jdbc.sql(q.sql()).params(q.params()).query(rs -> {
            out[rs.getInt("age")][OffenceCategory.valueOf(rs.getString("category")).ordinal()] += rs.getLong("n");
        });
        return out;
    }

    /** Gi* hotspots of the reports of the given categories (all when empty) in [from, to]. */
    @Transactional(readOnly = true)
    public Hotspots hotspots(LocalDate from, LocalDate to, Set<OffenceCategory> categories) {
        Map<String, Long> counts = reportsByCell(from, to, categories);
        java.util.Collection<String> study = areas.cells1km();
        if (study.isEmpty()) study = boundingBox(counts.keySet());
        List<GiStar.Result> results = new ArrayList<>(GiStar.compute(study, counts));
        results.sort(java.util.Comparator.comparing((GiStar.Result r) -> r.z() == null ? Double.NEGATIVE_INFINITY : r.z()).reversed()
                .thenComparing(GiStar.Result::cell));
        double sum = 0;
        double sq = 0;
        for (GiStar.Result r : results) {
            sum += r.count();
            sq += (double) r.count() * r.count();
        }
        int n = results.size();
        double mean = n == 0 ? 0 : sum / n;
        double sd = n == 0 ? 0 : Math.sqrt(Math.max(0, sq / n - mean * mean));
        List<String> cats = (categories.isEmpty() ? EnumSet.allOf(OffenceCategory.class) : EnumSet.copyOf(categories)).stream().map(Enum::name).toList();
        return new Hotspots(from, to, cats, n, mean, sd,
                results.stream().map(r -> new Hotspots.Cell(r.cell(), r.count(), r.z(), r.p(), r.bin(), place(r.cell()))).toList());
    }

    /** The district and bydel of a 1 km cell's centre; null when the centre is in no district. */
    KeyFigures.Place place(String cellId) {
        var centre = dk.vendepunkt.areas.Kvadratnet.parse(cellId).centre();
        return areas.districtAt(centre.lat(), centre.lon()).map(d -> {
            Area bydel = d.parentCode() == null ? null : areas.byCode(d.parentCode()).orElse(null);
            return new KeyFigures.Place(d.code(), d.name(), bydel == null ? null : bydel.code(), bydel == null ? null : bydel.name());
        }).orElse(null);
    }

    private static java.util.Collection<String> boundingBox(java.util.Collection<String> cells) {
        if (cells.isEmpty()) return List.of();
        long n0 = Long.MAX_VALUE, n1 = Long.MIN_VALUE, e0 = Long.MAX_VALUE, e1 = Long.MIN_VALUE;
        for (String id : cells) {
            var c = dk.vendepunkt.areas.Kvadratnet.parse(id);
            n0 = Math.min(n0, c.northKm());
            n1 = Math.max(n1, c.northKm());
            e0 = Math.min(e0, c.eastKm());
            e1 = Math.max(e1, c.eastKm());
        }
        if ((n1 - n0 + 1) * (e1 - e0 + 1) > 250_000) return cells;
        List<String> out = new ArrayList<>();
        for (long n = n0; n <= n1; n++) for (long e = e0; e <= e1; e++) out.add(dk.vendepunkt.areas.Kvadratnet.cellId(n, e));
        return out;
    }

    /** Reports per category in [from, to] (all districts). */
    public Map<OffenceCategory, Long> reportsByCategory(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        Map<String, long[]> m = categoryDistrict(from, to, Set.of());
        Map<OffenceCategory, Long> out = new EnumMap<>(OffenceCategory.class);
        for (OffenceCategory c : OffenceCategory.values()) out.put(c, sumCategory(m, c));
        return out;
    }
}
