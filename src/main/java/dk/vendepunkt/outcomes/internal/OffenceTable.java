package dk.vendepunkt.outcomes.internal;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offence table: offence code → SSP level (1–4). Register events whose level was looked up here
 * follow a change of the code's level; events imported with an explicit {@code ssp_level} keep it.
 */
@Service
public class OffenceTable {

    private final JdbcClient jdbc;
    private final OutcomeDerivation derivation;

    OffenceTable(JdbcClient jdbc, OutcomeDerivation derivation) {
        this.jdbc = jdbc;
        this.derivation = derivation;
    }

    public record Offence(String code, String description, int sspLevel, int version, long events) {}

    public record OffenceChange(String code, String description, Integer sspLevel, Integer version) {}

    public Map<String, Integer> levels() {
        Map<String, Integer> m = new HashMap<>();
        jdbc.sql("select code, ssp_level from out_offence").query((rs, i) -> m.put(rs.getString(1), rs.getInt(2))).list();
        return m;
    }

    public List<Offence> all() {
        return jdbc.sql("""
                select o.code, o.description, o.ssp_level, o.version, coalesce(n.events, 0) events
                  from out_offence o
                  left join (select offence_code, count(*) events from out_register_event where level_from_table group by offence_code) n
                    on n.offence_code = o.code
                 order by o.ssp_level desc, o.code""")
                .query((rs, i) -> new Offence(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getLong(5))).list();
    }

    public Offence get(String code) {
        return all().stream().filter(o -> o.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("outcomes.offence.notFound", code));
    }

    private static List<FieldProblem> validate(OffenceChange c, boolean create) {
        List<FieldProblem> p = new ArrayList<>();
        if (create && (c.code() == null || !c.code().trim().matches("[A-Za-z0-9ÆØÅæøå§._-]{1,40}")))
            p.add(new FieldProblem("code", "outcomes.offence.error.code", new Object[0]));
        if (c.description() == null || c.description().isBlank()) p.add(new FieldProblem("description", "outcomes.offence.error.description", new Object[0]));
        if (c.sspLevel() == null || c.sspLevel() < 1 || c.sspLevel() > 4) p.add(new FieldProblem("sspLevel", "outcomes.offence.error.level", new Object[0]));
        return p;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void create(OffenceChange c) {
        List<FieldProblem> p = validate(c, true);
        if (!p.isEmpty()) throw new ValidationException(p);
        int n = jdbc.sql("insert into out_offence (code, description, ssp_level, updated_by) values (?, ?, ?, ?) on conflict do nothing")
                .params(c.code().trim(), c.description().trim(), c.sspLevel(), CurrentUser.username()).update();
        if (n == 0) throw ValidationException.of("code", "outcomes.offence.error.duplicate", c.code());
    }

    /** Changes description and level; table-derived event levels follow. Stale version → 409. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void update(String code, OffenceChange c) {
        get(code);
        List<FieldProblem> p = validate(c, false);
        if (c.version() == null) p.add(new FieldProblem("version", "outcomes.offence.error.version", new Object[0]));
        if (!p.isEmpty()) throw new ValidationException(p);
        int n = jdbc.sql("""
                update out_offence set description = ?, ssp_level = ?, version = version + 1, updated_by = ?, updated_at = now()
                 where code = ? and version = ?""")
                .params(c.description().trim(), c.sspLevel(), CurrentUser.username(), code, c.version()).update();
        if (n == 0) throw ConflictException.stale();
        jdbc.sql("update out_register_event set ssp_level = ? where offence_code = ? and level_from_table and ssp_level <> ?")
                .params(c.sspLevel(), code, c.sspLevel()).update();
        derivation.refreshWhere("t.person in (select e.person from out_register_event e where e.offence_code = ? and e.level_from_table)", code);
    }

    /** Only codes no event took its level from can be deleted. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void delete(String code, int version) {
        Offence o = get(code);
        if (o.events() > 0) throw new ConflictException("outcomes.offence.inUse", code, o.events());
        int n = jdbc.sql("delete from out_offence where code = ? and version = ?").params(code, version).update();
        if (n == 0) throw ConflictException.stale();
    }
}
