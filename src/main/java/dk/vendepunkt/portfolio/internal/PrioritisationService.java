package dk.vendepunkt.portfolio.internal;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bilag 5: each department ranks the 3–6 most and the 3–6 least effective crime-prevention initiatives
 * of its own, measured against the effect goals, with a reason for each. One record per department and year.
 */
@Service
@PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
public class PrioritisationService {

    static final int MIN = 3;
    public static final int MAX = 6;

    public enum Kind { MOST, LEAST }

    public record Item(Kind kind, int rank, long initiativeId, String initiativeName, String reason) {}

    public record Prioritisation(String department, int year, String note, List<Item> items, String updatedBy, Instant updatedAt, int version) {
        public List<Item> most() {
            return items.stream().filter(i -> i.kind() == Kind.MOST).toList();
        }

        public List<Item> least() {
            return items.stream().filter(i -> i.kind() == Kind.LEAST).toList();
        }

        public String departmentLabel() {
            return Departments.label(department);
        }
    }

    public record ItemChange(Kind kind, Long initiativeId, String reason) {}

    public record PrioritisationChange(String note, List<ItemChange> items, Integer version) {}

    private final JdbcClient jdbc;

    PrioritisationService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Prioritisation> forYear(int year) {
        return jdbc.sql("select department from pf_prioritisation where year = ? order by department").param(year).query(String.class).list()
                .stream().map(d -> get(d, year).orElseThrow()).toList();
    }

    public Optional<Prioritisation> get(String department, int year) {
        return jdbc.sql("select id, note, updated_by, updated_at, version from pf_prioritisation where department = ? and year = ?")
                .params(department, year)
                .query((rs, i) -> {
                    long id = rs.getLong(1);
                    List<Item> items = jdbc.sql("""
                            select p.kind, p.rank, p.initiative_id, i.name, p.reason from pf_prioritisation_item p
                            join pf_initiative i on i.id = p.initiative_id where p.prioritisation_id = ? order by p.kind desc, p.rank""")
                            .param(id)
                            .query((r2, j) -> new Item(Kind.valueOf(r2.getString(1)), r2.getInt(2), r2.getLong(3), r2.getString(4), r2.getString(5))).list();
                    return new Prioritisation(department, year, rs.getString(2), items, rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getInt(5));
                }).optional();
    }

    /** Replaces the department's prioritisation of the year; version null = create. Rows without initiative are ignored. */
    @Transactional
    @PreAuthorize(InitiativeService.ANALYST)
    public void save(String department, int year, PrioritisationChange c) {
        List<FieldProblem> p = new ArrayList<>();
        if (!Departments.valid(department)) p.add(new FieldProblem("department", "portfolio.error.department", new Object[0]));
        if (year < 1990 || year > 2100) p.add(new FieldProblem("year", "portfolio.error.year", new Object[0]));
        List<ItemChange> items = c.items() == null ? List.of() : c.items().stream().filter(i -> i != null && i.initiativeId() != null).toList();
        Set<Long> own = new HashSet<>(jdbc.sql("select id from pf_initiative where department = ?").param(department).query(Long.class).list());
        Set<Long> seen = new HashSet<>();
        int most = 0;
        int least = 0;
        for (int n = 0; n < items.size(); n++) {
            ItemChange i = items.get(n);
            String field = (i.kind() == Kind.LEAST ? "least" : "most") + n;
            if (i.kind() == null) p.add(new FieldProblem(field, "portfolio.error.required", new Object[0]));
            else if (i.kind() == Kind.MOST) most++;
            else least++;
            if (!own.contains(i.initiativeId())) p.add(new FieldProblem(field, "portfolio.prioritisation.notOwn", new Object[0]));
            if (!seen.add(i.initiativeId())) p.add(new FieldProblem(field, "portfolio.prioritisation.duplicate", new Object[0]));
            if (i.reason() == null || i.reason().isBlank()) p.add(new FieldProblem(field, "portfolio.prioritisation.reason", new Object[0]));
        }
        if (most < MIN || most > MAX) p.add(new FieldProblem("most", "portfolio.prioritisation.count", new Object[]{MIN, MAX}));
        if (least < MIN || least > MAX) p.add(new FieldProblem("least", "portfolio.prioritisation.count", new Object[]{MIN, MAX}));
        if (!p.isEmpty()) throw new ValidationException(p);
        Long id;
        if (c.version() == null) {
            if (get(department, year).isPresent()) throw ConflictException.stale();
            id = jdbc.sql("insert into pf_prioritisation (department, year, note, updated_by) values (?, ?, ?, ?) returning id")
                    .params(department, year, blank(c.note()), CurrentUser.username()).query(Long.class).single();
        } else {
            id = jdbc.sql("""
                    update pf_prioritisation set note = ?, updated_by = ?, updated_at = now(), version = version + 1
                    where department = ? and year = ? and version = ? returning id""")
                    .params(blank(c.note()), CurrentUser.username(), department, year, c.version()).query(Long.class).optional().orElse(null);
            if (id == null) throw ConflictException.stale();
            jdbc.sql("delete from pf_prioritisation_item where prioritisation_id = ?").param(id).update();
        }
        int[] rank = new int[2];
        for (ItemChange i : items) {
            jdbc.sql("insert into pf_prioritisation_item (prioritisation_id, kind, rank, initiative_id, reason) values (?, ?, ?, ?, ?)")
                    .params(id, i.kind().name(), ++rank[i.kind().ordinal()], i.initiativeId(), i.reason().trim()).update();
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
