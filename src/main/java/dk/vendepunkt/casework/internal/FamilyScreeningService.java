package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.RiskInstruments;
import dk.vendepunkt.casework.domain.FamilyCase;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Member;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.PersonSummary;
import dk.vendepunkt.platform.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Part 4 of the family case's assessment (issue 13 part 5(4)): the risk/need screening of each child with the instrument
 * that fits the child's age on the day of the screening ({@link RiskInstruments#forPerson}: YLS/CMI 12-17, LS/RNR 18+,
 * none under 12), scored by {@link RiskInstruments#score}. Access and audit through {@link FamilyCaseService#readPart} and
 * {@link FamilyCaseService#write}.
 */
@Service
public class FamilyScreeningService {

    static final String SUBJECT = "screening";

    private final JdbcClient jdbc;
    private final FamilyCaseService cases;
    private final Families families;
    private final PersonDirectory people;
    private final RiskInstruments instruments;
    private final Clock clock;

    FamilyScreeningService(JdbcClient jdbc, FamilyCaseService cases, Families families, PersonDirectory people, RiskInstruments instruments,
                           Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.families = families;
        this.people = people;
        this.instruments = instruments;
        this.clock = clock;
    }

    /** A new screening: the child, the day (null = today) and a score per domain of the fitting instrument. */
    public record NewScreening(Long personId, LocalDate screenedOn, Map<String, Integer> domains) {}

    /** A stored screening. */
    public record ScreeningRow(long id, long personId, String personName, String instrumentCode, String instrumentName, LocalDate screenedOn,
                               int total, int maxTotal, String level, Map<String, Integer> domains, String createdBy) {}

    /** A child of the family: the age today, the instrument that fits it today (null under 12) and the child's screenings. */
    public record ChildScreenings(long personId, String name, Integer age, RiskInstruments.Definition instrument, List<ScreeningRow> screenings) {}

    /** The case's children with their fitting instrument and screenings, newest first. */
    public List<ChildScreenings> forCase(long caseId) {
        FamilyCase c = cases.readPart(caseId, SUBJECT);
        LocalDate today = LocalDate.now(clock);
        List<Child> children = children(c);
        Function<Long, String> name = id -> children.stream().filter(ch -> ch.id() == id).map(Child::name).findFirst().orElse("?");
        List<ScreeningRow> rows = rows(caseId, name);
        return children.stream().map(ch -> new ChildScreenings(ch.id(), ch.name(),
                ch.birthDate() == null ? null : Period.between(ch.birthDate(), today).getYears(),
                ch.birthDate() == null ? null : instruments.forPerson(ch.birthDate(), today).orElse(null),
                rows.stream().filter(r -> r.personId() == ch.id()).toList())).toList();
    }

    /** The case's screenings, newest first. */
    public List<ScreeningRow> list(long caseId) {
        FamilyCase c = cases.readPart(caseId, SUBJECT);
        List<Child> children = children(c);
        return rows(caseId, id -> children.stream().filter(ch -> ch.id() == id).map(Child::name).findFirst().orElse("?"));
    }

    /** Records a screening by the current user; refused (400) for a person who is not a child of the family or under 12. */
    @Transactional
    public ScreeningRow record(long caseId, NewScreening s) {
        return store(cases.write(caseId, SUBJECT), s, CurrentUser.username());
    }

    private ScreeningRow store(FamilyCase c, NewScreening s, String by) {
        if (c.closed()) throw ValidationException.of("familyCase", "family.case.closed");
        List<Child> children = children(c);
        Child child = s.personId() == null ? null : children.stream().filter(ch -> ch.id() == s.personId()).findFirst().orElse(null);
        if (child == null) throw ValidationException.of("personId", "familyScreening.person.notChild");
        LocalDate today = LocalDate.now(clock);
        LocalDate on = s.screenedOn() == null ? today : s.screenedOn();
        if (on.isAfter(today)) throw ValidationException.of("screenedOn", "familyScreening.date.future");
        if (child.birthDate() == null) throw ValidationException.of("personId", "familyScreening.person.noBirthDate");
        RiskInstruments.Definition d = instruments.forPerson(child.birthDate(), on)
                .orElseThrow(() -> ValidationException.of("personId", "familyScreening.underAge"));
        Map<String, Integer> scores = s.domains() == null ? Map.of() : s.domains();
        RiskInstruments.Score score = instruments.score(d.code(), scores);
        long id = jdbc.sql("""
                insert into cw_family_screening (family_case_id, person_id, instrument_code, screened_on, total, max_total, level, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(c.id(), child.id(), d.code(), on, score.total(), score.maxTotal(), score.level(), by).query(Long.class).single();
        d.domains().forEach(dom -> jdbc.sql("insert into cw_family_screening_domain (family_case_id, screening_id, domain, score) values (?, ?, ?, ?)")
                .params(c.id(), id, dom.code(), scores.get(dom.code())).update());
        return rows(c.id(), x -> child.name()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private record Child(long id, String name, LocalDate birthDate) {}

    private List<Child> children(FamilyCase c) {
        List<Member> members = families.find(c.familyId()).orElseThrow().currentMembers().stream()
                .filter(m -> m.relation() == Families.Relation.CHILD).toList();
        Map<Long, PersonSummary> persons = people.summaries(members.stream().map(Member::personId).toList()).stream()
                .collect(Collectors.toMap(PersonSummary::id, p -> p, (x, y) -> x));
        return members.stream().map(m -> {
            PersonSummary p = persons.get(m.personId());
            return new Child(m.personId(), p != null ? p.name() : m.name(), p != null && p.birthDate() != null ? p.birthDate() : m.birthDate());
        }).toList();
    }

    private List<ScreeningRow> rows(long caseId, Function<Long, String> name) {
        Map<Long, Map<String, Integer>> domains = new LinkedHashMap<>();
        jdbc.sql("select screening_id, domain, score from cw_family_screening_domain where family_case_id = ? order by screening_id")
                .param(caseId).query((rs, i) -> domains.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3)))
                .list();
        return jdbc.sql("""
                select id, person_id, instrument_code, screened_on, total, max_total, level, created_by from cw_family_screening
                 where family_case_id = ? order by screened_on desc, id desc""").param(caseId)
                .query((rs, i) -> new ScreeningRow(rs.getLong(1), rs.getLong(2), name.apply(rs.getLong(2)), rs.getString(3),
                        instrumentName(rs.getString(3)), rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6), rs.getString(7),
                        domains.getOrDefault(rs.getLong(1), Map.of()), rs.getString(8))).list();
    }

    private String instrumentName(String code) {
        return instruments.find(code).map(RiskInstruments.Definition::name).orElse(code);
    }
}
