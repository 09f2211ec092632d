package dk.vendepunkt.casework.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditedAccessDenied;
import dk.vendepunkt.casework.domain.PoolFigures;
import dk.vendepunkt.casework.domain.PoolPurchase;
import dk.vendepunkt.casework.domain.PurchaseStatus;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's pool (puljen): budgets per year set by a programme manager, purchases requested by
 * caseworkers for a forløb, decided (approved within the remaining budget, or rejected) and paid by a
 * programme manager. Purchases of a forløb are read and requested through {@link EnrolmentAccess};
 * the pool of a whole programme is the programme manager's (no person names are shown there, and each
 * decision is audited with the person and forløb concerned).
 */
@Service
public class PoolService {

    static final String SUBJECT = "puljekøb";
    public static final int PAGE_SIZE = 20;

    /** Sort keys of the purchase list and their columns (whitelist). */
    static final Map<String, String> SORTS = Map.of(
            "requestedOn", "requested_on", "amount", "amount", "status", "status", "supplier", "lower(supplier)", "id", "id");

    private final JdbcClient jdbc;
    private final EnrolmentAccess access;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    PoolService(JdbcClient jdbc, EnrolmentAccess access, AuditLog audit, CurrentUser currentUser, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    public record Programme(String code, String name) {}

    public record Budget(String programme, int year, BigDecimal amount, String setBy, int version) {}

    public record BudgetChange(BigDecimal amount, Integer version) {}

    /** {@code version} is the purchase's version as read; {@code note} the reason (required for rejection). */
    public record Decision(Integer version, String note, LocalDate paidOn) {}

    public record EnrolmentPurchases(EnrolmentRef enrolment, List<PoolPurchase> purchases, PoolFigures figures) {}

    public record PurchasePage(List<PoolPurchase> items, int page, int size, long total, String sort, String dir) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** The pool of one programme and year for the programme manager. {@code budget} is null when none is set. */
    public record PoolOverview(Programme programme, int year, PoolFigures figures, Budget budget, PurchasePage purchases,
                               String status, List<Integer> years, List<PoolFigures> yearly) {}

    // ------------------------------------------------------------------ per forløb

    public EnrolmentPurchases read(long enrolmentId) {
        EnrolmentRef e = access.read(enrolmentId, SUBJECT);
        return new EnrolmentPurchases(e, forEnrolment(e.id()), figures(e.programme(), LocalDate.now(clock).getYear()));
    }

    List<PoolPurchase> forEnrolment(long enrolmentId) {
        return jdbc.sql("select * from cw_pool_purchase where enrolment_id = ? order by requested_on desc, id desc").param(enrolmentId)
                .query(PoolService::purchase).list();
    }

    @Transactional
    public PoolPurchase request(long enrolmentId, PoolPurchase.Request r) {
        EnrolmentRef e = access.write(enrolmentId, SUBJECT);
        PoolPurchase.validate(r, LocalDate.now(clock));
        if (r.requestedOn().isBefore(e.startDate())) throw ValidationException.of("requestedOn", "caseplan.date.beforeStart", e.startDate());
        long id = insertPurchase(e.id(), e.programme(), r, CurrentUser.username());
        return get(id);
    }

    /** Stores a requested purchase (also used by the demo data). */
    public long insertPurchase(long enrolmentId, String programme, PoolPurchase.Request r, String by) {
        return jdbc.sql("""
                insert into cw_pool_purchase (enrolment_id, programme, budget_year, purpose, supplier, amount, requested_on, requested_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(enrolmentId, programme, r.requestedOn().getYear(), r.purpose().trim(), r.supplier().trim(), r.amount(),
                        r.requestedOn(), by).query(Long.class).single();
    }

    // ------------------------------------------------------------------ the programme's pool

    public Programme programme(String code) {
        return jdbc.sql("select code, name from cw_programme where code = ?").param(code)
                .query((rs, i) -> new Programme(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new NotFoundException("caseplan.pool.programmeNotFound", code));
    }

    public PoolFigures figures(String programme, int year) {
        BigDecimal budget = jdbc.sql("select amount from cw_pool_budget where programme = ? and year = ?").params(programme, year)
                .query(BigDecimal.class).optional().orElse(null);
        List<PoolFigures.Entry> entries = jdbc.sql("""
                select status, sum(amount) from cw_pool_purchase where programme = ? and budget_year = ? group by status""")
                .params(programme, year).query((rs, i) -> new PoolFigures.Entry(PurchaseStatus.valueOf(rs.getString(1)), rs.getBigDecimal(2)))
                .list();
        return PoolFigures.of(programme, year, budget, entries);
    }

    /** The figures of every year that has a budget or purchases, newest first. */
    public List<PoolFigures> yearly(String programme) {
        Map<Integer, BigDecimal> budgets = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        jdbc.sql("select year, amount from cw_pool_budget where programme = ?").param(programme)
                .query((rs, i) -> budgets.put(rs.getInt(1), rs.getBigDecimal(2))).list();
        Map<Integer, List<PoolFigures.Entry>> entries = new java.util.HashMap<>();
        jdbc.sql("select budget_year, status, sum(amount) from cw_pool_purchase where programme = ? group by budget_year, status")
                .param(programme).query((rs, i) -> entries.computeIfAbsent(rs.getInt(1), k -> new java.util.ArrayList<>())
                        .add(new PoolFigures.Entry(PurchaseStatus.valueOf(rs.getString(2)), rs.getBigDecimal(3)))).list();
        java.util.SortedSet<Integer> years = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
        years.addAll(budgets.keySet());
        years.addAll(entries.keySet());
        return years.stream().map(y -> PoolFigures.of(programme, y, budgets.get(y), entries.getOrDefault(y, List.of()))).toList();
    }

    Optional<Budget> budget(String programme, int year) {
        return jdbc.sql("select programme, year, amount, set_by, version from cw_pool_budget where programme = ? and year = ?")
                .params(programme, year)
                .query((rs, i) -> new Budget(rs.getString(1), rs.getInt(2), rs.getBigDecimal(3), rs.getString(4), rs.getInt(5))).optional();
    }

    /**
     * The pool page: figures and the purchases of the year, one page at a time, sorted by one of
     * {@link #SORTS}, optionally only one status. Audited as a read of the programme's purchases.
     */
    public PoolOverview overview(String code, int year, int page, String sort, String dir, PurchaseStatus status) {
        manager(null, null);
        Programme p = programme(code);
        String column = SORTS.getOrDefault(sort, "requested_on");
        String key = SORTS.containsKey(sort) ? sort : "requestedOn";
        String direction = "asc".equalsIgnoreCase(dir) ? "asc" : "desc";
        int pageNo = Math.max(0, page);
        String statusFilter = status == null ? "" : " and status = '" + status.name() + "'";
        long total = jdbc.sql("select count(*) from cw_pool_purchase where programme = ? and budget_year = ?" + statusFilter)
                .params(code, year).query(Long.class).single();
        List<PoolPurchase> items = jdbc.sql("select * from cw_pool_purchase where programme = ? and budget_year = ?" + statusFilter
                        + " order by " + column + " " + direction + ", id " + direction + " limit ? offset ?")
                .params(code, year, PAGE_SIZE, (long) pageNo * PAGE_SIZE).query(PoolService::purchase).list();
        audit.record(AuditAction.READ, null, null, SUBJECT + " " + code + " " + year, "puljeoversigt, " + items.size() + " købsanmodninger");
        int thisYear = LocalDate.now(clock).getYear();
        List<Integer> years = java.util.stream.IntStream.rangeClosed(2010, thisYear + 1).boxed().sorted(java.util.Comparator.reverseOrder()).toList();
        return new PoolOverview(p, year, figures(code, year), budget(code, year).orElse(null),
                new PurchasePage(items, pageNo, PAGE_SIZE, total, key, direction), status == null ? null : status.name(), years, yearly(code));
    }

    /**
     * Every purchase of the year (optionally one status) for the export, newest request first, with the forløb's
     * person: programme managers only, as the pool page; audited as one READ entry naming the persons concerned.
     */
    public List<PoolPurchase> export(String code, int year, PurchaseStatus status) {
        manager(null, null);
        programme(code);
        String statusFilter = status == null ? "" : " and p.status = '" + status.name() + "'";
        List<Long> persons = new java.util.ArrayList<>();
        List<PoolPurchase> items = jdbc.sql("select p.*, e.person_id from cw_pool_purchase p join cw_enrolment e on e.id = p.enrolment_id"
                        + " where p.programme = ? and p.budget_year = ?" + statusFilter + " order by p.requested_on desc, p.id desc")
                .params(code, year).query((rs, i) -> {
                    persons.add(rs.getLong("person_id"));
                    return purchase(rs, i);
                }).list();
        if (!items.isEmpty()) {
            audit.shown(AuditAction.READ, persons.stream().distinct().toList(), SUBJECT + " " + code + " " + year + " eksport",
                    items.size() + " købsanmodninger");
        }
        return items;
    }

    /** Sets (or changes) the budget of a year; {@code version} null or 0 for a year without budget, else the version read. */
    @Transactional
    public Budget setBudget(String code, int year, BudgetChange change) {
        StaffMember u = manager(null, null);
        programme(code);
        LocalDate today = LocalDate.now(clock);
        PoolFigures.validateBudget(year, change.amount(), today);
        Optional<Budget> existing = budget(code, year);
        int expected = change.version() == null ? 0 : change.version();
        if (existing.isEmpty()) {
            if (expected != 0) throw ConflictException.stale();
            int n = jdbc.sql("insert into cw_pool_budget (programme, year, amount, set_by) values (?, ?, ?, ?) on conflict do nothing")
                    .params(code, year, change.amount(), u.username()).update();
            if (n == 0) throw ConflictException.stale();
        } else {
            int n = jdbc.sql("update cw_pool_budget set amount = ?, set_by = ?, set_at = now(), version = version + 1 where programme = ? and year = ? and version = ?")
                    .params(change.amount(), u.username(), code, year, expected).update();
            if (n == 0) throw ConflictException.stale();
        }
        audit.record(AuditAction.UPDATE, null, null, "puljebudget " + code + " " + year, change.amount().toPlainString());
        return budget(code, year).orElseThrow();
    }

    public PoolPurchase purchase(String code, long purchaseId) {
        manager(null, null);
        PoolPurchase p = get(purchaseId);
        if (!p.programme().equals(code)) throw new NotFoundException("caseplan.purchase.notFound", purchaseId);
        EnrolmentRef e = access.find(p.enrolmentId()).orElseThrow();
        audit.record(AuditAction.READ, e.personId(), e.id(), SUBJECT + " " + purchaseId, null);
        return p;
    }

    @Transactional
    public PoolPurchase approve(String code, long purchaseId, Decision d) {
        return decide(code, purchaseId, d, "godkendt", (p, by) -> p.approve(by, version(d), figures(p.programme(), p.budgetYear())));
    }

    @Transactional
    public PoolPurchase reject(String code, long purchaseId, Decision d) {
        return decide(code, purchaseId, d, "afvist", (p, by) -> p.reject(by, version(d), d.note()));
    }

    @Transactional
    public PoolPurchase pay(String code, long purchaseId, Decision d) {
        return decide(code, purchaseId, d, "betalt", (p, by) -> p.pay(by, version(d), d.paidOn(), LocalDate.now(clock)));
    }

    private static int version(Decision d) {
        if (d.version() == null) throw ValidationException.of("version", "caseplan.version.required");
        return d.version();
    }

    private interface Rule {
        PurchaseStatus apply(PoolPurchase p, PoolPurchase.Decider by);
    }

    private PoolPurchase decide(String code, long purchaseId, Decision d, String what, Rule rule) {
        PoolPurchase current = jdbc.sql("select * from cw_pool_purchase where id = ? for update").param(purchaseId)
                .query(PoolService::purchase).optional().filter(p -> p.programme().equals(code))
                .orElseThrow(() -> new NotFoundException("caseplan.purchase.notFound", purchaseId));
        EnrolmentRef e = access.find(current.enrolmentId()).orElseThrow();
        StaffMember u = manager(e.personId(), e.id());
        // serialise decisions on one pool so that two approvals cannot together exceed the budget
        jdbc.sql("select pg_advisory_xact_lock(hashtext('cw_pool:' || ? || ':' || ?))").params(code, current.budgetYear()).query().listOfRows();
        PurchaseStatus next = rule.apply(current, new PoolPurchase.Decider(u.username(), true));
        int n = switch (next) {
            case PAID -> jdbc.sql("update cw_pool_purchase set status = 'PAID', paid_on = ?, version = version + 1 where id = ? and version = ?")
                    .params(d.paidOn(), purchaseId, current.version()).update();
            default -> jdbc.sql("""
                    update cw_pool_purchase set status = ?, decided_by = ?, decided_at = now(), decision_note = ?, version = version + 1
                     where id = ? and version = ?""")
                    .params(next.name(), u.username(), Texts.blankToNull(d.note()), purchaseId, current.version()).update();
        };
        if (n == 0) throw ConflictException.stale();
        audit.record(AuditAction.UPDATE, e.personId(), e.id(), SUBJECT + " " + purchaseId + " " + what, null);
        return get(purchaseId);
    }

    /** The current user when a programme manager; otherwise the refusal is audited and thrown (403). */
    private StaffMember manager(Long personId, Long enrolmentId) {
        Optional<StaffMember> u = currentUser.get();
        if (u.isEmpty() || !u.get().hasRole(Role.PROGRAMME_MANAGER)) {
            audit.record(AuditAction.DENIED, personId, enrolmentId, SUBJECT, "kun en programleder styrer puljen");
            throw new AuditedAccessDenied("Only a programme manager manages the pool");
        }
        return u.get();
    }

    PoolPurchase get(long id) {
        return jdbc.sql("select * from cw_pool_purchase where id = ?").param(id).query(PoolService::purchase).optional()
                .orElseThrow(() -> new NotFoundException("caseplan.purchase.notFound", id));
    }

    static PoolPurchase purchase(ResultSet rs, int i) throws SQLException {
        return new PoolPurchase(rs.getLong("id"), rs.getLong("enrolment_id"), rs.getString("programme"), rs.getInt("budget_year"),
                rs.getString("purpose"), rs.getString("supplier"), rs.getBigDecimal("amount"), PurchaseStatus.valueOf(rs.getString("status")),
                rs.getObject("requested_on", LocalDate.class), rs.getString("requested_by"), rs.getString("decided_by"),
                rs.getString("decision_note"), rs.getObject("paid_on", LocalDate.class), rs.getInt("version"));
    }
}
