package dk.vendepunkt.people.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditedAccessDenied;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.PersonDirectory.Reach;
import dk.vendepunkt.people.PersonSummary;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Families and their members (see {@link Families}); SQL and rules are small, so they live together here. */
@Service
class FamilyService implements Families {

    static final int NAME_MAX = 200;

    private final JdbcClient jdbc;
    private final PersonService persons;
    private final PersonReach reach;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    FamilyService(JdbcClient jdbc, PersonService persons, PersonReach reach, CurrentUser currentUser, AuditLog audit) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.reach = reach;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @Override
    @Transactional
    public long create(NewFamily family) {
        StaffMember u = currentUser.require();
        if (!PersonReach.caseStaff(u)) {
            audit.record(AuditAction.DENIED, null, null, "familie", "rollen giver ikke adgang");
            throw new AuditedAccessDenied("Only caseworkers and programme managers register families");
        }
        return insert(family, u.username());
    }

    @Override
    @Transactional
    public long createSystem(NewFamily family, String by) {
        return insert(family, by);
    }

    private long insert(NewFamily f, String by) {
        String name = Texts.blankToNull(f.name());
        if (name == null) throw ValidationException.of("name", "family.name.required");
        if (name.length() > NAME_MAX) throw ValidationException.of("name", "family.name.tooLong", NAME_MAX);
        long id = jdbc.sql("insert into ppl_family (name, district_code, created_by) values (?, ?, ?) returning id")
                .params(name.trim(), Texts.blankToNull(f.districtCode()), by).query(Long.class).single();
        audit.record(AuditAction.CREATE, null, null, "familie " + id, null);
        return id;
    }

    @Override
    @Transactional
    public void addMember(long familyId, long personId, Relation relation, LocalDate from) {
        checkAccess(familyId, "familie");
        persons.checkAccess(personId);
        insertMember(familyId, personId, relation, from, currentUser.require().username());
    }

    @Override
    @Transactional
    public void addMemberSystem(long familyId, long personId, Relation relation, LocalDate from, String by) {
        exists(familyId);
        insertMember(familyId, personId, relation, from, by);
    }

    private void insertMember(long familyId, long personId, Relation relation, LocalDate from, String by) {
        if (relation == null) throw ValidationException.of("relation", "family.relation.required");
        if (from == null) throw ValidationException.of("from", "family.from.required");
        boolean current = jdbc.sql("select exists(select 1 from ppl_family_member where family_id = ? and person_id = ? and member_to is null)")
                .params(familyId, personId).query(Boolean.class).single();
        if (current) throw ValidationException.of("personId", "family.member.already");
        jdbc.sql("insert into ppl_family_member (family_id, person_id, relation, member_from, created_by) values (?, ?, ?, ?, ?)")
                .params(familyId, personId, relation.name(), from, by).update();
        bump(familyId);
        audit.record(AuditAction.UPDATE, personId, null, "familie " + familyId, "medlem: " + relation.name());
    }

    @Override
    @Transactional
    public void endMembership(long familyId, long personId, LocalDate to) {
        checkAccess(familyId, "familie");
        if (to == null) throw ValidationException.of("to", "family.to.required");
        LocalDate from = jdbc.sql("select member_from from ppl_family_member where family_id = ? and person_id = ? and member_to is null")
                .params(familyId, personId).query(LocalDate.class).optional()
                .orElseThrow(() -> ValidationException.of("personId", "family.member.notCurrent"));
        if (to.isBefore(from)) throw ValidationException.of("to", "family.to.beforeFrom");
        jdbc.sql("update ppl_family_member set member_to = ? where family_id = ? and person_id = ? and member_to is null")
                .params(to, familyId, personId).update();
        jdbc.sql("delete from ppl_parental_authority where family_id = ? and (adult_id = ? or child_id = ?)")
                .params(familyId, personId, personId).update();
        bump(familyId);
        audit.record(AuditAction.UPDATE, personId, null, "familie " + familyId, "medlemskab afsluttet");
    }

    @Override
    @Transactional
    public void setParentalAuthority(long familyId, long adultId, long childId, boolean holds) {
        checkAccess(familyId, "familie");
        authority(familyId, adultId, childId, holds, currentUser.require().username());
    }

    @Override
    @Transactional
    public void setParentalAuthoritySystem(long familyId, long adultId, long childId, boolean holds, String by) {
        authority(familyId, adultId, childId, holds, by);
    }

    private void authority(long familyId, long adultId, long childId, boolean holds, String by) {
        Family f = find(familyId).orElseThrow(() -> new NotFoundException("family.notFound", familyId));
        Member adult = f.member(adultId).orElseThrow(() -> ValidationException.of("adultId", "family.member.notCurrent"));
        Member child = f.member(childId).orElseThrow(() -> ValidationException.of("childId", "family.member.notCurrent"));
        if (!adult.relation().parent()) throw ValidationException.of("adultId", "family.authority.notParent");
        if (child.relation() != Relation.CHILD) throw ValidationException.of("childId", "family.authority.notChild");
        if (holds) {
            jdbc.sql("""
                    insert into ppl_parental_authority (family_id, adult_id, child_id, created_by) values (?, ?, ?, ?)
                    on conflict do nothing""").params(familyId, adultId, childId, by).update();
        } else {
            jdbc.sql("delete from ppl_parental_authority where family_id = ? and adult_id = ? and child_id = ?")
                    .params(familyId, adultId, childId).update();
        }
        bump(familyId);
        audit.record(AuditAction.UPDATE, childId, null, "familie " + familyId,
                (holds ? "forældremyndighed registreret for person " : "forældremyndighed fjernet for person ") + adultId);
    }

