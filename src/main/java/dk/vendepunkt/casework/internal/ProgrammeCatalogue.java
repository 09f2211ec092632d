package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.domain.Phase;
import dk.vendepunkt.casework.domain.Programme;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programmes as data (cw_programme, cw_programme_phase, cw_phase_transition); settings are editable. */
@Service
public class ProgrammeCatalogue {

    private final JdbcClient jdbc;

    ProgrammeCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Changeable settings of a programme: eligibility, capacity, waiting-list priority. */
    public record Settings(Integer minAge, Integer maxAge, Integer capacityPerYear, Boolean gangPriority, Integer version) {}

    private record Head(String code, String name, String description, int minAge, Integer maxAge, Integer capacity,
                        boolean gangPriority, boolean active, int version) {}

    private record PhaseRow(String programme, Phase phase) {}

    public List<Programme> all() {
        List<Head> heads = jdbc.sql("""
                select code, name, description, min_age, max_age, capacity_per_year, gang_priority, active, version
                  from cw_programme order by active desc, case code when 'EXIT' then 0 else 1 end, code""")
                .query((rs, i) -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        (Integer) rs.getObject(5), (Integer) rs.getObject(6), rs.getBoolean(7), rs.getBoolean(8), rs.getInt(9)))
                .list();
        Map<String, List<Phase>> phases = jdbc.sql("select programme, code, name, position, initial_phase, closing_phase from cw_programme_phase")
                .query((rs, i) -> new PhaseRow(rs.getString(1), new Phase(rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBoolean(5), rs.getBoolean(6))))
                .list().stream().collect(Collectors.groupingBy(PhaseRow::programme,
                        Collectors.mapping(PhaseRow::phase, Collectors.toList())));
        Map<String, Set<Programme.Transition>> transitions = jdbc.sql("select programme, from_phase, to_phase from cw_phase_transition")
                .query((rs, i) -> Map.entry(rs.getString(1), new Programme.Transition(rs.getString(2), rs.getString(3))))
                .list().stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(HashSet::new))));
        return heads.stream().map(h -> new Programme(h.code(), h.name(), h.description(), h.minAge(), h.maxAge(), h.capacity(),
                h.gangPriority(), h.active(), h.version(), phases.getOrDefault(h.code(), List.of()),
                transitions.getOrDefault(h.code(), Set.of()))).toList();
    }

    public List<Programme> active() {
        return all().stream().filter(Programme::active).toList();
    }

    public Programme get(String code) {
        return all().stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("programme.notFound", code));
    }

    /** Changes eligibility, capacity and priority; the version read must still be current (409 otherwise). */
    @Transactional
    public Programme update(String code, Settings s) {
        Programme current = get(code);
        List<FieldProblem> problems = new ArrayList<>();
        int minAge = s.minAge() == null ? current.minAge() : s.minAge();
        if (minAge < 0 || minAge > 120) problems.add(new FieldProblem("minAge", "programme.minAge.invalid", new Object[0]));
        if (s.maxAge() != null && (s.maxAge() < minAge || s.maxAge() > 120)) problems.add(new FieldProblem("maxAge", "programme.maxAge.invalid", new Object[0]));
        if (s.capacityPerYear() != null && s.capacityPerYear() < 0) problems.add(new FieldProblem("capacityPerYear", "programme.capacity.invalid", new Object[0]));
        if (s.version() == null) problems.add(new FieldProblem("version", "common.version.required", new Object[0]));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        int n = jdbc.sql("""
                update cw_programme set min_age = ?, max_age = ?, capacity_per_year = ?, gang_priority = ?, version = version + 1
                 where code = ? and version = ?""")
                .params(minAge, s.maxAge(), s.capacityPerYear(), s.gangPriority() == null ? current.gangPriority() : s.gangPriority(),
                        code, s.version()).update();
        if (n == 0) throw ConflictException.stale();
        return get(code);
    }
}
