package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.FamilyProgramme;
import dk.vendepunkt.casework.ProgressScales;
import dk.vendepunkt.casework.ProgressScales.Measurement;
import java.util.Comparator;
import java.util.Set;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Family;
import dk.vendepunkt.people.Families.Member;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.PersonSummary;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The family programme's cohort for the evaluation report ({@link FamilyProgramme}): children with a forløb in a
 * family case started on or before the date and aged 6-22 at its start; the parents who were members of their families
 * on that date, with their latest employment status; the children's paired progress measurements.
 */
@Component
class FamilyProgrammeFigures implements FamilyProgramme {

    /** The progress scale whose latest value per parent is the parent's employment status. */
    static final String EMPLOYMENT_SCALE = "PARENT_EMPLOYMENT";

    private final JdbcClient jdbc;
    private final Families families;
    private final PersonDirectory people;
    private final ProgressScales progress;

    FamilyProgrammeFigures(JdbcClient jdbc, Families families, PersonDirectory people, ProgressScales progress) {
        this.jdbc = jdbc;
        this.families = families;
        this.people = people;
        this.progress = progress;
    }

    @Override
    public Cohort cohort(LocalDate asOf) {
        record Row(long enrolmentId, Long personId, LocalDate start, long caseId, Long familyId) {}
        List<Row> rows = jdbc.sql("""
                select e.id, e.person_id, e.start_date, e.family_case_id, c.family_id
                  from cw_enrolment e join cw_family_case c on c.id = e.family_case_id
                 where e.programme = 'FAMILY' and e.start_date <= ? order by e.id""").param(asOf)
                .query((rs, i) -> new Row(rs.getLong(1), (Long) rs.getObject(2), rs.getObject(3, LocalDate.class), rs.getLong(4),
                        (Long) rs.getObject(5))).list();
        Map<Long, PersonSummary> persons = people.summaries(rows.stream().map(Row::personId).filter(java.util.Objects::nonNull).toList())
                .stream().collect(Collectors.toMap(PersonSummary::id, Function.identity()));
        List<Child> children = new ArrayList<>();
        Map<Long, Long> familyOfCase = new LinkedHashMap<>();
        for (Row r : rows) {
            PersonSummary p = r.personId() == null ? null : persons.get(r.personId());
            if (p == null || p.birthDate() == null) continue;  // after retention the forløb has no person: not in the cohort
            int age = Period.between(p.birthDate(), r.start()).getYears();
            if (age < 6 || age > 22) continue;
            children.add(new Child(r.enrolmentId(), r.personId(), p.birthDate(), r.start(), r.caseId()));
            if (r.familyId() != null) familyOfCase.put(r.caseId(), r.familyId());
        }
        // the measurements of the cohort's cases up to the date: the children's for progress, the parents' for employment
        Set<Long> childIds = children.stream().map(Child::personId).collect(Collectors.toSet());
        List<Measurement> measured = progress.forCasesUnaudited(familyOfCase.keySet()).stream()
                .filter(m -> !m.measuredOn().isAfter(asOf)).toList();
        Map<Long, String> employment = new HashMap<>();
        measured.stream().filter(m -> m.scale().equals(EMPLOYMENT_SCALE) && m.optionCode() != null)
                .sorted(Comparator.comparing(Measurement::measuredOn).thenComparingLong(Measurement::id))
                .forEach(m -> employment.put(m.personId(), m.optionCode()));
        List<Parent> parents = new ArrayList<>();
        Map<Long, Family> cache = new HashMap<>();
        for (Map.Entry<Long, Long> e : familyOfCase.entrySet()) {
            Optional<Family> f = Optional.ofNullable(cache.computeIfAbsent(e.getValue(), id -> families.find(id).orElse(null)));
            if (f.isEmpty()) continue;
            for (Member m : f.get().members()) {
                boolean member = !m.from().isAfter(asOf) && (m.to() == null || !m.to().isBefore(asOf));
                if (member && m.relation().parent()) {
                    parents.add(new Parent(m.personId(), e.getKey(), employment.get(m.personId())));
                }
            }
        }
        return new Cohort(asOf, children, parents, progress.progress(measured.stream().filter(m -> childIds.contains(m.personId())).toList()));
    }
}