    @Override
    public Family read(long familyId) {
        checkAccess(familyId, "familie");
        Family f = find(familyId).orElseThrow();
        audit.shown(AuditAction.READ, f.members().stream().map(Member::personId).distinct().toList(), "familie " + familyId, null);
        return f;
    }

    @Override
    public Optional<Family> find(long familyId) {
        record Head(String name, String district, int version) {}
        Optional<Head> head = jdbc.sql("select name, district_code, version from ppl_family where id = ?").param(familyId)
                .query((rs, i) -> new Head(rs.getString(1), rs.getString(2), rs.getInt(3))).optional();
        if (head.isEmpty()) return Optional.empty();
        record Row(long personId, Relation relation, LocalDate from, LocalDate to) {}
        List<Row> rows = jdbc.sql("""
                select person_id, relation, member_from, member_to from ppl_family_member where family_id = ?
                 order by member_to nulls first, case relation when 'MOTHER' then 1 when 'FATHER' then 2 when 'GUARDIAN' then 3
                          when 'CHILD' then 4 when 'SIBLING' then 5 else 6 end, member_from, id""").param(familyId)
                .query((rs, i) -> new Row(rs.getLong(1), Relation.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class))).list();
        Map<Long, Set<Long>> authority = new HashMap<>();
        jdbc.sql("select adult_id, child_id from ppl_parental_authority where family_id = ?").param(familyId)
                .query((rs, i) -> authority.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2))).list();
        Map<Long, PersonSummary> names = persons.summaries(rows.stream().map(Row::personId).distinct().toList()).stream()
                .collect(Collectors.toMap(PersonSummary::id, Function.identity()));
        List<Member> members = rows.stream().map(r -> {
            PersonSummary p = names.get(r.personId());
            return new Member(r.personId(), p == null ? "?" : p.name(), p == null ? null : p.birthDate(), r.relation(), r.from(), r.to(),
                    r.to() == null ? Set.copyOf(authority.getOrDefault(r.personId(), Set.of())) : Set.of());
        }).toList();
        return Optional.of(new Family(familyId, head.get().name(), head.get().district(), head.get().version(), members));
    }

    @Override
    public void checkAccess(long familyId, String subject) {
        StaffMember u = currentUser.require();
        Access a = access(u, currentMemberIds(familyId));
        if (a.open()) return;
        audit.record(AuditAction.DENIED, a.person(), null, subject + " (familie " + familyId + ")",
                a.barred() ? "begrænsning på et familiemedlem" : "uden for brugerens teams");
        throw new AuditedAccessDenied("Family " + familyId + " is not open to the user");
    }

    @Override
    public boolean canAccess(long familyId) {
        return currentUser.get().map(u -> access(u, currentMemberIds(familyId)).open()).orElse(false);
    }

    /** Whether the family is open to the user, or why not; {@code person}: the member that decided it (for the audit row). */
    private record Access(boolean open, boolean barred, Long person) {}

    /**
     * Open to case staff who may work with at least one current member (team or break-the-glass) and are barred from
     * none; a family without current members (being built) is open to case staff.
     */
    private Access access(StaffMember u, List<Long> members) {
        if (!PersonReach.caseStaff(u)) return new Access(false, false, null);
        boolean anyReached = members.isEmpty();
        for (long p : members) {
            Reach r = reach.of(u, p);
            if (r == Reach.BARRED) return new Access(false, true, p);
            if (r == Reach.TEAM || r == Reach.BREAK_GLASS) anyReached = true;
        }
        return new Access(anyReached, false, anyReached || members.isEmpty() ? null : members.getFirst());
    }

    private List<Long> currentMemberIds(long familyId) {
        exists(familyId);
        return jdbc.sql("select person_id from ppl_family_member where family_id = ? and member_to is null order by id")
                .param(familyId).query(Long.class).list();
    }

    private void exists(long familyId) {
        boolean found = jdbc.sql("select exists(select 1 from ppl_family where id = ?)").param(familyId).query(Boolean.class).single();
        if (!found) throw new NotFoundException("family.notFound", familyId);
    }

    private void bump(long familyId) {
        jdbc.sql("update ppl_family set version = version + 1 where id = ?").param(familyId).update();
    }

    /** Refuses a change over a stale version of the family (409). */
    void requireVersion(long familyId, int version) {
        int n = jdbc.sql("select version from ppl_family where id = ?").param(familyId).query(Integer.class).single();
        if (n != version) throw ConflictException.stale();
    }

    @Override
    public List<FamilyLine> familiesOf(long personId) {
        return jdbc.sql("""
                select f.id, f.name, m.relation, m.member_from, m.member_to from ppl_family_member m join ppl_family f on f.id = m.family_id
                 where m.person_id = ? order by m.member_to nulls first, m.member_from desc""").param(personId)
                .query((rs, i) -> new FamilyLine(rs.getLong(1), rs.getString(2), Relation.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))).list();
    }
}
