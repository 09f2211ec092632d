package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.internal.FamilyCaseService.Criterion;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The FAMILY programme's local inclusion criteria as the administrator edits them: add, rename, reorder, deactivate
 * (and reactivate). A criterion is never deleted: one deactivated stays on the cases that were opened with it and is
 * no longer offered when a case is opened. The criteria hold no personal data; the admin pages are for role ADMIN.
 */
@Service
public class FamilyCriteria {

    static final int NAME_MAX = 200;

    private final JdbcClient jdbc;
    private final FamilyCaseService cases;

    FamilyCriteria(JdbcClient jdbc, FamilyCaseService cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /** A criterion as the administrator edits it (with the version a change is made over). */
    public record Row(String code, String name, int position, boolean active, int version) {}

    /** All criteria in their order, active or not. */
    public List<Criterion> all() {
        return cases.criteria();
    }

    /** All criteria with their versions, in their order. */
    public List<Row> rows() {
        return jdbc.sql("select code, name, position, active, version from cw_inclusion_criterion where programme = ? order by position, code")
                .param(FamilyCaseService.PROGRAMME)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4), rs.getInt(5))).list();
    }

    /** The criteria offered when a case is opened. */
    public List<Criterion> active() {
        return all().stream().filter(Criterion::active).toList();
    }

    /** Adds a criterion at the end of the list; its code is made from the order (C5, C6, ...). Answers the code. */
    @Transactional
    public String add(String name) {
        String n = name(name);
        int next = jdbc.sql("select coalesce(max(position), 0) + 1 from cw_inclusion_criterion where programme = ?")
                .param(FamilyCaseService.PROGRAMME).query(Integer.class).single();
        String code = "C" + next;
        while (exists(code)) code = code + "X";
        jdbc.sql("insert into cw_inclusion_criterion (programme, code, name, position) values (?, ?, ?, ?)")
                .params(FamilyCaseService.PROGRAMME, code, n, next).update();
        return code;
    }

    @Transactional
    public void rename(String code, String name, Integer version) {
        String n = name(name);
        change(code, version, "name = ?", n);
    }

    @Transactional
    public void setActive(String code, boolean active, Integer version) {
        change(code, version, "active = ?", active);
    }

    /** Renames ({@code name} not null) and/or (de)activates ({@code active} not null) in one go over {@code version}. */
    @Transactional
    public void change(String code, String name, Boolean active, Integer version) {
        Integer v = version;
        if (name != null) {
            rename(code, name, v);
            v = v + 1;
        }
        if (active != null) setActive(code, active, v);
    }

    /** Moves the criterion one place up ({@code up}) or down the list, swapping with its neighbour. */
    @Transactional
    public void move(String code, boolean up) {
        List<Criterion> list = all();
        int i = indexOf(list, code);
        int j = up ? i - 1 : i + 1;
        if (j < 0 || j >= list.size()) return;
        // renumber the whole list 1..n with the two swapped, so equal or missing positions cannot stick
        List<Criterion> order = new java.util.ArrayList<>(list);
        java.util.Collections.swap(order, i, j);
        for (int k = 0; k < order.size(); k++) {
            jdbc.sql("update cw_inclusion_criterion set position = ?, version = version + 1 where programme = ? and code = ? and position <> ?")
                    .params(k + 1, FamilyCaseService.PROGRAMME, order.get(k).code(), k + 1).update();
        }
    }

    private int indexOf(List<Criterion> list, String code) {
        for (int i = 0; i < list.size(); i++) if (list.get(i).code().equals(code)) return i;
        throw new NotFoundException("familyCriteria.notFound", code);
    }

    private void change(String code, Integer version, String set, Object value) {
        if (!exists(code)) throw new NotFoundException("familyCriteria.notFound", code);
        if (version == null) throw ValidationException.of("version", "familyCriteria.version.required");
        int n = jdbc.sql("update cw_inclusion_criterion set " + set + ", version = version + 1 where programme = ? and code = ? and version = ?")
                .params(value, FamilyCaseService.PROGRAMME, code, version).update();
        if (n == 0) throw ConflictException.stale();
    }

    private boolean exists(String code) {
        return jdbc.sql("select exists(select 1 from cw_inclusion_criterion where programme = ? and code = ?)")
                .params(FamilyCaseService.PROGRAMME, code).query(Boolean.class).single();
    }

    private static String name(String name) {
        if (Texts.isBlank(name)) throw ValidationException.of("name", "familyCriteria.name.required");
        String n = name.trim();
        if (n.length() > NAME_MAX) throw ValidationException.of("name", "familyCriteria.name.tooLong", NAME_MAX);
        return n;
    }
}
