package dk.vendepunkt.people.internal;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Family;
import dk.vendepunkt.people.Families.Member;
import dk.vendepunkt.people.Families.Relation;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the family page and the families API do on top of {@link Families}: add a member who is either a known person
 * or a new one (registered by CPR and names for one of the user's teams), save the parental-authority matrix of a
 * family in one go (each adult × child pair its own row), and list the families the user may work with.
 */
@Service
public class FamilyEditing {

    /** A member to add: an existing person ({@code personId}) or a new one ({@code cpr}, names, {@code teamId}). */
    public record NewMember(Long personId, String cpr, String firstName, String lastName, Long teamId, String relation, LocalDate from) {}

    /** One adult × child pair of the matrix that holds parental authority. */
    public record Pair(long adultId, long childId) {}

    /** The whole matrix: the pairs that hold authority (all others do not), saved over {@code version}. */
    public record AuthorityMatrix(Integer version, List<Pair> authority) {}

    /** A line of the list of families. */
    public record FamilyRow(long id, String name, String districtCode, int currentMembers) {}

    private final Families families;
    private final FamilyService familyService;
    private final PersonDirectory people;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    FamilyEditing(Families families, FamilyService familyService, PersonDirectory people, CurrentUser currentUser, JdbcClient jdbc) {
        this.families = families;
        this.familyService = familyService;
        this.people = people;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /** Adds the member (registering a new person first when no {@code personId} is given); answers the person's id. */
    @Transactional
    public long addMember(long familyId, NewMember m) {
        families.checkAccess(familyId, "familie");
        List<FieldProblem> problems = new ArrayList<>();
        Relation relation = Enums.parseOrNull(Relation.class, m.relation());
        if (relation == null) problems.add(FieldProblem.of("relation", "family.relation.required"));
        if (m.from() == null) problems.add(FieldProblem.of("from", "family.from.required"));
        if (m.personId() == null && Texts.isBlank(m.cpr())) problems.add(FieldProblem.of("personId", "family.member.choose"));
        if (m.personId() == null && m.teamId() == null) problems.add(FieldProblem.of("teamId", "family.member.team.required"));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        long personId = m.personId() != null ? m.personId()
                : people.registerOrFind(new PersonDirectory.NewPerson(m.cpr().trim(), m.firstName(), m.lastName(), null, null, null, null,
                m.teamId()));
        families.addMember(familyId, personId, relation, m.from());
        return personId;
    }

    /**
     * Saves the parental-authority matrix: every current adult (mother, father, guardian) × child pair holds authority
     * when it is listed and not otherwise; only the pairs that change are written. A pair outside the matrix is
     * refused; a stale version gives 409.
     */
    @Transactional
    public void saveAuthority(long familyId, AuthorityMatrix matrix) {
        families.checkAccess(familyId, "familie");
        if (matrix.version() == null) throw ValidationException.of("version", "family.version.required");
        familyService.requireVersion(familyId, matrix.version());
        Family f = families.find(familyId).orElseThrow();
        List<Pair> wanted = matrix.authority() == null ? List.of() : matrix.authority();
        for (Pair p : wanted) {
            boolean inMatrix = f.parents().stream().anyMatch(a -> a.personId() == p.adultId())
                    && f.children().stream().anyMatch(c -> c.personId() == p.childId());
            if (!inMatrix) throw ValidationException.of("authority", "family.authority.notInFamily");
        }
        for (Member adult : f.parents()) {
            for (Member child : f.children()) {
                boolean holds = wanted.contains(new Pair(adult.personId(), child.personId()));
                if (holds != f.hasAuthority(adult.personId(), child.personId())) {
                    families.setParentalAuthority(familyId, adult.personId(), child.personId(), holds);
                }
            }
        }
    }

    /**
     * The families the user may work with (a current member in one of the user's teams and none barred; a family
     * without members yet when the user registered it), by name; {@code q} filters on the name.
     */
    public List<FamilyRow> mine(String q) {
        StaffMember u = currentUser.require();
        Collection<Long> teams = u.teamIds();
        String like = Texts.isBlank(q) ? null : "%" + q.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
        List<FamilyRow> rows = jdbc.sql("""
                select f.id, f.name, f.district_code,
                       (select count(*) from ppl_family_member m where m.family_id = f.id and m.member_to is null) as members
                  from ppl_family f
                 where (exists (select 1 from ppl_family_member m join ppl_person_team t on t.person_id = m.person_id
                                 where m.family_id = f.id and m.member_to is null and t.team_id = any(?))
                        or (f.created_by = ? and not exists (select 1 from ppl_family_member m where m.family_id = f.id and m.member_to is null)))
                   and (cast(? as text) is null or lower(f.name) like cast(? as text))
                 order by f.name, f.id limit 500""")
                .params(teams.toArray(Long[]::new), u.username(), like, like)
                .query((rs, i) -> new FamilyRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4))).list();
        return rows.stream().filter(r -> families.canAccess(r.id())).toList();
    }
}
