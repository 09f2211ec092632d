package dk.vendepunkt.casework.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditedAccessDenied;
import dk.vendepunkt.casework.domain.ClosureReason;
import dk.vendepunkt.casework.domain.Decision;
import dk.vendepunkt.casework.domain.Enrolment;
import dk.vendepunkt.casework.domain.FamilyCase;
import dk.vendepunkt.casework.domain.FamilyCase.FamilyChannel;
import dk.vendepunkt.casework.domain.Programme;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Family;
import dk.vendepunkt.people.Families.Member;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Family cases (issue 13): open from a family, move through Opsporing → Udredning → Indsats → Afslutning, set the
 * coordinator pair, close. Access: the case's team (or its coordinators), and through the family's one reach rule
 * (a restriction on any member closes the case even to the team). The children's forløb (programme FAMILY) start when
 * the case enters Udredning and follow its phase; they close with it, so outcomes are measured per child as for Exit.
 */
@Service
public class FamilyCaseService {

    public static final String PROGRAMME = "FAMILY";

    /** A case to open. {@code criteria}: codes of the local inclusion criteria that apply. */
    public record Opening(long familyId, long teamId, String channel, String reason, LocalDate openedOn, List<String> criteria) {}

    /** A family case as pages and the API show it. */
    public record CaseView(long id, long familyId, String familyName, long teamId, String teamName, String phase, String phaseName,
                           String channel, LocalDate openedOn, String reason, Long coordinator1, String coordinator1Name,
                           Long coordinator2, String coordinator2Name, LocalDate endDate, String closureReason, String closureSummary,
                           List<String> criteria, List<ChildForlob> children, int version) {
        public boolean closed() {
            return endDate != null;
        }
    }

    /** A child's forløb in the case. */
    public record ChildForlob(long enrolmentId, long personId, String name, LocalDate startDate, LocalDate endDate) {}

    /** A line of the team's list of family cases. */
    public record CaseLine(long id, long familyId, String familyName, String phase, String phaseName, LocalDate openedOn,
                           Long coordinator1, Long coordinator2, String pair, LocalDate endDate) {}

    private final JdbcClient jdbc;
    private final Families families;
    private final PersonDirectory people;
    private final ProgrammeCatalogue programmes;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final EnrolmentStore enrolments;
    private final EnrolmentService enrolmentService;
    private final FamilyConsentGate consentGate;
    private final Clock clock;

