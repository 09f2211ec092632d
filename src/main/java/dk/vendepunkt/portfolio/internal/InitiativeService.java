package dk.vendepunkt.portfolio.internal;

import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's structure and portfolio: vision, focus areas, initiatives with budget lines and
 * success criteria, and the figures over them (summary, budget table, funding picture).
 * ANALYST changes; ANALYST and PROGRAMME_MANAGER read. READER reads only published reports.
 */
@Service
@PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
public class InitiativeService {

    public static final String ANALYST = "hasRole('ANALYST')";

    private final JdbcClient jdbc;

    InitiativeService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ records

    public record Programme(String name, String vision, int version) {}

    public record FocusArea(int number, String name, String description, int version) {}

    public record Initiative(long id, String ref, String name, String department, Integer focusArea, Funding funding,
                             boolean age10to15, boolean age15to18, boolean age18to25, Integer citizens, String geography,
                             BigDecimal ftes, String methods, String description, String note, int version) {
        public String departmentLabel() {
            return Departments.label(department);
        }
    }

    /** What a form or API call sends; {@code version} only for updates. */
    public record InitiativeChange(String ref, String name, String department, Integer focusArea, Funding funding,
                                   Boolean age10to15, Boolean age15to18, Boolean age18to25, Integer citizens, String geography,
                                   BigDecimal ftes, String methods, String description, String note, Integer version) {}

    public record BudgetLine(long id, long initiativeId, int year, BudgetType budgetType, BigDecimal amountDkk, String note) {}

    public record NewBudgetLine(Integer year, BudgetType budgetType, BigDecimal amountDkk, String note) {}

    public record SuccessCriterion(long id, long initiativeId, int position, String criterion, String target, String measurementSource) {}

    public record NewSuccessCriterion(String criterion, String target, String measurementSource) {}

    public record InitiativeDetails(Initiative initiative, List<BudgetLine> budget, List<SuccessCriterion> successCriteria) {}

    public record ListItem(Initiative initiative, BigDecimal amountDkk) {}

    public record Page(List<ListItem> items, long total, int page, int size, BigDecimal amountDkk) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public record Filter(String department, Integer focusArea, Integer year, Funding funding, String q, String sort) {}

    // ------------------------------------------------------------------ programme, focus areas

    public Programme programme() {
        return jdbc.sql("select name, vision, version from pf_programme where id = 1")
                .query((rs, i) -> new Programme(rs.getString(1), rs.getString(2), rs.getInt(3))).single();
    }

    @Transactional
    @PreAuthorize(ANALYST)
    public void updateVision(String vision, int version) {
        if (vision == null || vision.isBlank()) throw ValidationException.of("vision", "portfolio.error.required");
        int n = jdbc.sql("update pf_programme set vision = ?, version = version + 1 where id = 1 and version = ?")
                .params(vision.trim(), version).update();
        if (n == 0) throw ConflictException.stale();
    }