    FamilyCaseService(JdbcClient jdbc, Families families, PersonDirectory people, ProgrammeCatalogue programmes, StaffDirectory staff,
                      CurrentUser currentUser, AuditLog audit, EnrolmentStore enrolments, EnrolmentService enrolmentService, FamilyConsentGate consentGate,
                      Clock clock) {
        this.jdbc = jdbc;
        this.families = families;
        this.people = people;
        this.programmes = programmes;
        this.staff = staff;
        this.currentUser = currentUser;
        this.audit = audit;
        this.enrolments = enrolments;
        this.enrolmentService = enrolmentService;
        this.consentGate = consentGate;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Opens a case for a family in Opsporing, on behalf of the current user (a member of {@code teamId}). */
    @Transactional
    public long open(Opening o) {
        StaffMember u = caseStaff(null);
        if (!u.teamIds().contains(o.teamId())) throw ValidationException.of("teamId", "family.case.team.notYours");
        families.checkAccess(o.familyId(), "familiesag");
        return insert(o, u.username());
    }

    /** Opens a case without a signed-in user (demo data). */
    @Transactional
    public long openSystem(Opening o, String by) {
        families.find(o.familyId()).orElseThrow(() -> new NotFoundException("family.notFound", o.familyId()));
        return insert(o, by);
    }

    private long insert(Opening o, String by) {
        List<ValidationException.FieldProblem> problems = new ArrayList<>();
        FamilyCase.reasonRequired(o.reason()).ifPresent(problems::add);
        FamilyChannel channel = dk.vendepunkt.platform.Enums.parseOrNull(FamilyChannel.class, o.channel());
        if (channel == null) problems.add(ValidationException.FieldProblem.of("channel", "family.case.channel.required"));
        LocalDate on = o.openedOn() == null ? today() : o.openedOn();
        if (on.isAfter(today())) problems.add(ValidationException.FieldProblem.of("openedOn", "family.case.openedOn.future"));
        // only active criteria may be chosen; a deactivated one stays on the cases opened with it
        List<String> known = criteria().stream().filter(Criterion::active).map(Criterion::code).toList();
        List<String> chosen = o.criteria() == null ? List.of() : o.criteria().stream().distinct().toList();
        if (!known.containsAll(chosen)) problems.add(ValidationException.FieldProblem.of("criteria", "family.case.criteria.unknown"));
        if (hasOpenCase(o.familyId())) problems.add(ValidationException.FieldProblem.of("familyId", "family.case.alreadyOpen"));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        Programme p = programmes.get(PROGRAMME);
        String phase = p.initialPhase().code();
        long id = jdbc.sql("""
                insert into cw_family_case (family_id, team_id, phase, channel, opened_on, reason, created_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(o.familyId(), o.teamId(), phase, channel.name(), on, o.reason().trim(), by).query(Long.class).single();
        for (String c : chosen) {
            jdbc.sql("insert into cw_family_case_criterion (family_case_id, criterion_code) values (?, ?)").params(id, c).update();
        }
        appendPhaseChange(id, new Enrolment.PhaseChanged(null, phase, on, "Familiesag oprettet", by));
        Family f = families.find(o.familyId()).orElseThrow();
        for (Member m : f.currentMembers()) people.grantTeam(m.personId(), o.teamId());
        audit.shown(AuditAction.CREATE, f.currentMembers().stream().map(Member::personId).toList(), "familiesag " + id, channel.name());
        return id;
    }

    /** Whether the family has a case that is not closed. */
    public boolean hasOpenCase(long familyId) {
        return jdbc.sql("select exists(select 1 from cw_family_case where family_id = ? and end_date is null)")
                .param(familyId).query(Boolean.class).single();
    }

    /** A local inclusion criterion of the programme (the municipality's checklist). */
    public record Criterion(String code, String name, int position, boolean active) {}

    public List<Criterion> criteria() {
        return jdbc.sql("select code, name, position, active from cw_inclusion_criterion where programme = ? order by position, code")
                .param(PROGRAMME).query((rs, i) -> new Criterion(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4))).list();
    }

    /** The case for reading: access checked, audited under every current member. */
    public CaseView read(long id) {
        FamilyCase c = checked(id, "familiesag");
        CaseView v = view(c);
        audit.shown(AuditAction.READ, memberIds(c), "familiesag " + id, null);
        return v;
    }

    /**
     * The case for a change by the current user: access checked (team or coordinator, the family open to them), open,
     * audited as UPDATE with {@code subject}. For the family model's other parts (assessment, plan, measurements).
     */
    public FamilyCase write(long id, String subject) {
        FamilyCase c = checked(id, subject);
        if (c.closed()) throw ValidationException.of("familyCase", "family.case.closed");
        audit.shown(AuditAction.UPDATE, memberIds(c), "familiesag " + id + ": " + subject, null);
        return c;
    }

    /** The case for reading a part of it ({@code subject}), access checked and audited as READ. */
    public FamilyCase readPart(long id, String subject) {
        FamilyCase c = checked(id, subject);
        audit.shown(AuditAction.READ, memberIds(c), "familiesag " + id + ": " + subject, null);
        return c;
    }

    @Transactional
    public CaseView changePhase(long id, String toPhase, String reason, LocalDate on, Integer version) {
        FamilyCase c = write(id, "fase");
        Decision<FamilyCase> d = c.changePhase(toPhase, reason, on, version, CurrentUser.username(), today());
        if (d instanceof Decision.Accepted<FamilyCase> a) consentGate.check(a.result(), a.result().lastPhaseChange());
        apply(d);
        return view(load(id));
    }

    /** Sets the coordinator pair (two core team members of the case's team from different departments). */
    @Transactional
    public CaseView assignPair(long id, Long coordinator1, Long coordinator2, Integer version) {
        FamilyCase c = write(id, "koordinatorpar");
        apply(c.assignPair(candidate(coordinator1, c.teamId()), candidate(coordinator2, c.teamId()), version));
        return view(load(id));
    }

    @Transactional
    public CaseView close(long id, String reason, LocalDate endDate, String summary, Integer version) {
        FamilyCase c = write(id, "afslutning");
        apply(c.close(reason, endDate, summary, version, CurrentUser.username(), today()));
        return view(load(id));
    }

    /** System variants for the demo data (no signed-in user). */
    @Transactional
    public void changePhaseSystem(long id, String toPhase, String reason, LocalDate on, String by) {
        FamilyCase c = load(id);
        apply(c.changePhase(toPhase, reason, on, c.version(), by, today()));
    }

    @Transactional
    public void assignPairSystem(long id, long coordinator1, long coordinator2) {
        FamilyCase c = load(id);
        apply(c.assignPair(candidate(coordinator1, c.teamId()), candidate(coordinator2, c.teamId()), c.version()));
    }

    @Transactional
    public void closeSystem(long id, ClosureReason reason, LocalDate endDate, String summary, String by) {
        FamilyCase c = load(id);
        apply(c.close(reason.name(), endDate, summary, c.version(), by, today()));
    }

    private FamilyCase.Candidate candidate(Long userId, long teamId) {
        if (userId == null) return null;
        Optional<StaffMember> s = staff.find(userId).filter(StaffMember::enabled);
        return new FamilyCase.Candidate(userId, s.map(m -> m.teamIds().contains(teamId)).orElse(false),
                s.map(m -> m.functions().contains(StaffFunction.CORE_TEAM_MEMBER)).orElse(false),
                s.map(StaffMember::departmentCode).orElse(null));
    }

    /**
     * Carries out an accepted decision: saves over the version it was made from (409 when stale), appends the phase
     * history, and moves the children's forløb with the case: they start on entering Udredning (children 6-22 not yet
     * enrolled), follow each phase change, and close with the case.
     */
    private void apply(Decision<FamilyCase> decision) {
        Decision.Accepted<FamilyCase> accepted = decision.orThrow();
        FamilyCase next = accepted.result();
        Enrolment.Closure cl = next.closure();
        int n = jdbc.sql("""
                update cw_family_case set phase = ?, coordinator_1 = ?, coordinator_2 = ?, end_date = ?, closure_reason = ?,
                       closure_summary = ?, version = ? where id = ? and version = ?""")
                .params(next.phase(), next.coordinator1(), next.coordinator2(), cl == null ? null : cl.endDate(),
                        cl == null ? null : cl.reason().name(), cl == null ? null : cl.summary(), next.version(), next.id(), next.version() - 1)
                .update();
        if (n == 0) throw ConflictException.stale();
        for (Object event : accepted.events()) {
            if (event instanceof Enrolment.PhaseChanged pc) {
                appendPhaseChange(next.id(), pc);
                if (cl != null) closeChildren(next, cl);
                else if (FamilyCase.ENROLMENT_PHASE.equals(pc.to())) enrolChildren(next, pc);
                else moveChildren(next, pc);
            }
        }
    }

    private void enrolChildren(FamilyCase c, Enrolment.PhaseChanged pc) {
        Programme p = programmes.get(PROGRAMME);
        Family f = families.find(c.familyId()).orElseThrow();
        Set<Long> enrolled = Set.copyOf(childEnrolments(c.id()).stream().map(ChildForlob::personId).toList());
        boolean gang = jdbc.sql("select exists(select 1 from cw_family_case_criterion where family_case_id = ? and criterion_code = 'GANG_RELATION')")
                .param(c.id()).query(Boolean.class).single();
        for (Member m : FamilyConsentGate.toEnrol(f, p, enrolled, pc.on())) {
            long e = enrolments.create(new EnrolmentService.Start(m.personId(), p, null, c.teamId(), c.coordinator1(), pc.on(), gang,
                    null, pc.by()), pc.to(), "Familiesagen er gået i udredning");
            jdbc.sql("update cw_enrolment set family_case_id = ? where id = ?").params(c.id(), e).update();
            audit.enrolment(AuditAction.CREATE, m.personId(), e, "forløb i familiesag " + c.id());
        }
    }

    private void moveChildren(FamilyCase c, Enrolment.PhaseChanged pc) {
        for (ChildForlob e : childEnrolments(c.id())) {
            if (e.endDate() == null) enrolmentService.changePhaseUnchecked(e.enrolmentId(), pc.to(), pc.reason(), pc.on(), pc.by());
        }
    }

    private void closeChildren(FamilyCase c, Enrolment.Closure cl) {
        for (ChildForlob e : childEnrolments(c.id())) {
            if (e.endDate() != null) continue;
            EnrolmentRef ref = enrolmentService.findRef(e.enrolmentId());
            enrolmentService.closeUnchecked(ref, cl.reason(), cl.endDate(), cl.summary(), ref.version(), cl.closedBy());
        }
    }

    private void appendPhaseChange(long caseId, Enrolment.PhaseChanged c) {
        jdbc.sql("""
                insert into cw_family_phase_change (family_case_id, from_phase, to_phase, changed_on, reason, changed_by)
                values (?, ?, ?, ?, ?, ?)""").params(caseId, c.from(), c.to(), c.on(), c.reason(), c.by()).update();
    }

    /** The case without any check (system use inside the module). */
    public FamilyCase load(long id) {
        return jdbc.sql("""
                select id, family_id, team_id, phase, channel, opened_on, coordinator_1, coordinator_2, end_date, closure_reason,
                       closure_summary, version, (select max(changed_on) from cw_family_phase_change where family_case_id = c.id) as last_change
                  from cw_family_case c where id = ?""").param(id)
                .query((rs, i) -> {
                    LocalDate end = rs.getObject("end_date", LocalDate.class);
                    Enrolment.Closure closure = end == null ? null : new Enrolment.Closure(ClosureReason.valueOf(rs.getString("closure_reason")),
                            end, rs.getString("closure_summary"), null);
                    return new FamilyCase(rs.getLong("id"), rs.getLong("family_id"), programmes.get(PROGRAMME), rs.getLong("team_id"),
                            rs.getString("phase"), FamilyChannel.valueOf(rs.getString("channel")), rs.getObject("opened_on", LocalDate.class),
                            rs.getObject("last_change", LocalDate.class), (Long) rs.getObject("coordinator_1"), (Long) rs.getObject("coordinator_2"),
                            closure, rs.getInt("version"));
                }).optional().orElseThrow(() -> new NotFoundException("family.case.notFound", id));
    }

    private FamilyCase checked(long id, String subject) {
        FamilyCase c = load(id);
        StaffMember u = caseStaff(id);
        boolean own = u.teamIds().contains(c.teamId()) || Long.valueOf(u.id()).equals(c.coordinator1())
                || Long.valueOf(u.id()).equals(c.coordinator2());
        if (!own) {
            audit.record(AuditAction.DENIED, memberIds(c).stream().findFirst().orElse(null), null, "familiesag " + id + ": " + subject,
                    "uden for brugerens teams");
            throw new AuditedAccessDenied("Family case " + id + " is not the user's");
        }
        families.checkAccess(c.familyId(), "familiesag " + id + ": " + subject);
        return c;
    }

    private StaffMember caseStaff(Long caseId) {
        StaffMember u = currentUser.require();
        if (!u.hasRole(Role.CASEWORKER) && !u.hasRole(Role.PROGRAMME_MANAGER)) {
            audit.record(AuditAction.DENIED, null, null, caseId == null ? "familiesag" : "familiesag " + caseId, "rollen giver ikke adgang");
            throw new AuditedAccessDenied("Only caseworkers and programme managers work with family cases");
        }
        return u;
    }

    private List<Long> memberIds(FamilyCase c) {
        return families.find(c.familyId()).map(f -> f.currentMembers().stream().map(Member::personId).toList()).orElse(List.of());
    }

    public List<ChildForlob> childEnrolments(long caseId) {
        List<ChildForlob> rows = jdbc.sql("""
                select id, person_id, start_date, end_date from cw_enrolment where family_case_id = ? order by id""").param(caseId)
                .query((rs, i) -> new ChildForlob(rs.getLong(1), rs.getLong(2), null, rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class))).list();
        var names = people.summaries(rows.stream().map(ChildForlob::personId).toList()).stream()
                .collect(java.util.stream.Collectors.toMap(dk.vendepunkt.people.PersonSummary::id, dk.vendepunkt.people.PersonSummary::name));
        return rows.stream().map(r -> new ChildForlob(r.enrolmentId(), r.personId(), names.getOrDefault(r.personId(), "?"), r.startDate(),
                r.endDate())).toList();
    }

    private CaseView view(FamilyCase c) {
        Family f = families.find(c.familyId()).orElseThrow();
        String reason = jdbc.sql("select reason from cw_family_case where id = ?").param(c.id()).query(String.class).single();
        List<String> crit = jdbc.sql("select criterion_code from cw_family_case_criterion where family_case_id = ? order by 1")
                .param(c.id()).query(String.class).list();
        return new CaseView(c.id(), c.familyId(), f.name(), c.teamId(), staff.team(c.teamId()).map(dk.vendepunkt.organisation.Team::name).orElse(null),
                c.phase(), c.programme().phaseName(c.phase()), c.channel().name(), c.openedOn(), reason, c.coordinator1(), name(c.coordinator1()),
                c.coordinator2(), name(c.coordinator2()), c.closure() == null ? null : c.closure().endDate(),
                c.closure() == null ? null : c.closure().reason().name(), c.closure() == null ? null : c.closure().summary(), crit,
                childEnrolments(c.id()), c.version());
    }

    private String name(Long userId) {
        return userId == null ? null : staff.find(userId).map(StaffMember::displayName).orElse(null);
    }

    /**
     * The family cases of the user's teams (or coordinated by them), open first, newest first; cases of families a
     * restriction bars from the user are left out. The list's own audit row names the members shown.
     */
    public List<CaseLine> forTeams(StaffMember u, boolean includeClosed) {
        Collection<Long> teams = u.teamIds();
        List<CaseLine> rows = jdbc.sql("""
                select c.id, c.family_id, c.phase, c.opened_on, c.coordinator_1, c.coordinator_2, c.end_date
                  from cw_family_case c
                 where (c.team_id = any(?) or c.coordinator_1 = ? or c.coordinator_2 = ?) and (? or c.end_date is null)
                 order by c.end_date nulls first, c.opened_on desc, c.id desc""")
                .params(teams.toArray(Long[]::new), u.id(), u.id(), includeClosed)
                .query((rs, i) -> new CaseLine(rs.getLong(1), rs.getLong(2), null, rs.getString(3), null, rs.getObject(4, LocalDate.class),
                        (Long) rs.getObject(5), (Long) rs.getObject(6), null, rs.getObject(7, LocalDate.class))).list();
        Programme p = programmes.get(PROGRAMME);
        List<CaseLine> shown = new ArrayList<>();
        for (CaseLine r : rows) {
            if (!families.canAccess(r.familyId())) continue;
            String family = families.find(r.familyId()).map(Family::name).orElse("?");
            String pair = r.coordinator1() == null ? null : name(r.coordinator1()) + " / " + name(r.coordinator2());
            shown.add(new CaseLine(r.id(), r.familyId(), family, r.phase(), p.phaseName(r.phase()), r.openedOn(), r.coordinator1(),
                    r.coordinator2(), pair, r.endDate()));
        }
        return shown;
    }
}