    public List<FocusArea> focusAreas() {
        return jdbc.sql("select number, name, description, version from pf_focus_area order by number")
                .query((rs, i) -> new FocusArea(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
    }

    @Transactional
    @PreAuthorize(ANALYST)
    public void updateFocusArea(int number, String name, String description, int version) {
        if (name == null || name.isBlank()) throw ValidationException.of("name", "portfolio.error.required");
        int n = jdbc.sql("update pf_focus_area set name = ?, description = ?, version = version + 1 where number = ? and version = ?")
                .params(name.trim(), blankToNull(description), number, version).update();
        if (n == 0) throw ConflictException.stale();
    }

    // ------------------------------------------------------------------ initiatives

    private static final String COLS = "id, ref, name, department, focus_area, funding, age_10_15, age_15_18, age_18_25, citizens, geography, ftes, methods, description, note, version";

    static Initiative initiative(ResultSet rs, int i) throws SQLException {
        String f = rs.getString("funding");
        return new Initiative(rs.getLong("id"), rs.getString("ref"), rs.getString("name"), rs.getString("department"),
                (Integer) rs.getObject("focus_area"), f == null ? null : Funding.valueOf(f), rs.getBoolean("age_10_15"),
                rs.getBoolean("age_15_18"), rs.getBoolean("age_18_25"), (Integer) rs.getObject("citizens"), rs.getString("geography"),
                rs.getBigDecimal("ftes"), rs.getString("methods"), rs.getString("description"), rs.getString("note"), rs.getInt("version"));
    }

    public Initiative get(long id) {
        return jdbc.sql("select " + COLS + " from pf_initiative where id = ?").param(id).query(InitiativeService::initiative)
                .optional().orElseThrow(() -> new NotFoundException("portfolio.initiative.notFound", id));
    }

    public InitiativeDetails details(long id) {
        return new InitiativeDetails(get(id), budgetLines(id), successCriteria(id));
    }

    public List<Initiative> all() {
        return jdbc.sql("select " + COLS + " from pf_initiative order by department, name").query(InitiativeService::initiative).list();
    }

    public Page list(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (f.department() != null && !f.department().isBlank()) { where.append(" and i.department = ?"); params.add(f.department()); }
        if (f.focusArea() != null) {
            if (f.focusArea() == 0) where.append(" and i.focus_area is null");
            else { where.append(" and i.focus_area = ?"); params.add(f.focusArea()); }
        }
        if (f.funding() != null) { where.append(" and i.funding = ?"); params.add(f.funding().name()); }
        if (f.q() != null && !f.q().isBlank()) {
            where.append(" and lower(i.name || ' ' || i.ref) like ?");
            params.add("%" + f.q().trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String amount = f.year() == null
                ? "(select coalesce(sum(b.amount_dkk), 0) from pf_budget_line b where b.initiative_id = i.id)"
                : "(select coalesce(sum(b.amount_dkk), 0) from pf_budget_line b where b.initiative_id = i.id and b.year = " + f.year() + ")";
        if (f.year() != null) where.append(" and exists (select 1 from pf_budget_line b where b.initiative_id = i.id and b.year = ").append(f.year()).append(")");
        String order = switch (f.sort() == null ? "" : f.sort()) {
            case "amount" -> "amount desc, i.name";
            case "name" -> "i.name, i.id";
            case "focusArea" -> "i.focus_area nulls last, i.name";
            default -> "i.department, i.name, i.id";
        };
        long total = jdbc.sql("select count(*) from pf_initiative i" + where).params(params).query(Long.class).single();
        BigDecimal sum = jdbc.sql("select coalesce(sum(" + amount + "), 0) from pf_initiative i" + where).params(params).query(BigDecimal.class).single();
        List<Object> p2 = new ArrayList<>(params);
        p2.add(size);
        p2.add((long) page * size);
        List<ListItem> items = jdbc.sql("select i.*, " + amount + " as amount from pf_initiative i" + where + " order by " + order + " limit ? offset ?")
                .params(p2).query((rs, n) -> new ListItem(initiative(rs, n), PortfolioSummary.plain(rs.getBigDecimal("amount")))).list();
        return new Page(items, total, page, size, PortfolioSummary.plain(sum));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static List<FieldProblem> validate(InitiativeChange c) {
        List<FieldProblem> p = new ArrayList<>();
        if (c.ref() == null || c.ref().isBlank()) p.add(new FieldProblem("ref", "portfolio.error.required", new Object[0]));
        else if (!c.ref().trim().matches("[A-Za-z0-9ÆØÅæøå._+-]{1,80}")) p.add(new FieldProblem("ref", "portfolio.error.ref", new Object[0]));
        if (c.name() == null || c.name().isBlank()) p.add(new FieldProblem("name", "portfolio.error.required", new Object[0]));
        else if (c.name().length() > 300) p.add(new FieldProblem("name", "portfolio.error.tooLong", new Object[]{300}));
        if (!Departments.valid(c.department())) p.add(new FieldProblem("department", "portfolio.error.department", new Object[0]));
        if (c.focusArea() != null && (c.focusArea() < 1 || c.focusArea() > 6)) p.add(new FieldProblem("focusArea", "portfolio.error.focusArea", new Object[0]));
        if (c.citizens() != null && c.citizens() < 0) p.add(new FieldProblem("citizens", "portfolio.error.negative", new Object[0]));
        if (c.ftes() != null && (c.ftes().signum() < 0 || c.ftes().compareTo(new BigDecimal("999999")) > 0)) p.add(new FieldProblem("ftes", "portfolio.error.negative", new Object[0]));
        return p;
    }

    @Transactional
    @PreAuthorize(ANALYST)
    public long create(InitiativeChange c) {
        List<FieldProblem> p = validate(c);
        if (p.isEmpty() && jdbc.sql("select count(*) from pf_initiative where ref = ?").param(c.ref().trim()).query(Long.class).single() > 0) {
            p.add(new FieldProblem("ref", "portfolio.error.refTaken", new Object[]{c.ref().trim()}));
        }
        if (!p.isEmpty()) throw new ValidationException(p);
        return jdbc.sql("""
                insert into pf_initiative (ref, name, department, focus_area, funding, age_10_15, age_15_18, age_18_25, citizens,
                  geography, ftes, methods, description, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(c.ref().trim(), c.name().trim(), c.department(), c.focusArea(), c.funding() == null ? null : c.funding().name(),
                        Boolean.TRUE.equals(c.age10to15()), Boolean.TRUE.equals(c.age15to18()), Boolean.TRUE.equals(c.age18to25()),
                        c.citizens(), blankToNull(c.geography()), c.ftes(), blankToNull(c.methods()), blankToNull(c.description()), blankToNull(c.note()))
                .query(Long.class).single();
    }

    @Transactional
    @PreAuthorize(ANALYST)
    public void update(long id, InitiativeChange c) {
        get(id);
        List<FieldProblem> p = validate(c);
        if (c.version() == null) p.add(new FieldProblem("version", "portfolio.error.version", new Object[0]));
        if (p.isEmpty() && jdbc.sql("select count(*) from pf_initiative where ref = ? and id <> ?").params(c.ref().trim(), id).query(Long.class).single() > 0) {
            p.add(new FieldProblem("ref", "portfolio.error.refTaken", new Object[]{c.ref().trim()}));
        }
        if (!p.isEmpty()) throw new ValidationException(p);
        int n = jdbc.sql("""
                update pf_initiative set ref = ?, name = ?, department = ?, focus_area = ?, funding = ?, age_10_15 = ?, age_15_18 = ?,
                  age_18_25 = ?, citizens = ?, geography = ?, ftes = ?, methods = ?, description = ?, note = ?, version = version + 1
                where id = ? and version = ?""")
                .params(c.ref().trim(), c.name().trim(), c.department(), c.focusArea(), c.funding() == null ? null : c.funding().name(),
                        Boolean.TRUE.equals(c.age10to15()), Boolean.TRUE.equals(c.age15to18()), Boolean.TRUE.equals(c.age18to25()),
                        c.citizens(), blankToNull(c.geography()), c.ftes(), blankToNull(c.methods()), blankToNull(c.description()),
                        blankToNull(c.note()), id, c.version())
                .update();
        if (n == 0) throw ConflictException.stale();
    }

    @Transactional
    @PreAuthorize(ANALYST)
    public void delete(long id) {
        if (jdbc.sql("delete from pf_initiative where id = ?").param(id).update() == 0) {
            throw new NotFoundException("portfolio.initiative.notFound", id);
        }
    }

    // ------------------------------------------------------------------ budget lines, success criteria

    public List<BudgetLine> budgetLines(long initiativeId) {
        return jdbc.sql("select id, initiative_id, year, budget_type, amount_dkk, note from pf_budget_line where initiative_id = ? order by year, budget_type")
                .param(initiativeId)
                .query((rs, i) -> new BudgetLine(rs.getLong(1), rs.getLong(2), rs.getInt(3), BudgetType.valueOf(rs.getString(4)),
                        PortfolioSummary.plain(rs.getBigDecimal(5)), rs.getString(6))).list();
    }

    /** Adds a line, or replaces the amount of the initiative's line of that year and type. */
    @Transactional
    @PreAuthorize(ANALYST)
    public void putBudgetLine(long initiativeId, NewBudgetLine b) {
        get(initiativeId);
        List<FieldProblem> p = new ArrayList<>();
        if (b.year() == null || b.year() < 1990 || b.year() > 2100) p.add(new FieldProblem("year", "portfolio.error.year", new Object[0]));
        if (b.budgetType() == null) p.add(new FieldProblem("budgetType", "portfolio.error.required", new Object[0]));
        if (b.amountDkk() == null) p.add(new FieldProblem("amountDkk", "portfolio.error.amount", new Object[0]));
        if (!p.isEmpty()) throw new ValidationException(p);
        jdbc.sql("""
                insert into pf_budget_line (initiative_id, year, budget_type, amount_dkk, note) values (?, ?, ?, ?, ?)
                on conflict (initiative_id, year, budget_type) do update set amount_dkk = excluded.amount_dkk, note = excluded.note,
                  version = pf_budget_line.version + 1""")
                .params(initiativeId, b.year(), b.budgetType().name(), b.amountDkk(), blankToNull(b.note())).update();
    }

    @Transactional
    @PreAuthorize(ANALYST)
    public void deleteBudgetLine(long initiativeId, long lineId) {
        if (jdbc.sql("delete from pf_budget_line where id = ? and initiative_id = ?").params(lineId, initiativeId).update() == 0) {
            throw new NotFoundException("portfolio.budgetLine.notFound", lineId);
        }
    }

    public List<SuccessCriterion> successCriteria(long initiativeId) {
        return jdbc.sql("select id, initiative_id, position, criterion, target, measurement_source from pf_success_criterion where initiative_id = ? order by position, id")
                .param(initiativeId)
                .query((rs, i) -> new SuccessCriterion(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6))).list();
    }

    @Transactional
    @PreAuthorize(ANALYST)
    public long addSuccessCriterion(long initiativeId, NewSuccessCriterion c) {
        get(initiativeId);
        List<FieldProblem> p = new ArrayList<>();
        if (c.criterion() == null || c.criterion().isBlank()) p.add(new FieldProblem("criterion", "portfolio.error.required", new Object[0]));
        if (c.target() == null || c.target().isBlank()) p.add(new FieldProblem("target", "portfolio.error.required", new Object[0]));
        if (c.measurementSource() == null || c.measurementSource().isBlank()) p.add(new FieldProblem("measurementSource", "portfolio.error.required", new Object[0]));
        if (!p.isEmpty()) throw new ValidationException(p);
        return jdbc.sql("""
                insert into pf_success_criterion (initiative_id, position, criterion, target, measurement_source)
                values (?, (select coalesce(max(position), 0) + 1 from pf_success_criterion where initiative_id = ?), ?, ?, ?) returning id""")
                .params(initiativeId, initiativeId, c.criterion().trim(), c.target().trim(), c.measurementSource().trim())
                .query(Long.class).single();
    }

    @Transactional
    @PreAuthorize(ANALYST)
    public void deleteSuccessCriterion(long initiativeId, long id) {
        if (jdbc.sql("delete from pf_success_criterion where id = ? and initiative_id = ?").params(id, initiativeId).update() == 0) {
            throw new NotFoundException("portfolio.criterion.notFound", id);
        }
    }

    // ------------------------------------------------------------------ figures

    List<PortfolioSummary.Row> rows(Integer year) {
        return jdbc.sql("""
                select i.ref, i.department, i.focus_area, b.year, b.amount_dkk from pf_budget_line b join pf_initiative i on i.id = b.initiative_id
                where (?::int is null or b.year = ?::int)""")
                .params(year, year)
                .query((rs, n) -> new PortfolioSummary.Row(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), rs.getInt(4), rs.getBigDecimal(5)))
                .list();
    }

    public PortfolioSummary summary(int year) {
        return PortfolioSummary.of(year, rows(year));
    }

    /** How many initiatives have budget lines, per year. */
    public java.util.Map<Integer, Long> initiativesPerYear() {
        java.util.Map<Integer, Long> out = new java.util.TreeMap<>();
        jdbc.sql("select year, count(distinct initiative_id) from pf_budget_line group by year")
                .query((rs, i) -> out.put(rs.getInt(1), rs.getLong(2))).list();
        return out;
    }

    public List<Integer> years() {
        return jdbc.sql("select distinct year from pf_budget_line order by year").query(Integer.class).list();
    }

    /** The budget table over years (like 004's Table 1): one row per initiative, grouped by department, with totals. */
    public record BudgetTable(List<Integer> years, List<BudgetRow> rows, List<DepartmentTotal> departmentTotals, List<BigDecimal> totals, BigDecimal grandTotal) {}

    public record BudgetRow(long initiativeId, String name, String department, List<BigDecimal> amounts, BigDecimal total) {
        public String departmentLabel() {
            return Departments.label(department);
        }
    }

    public record DepartmentTotal(String department, List<BigDecimal> amounts, BigDecimal total) {
        public String departmentLabel() {
            return Departments.label(department);
        }
    }

    public BudgetTable budgetTable(int from, int to, String department, BudgetType type) {
        var lines = jdbc.sql("""
                select i.id, i.name, i.department, b.year, sum(b.amount_dkk) from pf_budget_line b join pf_initiative i on i.id = b.initiative_id
                where b.year between ? and ? and (?::text is null or i.department = ?::text) and (?::text is null or b.budget_type = ?::text)
                group by i.id, i.name, i.department, b.year order by i.department, i.name, i.id""")
                .params(from, to, blankToNull(department), blankToNull(department), type == null ? null : type.name(), type == null ? null : type.name())
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5)}).list();
        TreeSet<Integer> yearSet = new TreeSet<>();
        for (Object[] l : lines) yearSet.add((Integer) l[3]);
        List<Integer> years = new ArrayList<>(yearSet);
        Map<Long, Object[]> byInit = new LinkedHashMap<>();
        Map<Long, Map<Integer, BigDecimal>> amounts = new LinkedHashMap<>();
        for (Object[] l : lines) {
            byInit.putIfAbsent((Long) l[0], l);
            amounts.computeIfAbsent((Long) l[0], k -> new TreeMap<>()).put((Integer) l[3], (BigDecimal) l[4]);
        }
        List<BudgetRow> rows = new ArrayList<>();
        Map<String, BigDecimal[]> deptTotals = new TreeMap<>();
        BigDecimal[] totals = zeros(years.size());
        for (var e : byInit.entrySet()) {
            Object[] l = e.getValue();
            List<BigDecimal> a = new ArrayList<>();
            BigDecimal sum = BigDecimal.ZERO;
            BigDecimal[] dt = deptTotals.computeIfAbsent((String) l[2], k -> zeros(years.size()));
            for (int y = 0; y < years.size(); y++) {
                BigDecimal v = amounts.get(e.getKey()).get(years.get(y));
                a.add(v == null ? null : PortfolioSummary.plain(v));
                if (v != null) {
                    sum = sum.add(v);
                    dt[y] = dt[y].add(v);
                    totals[y] = totals[y].add(v);
                }
            }
            rows.add(new BudgetRow(e.getKey(), (String) l[1], (String) l[2], a, PortfolioSummary.plain(sum)));
        }
        List<DepartmentTotal> dts = new ArrayList<>();
        deptTotals.forEach((d, arr) -> dts.add(new DepartmentTotal(d, plainList(arr), PortfolioSummary.plain(sumOf(arr)))));
        return new BudgetTable(years, rows, dts, plainList(totals), PortfolioSummary.plain(sumOf(totals)));
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] a = new BigDecimal[n];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }

    private static BigDecimal sumOf(BigDecimal[] a) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : a) s = s.add(v);
        return s;
    }

    private static List<BigDecimal> plainList(BigDecimal[] a) {
        return java.util.Arrays.stream(a).map(PortfolioSummary::plain).toList();
    }

    /** The funding picture of a year: per funding status (null = not stated) initiatives and amounts. */
    public record FundingLine(Funding funding, int initiatives, BigDecimal amountDkk, BigDecimal drift, BigDecimal anlaeg) {}

    public List<FundingLine> fundingPicture(int year) {
        return jdbc.sql("""
                select i.funding, count(distinct i.id), sum(b.amount_dkk),
                  coalesce(sum(b.amount_dkk) filter (where b.budget_type = 'DRIFT'), 0),
                  coalesce(sum(b.amount_dkk) filter (where b.budget_type = 'ANLAEG'), 0)
                from pf_budget_line b join pf_initiative i on i.id = b.initiative_id where b.year = ?
                group by i.funding order by i.funding nulls last""")
                .param(year)
                .query((rs, n) -> new FundingLine(rs.getString(1) == null ? null : Funding.valueOf(rs.getString(1)), rs.getInt(2),
                        PortfolioSummary.plain(rs.getBigDecimal(3)), PortfolioSummary.plain(rs.getBigDecimal(4)), PortfolioSummary.plain(rs.getBigDecimal(5))))
                .list();
    }

    /** One initiative's drift and anlæg in a year (the report's list of the year's initiatives). */
    public record YearLine(Initiative initiative, BigDecimal drift, BigDecimal anlaeg) {
        public BigDecimal total() {
            return PortfolioSummary.plain(drift.add(anlaeg));
        }
    }

    List<YearLine> yearLines(int year) {
        return jdbc.sql("""
                select i.*, coalesce(sum(b.amount_dkk) filter (where b.budget_type = 'DRIFT'), 0) as drift,
                  coalesce(sum(b.amount_dkk) filter (where b.budget_type = 'ANLAEG'), 0) as anlaeg
                from pf_initiative i join pf_budget_line b on b.initiative_id = i.id where b.year = ?
                group by i.id order by i.department, i.name, i.id""")
                .param(year)
                .query((rs, n) -> new YearLine(initiative(rs, n), PortfolioSummary.plain(rs.getBigDecimal("drift")),
                        PortfolioSummary.plain(rs.getBigDecimal("anlaeg"))))
                .list();
    }
}
