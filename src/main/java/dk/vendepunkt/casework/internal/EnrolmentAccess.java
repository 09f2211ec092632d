package dk.vendepunkt.casework.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditedAccessDenied;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.PersonSummary;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one door to a forløb for the casework module's services and pages (core and plan): loads it, checks
 * that the current user is a caseworker or programme manager and that the forløb is theirs — it belongs to one
 * of their teams or they coordinate it — and audits the access with person and forløb. Seeing the person
 * (the people module's team grants, e.g. after a referral on a CPR known elsewhere) is not enough: other
 * teams' forløb, with their notes, plans and purchases, stay closed, except through break-the-glass; a restriction
 * on the person (EXCLUDE/RESTRICT) closes even the own team's forløb. Both through the people module's one rule,
 * {@link PersonDirectory#checkCase}. A refusal is audited as DENIED and thrown as {@link AuditedAccessDenied} (403).
 */
@Component
public class EnrolmentAccess {

    private final JdbcClient jdbc;
    private final PersonDirectory people;
    private final AuditLog audit;
    private final CurrentUser currentUser;
    private final StaffDirectory staff;

    EnrolmentAccess(JdbcClient jdbc, PersonDirectory people, AuditLog audit, CurrentUser currentUser, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.currentUser = currentUser;
        this.staff = staff;
    }

    /** The forløb for reading; audited READ "forløb". */
    public EnrolmentRef read(long enrolmentId) {
        return read(enrolmentId, "forløb");
    }

    /** The forløb for reading; audited READ with the given subject (e.g. "handleplan"). */
    public EnrolmentRef read(long enrolmentId, String subject) {
        EnrolmentRef e = checked(enrolmentId, subject);
        audit.enrolment(AuditAction.READ, e.personId(), e.id(), subject);
        return e;
    }

    /** The forløb for a change; audited UPDATE "forløb". A closed forløb is refused (validation error). */
    public EnrolmentRef write(long enrolmentId) {
        return write(enrolmentId, "forløb");
    }

    /** The forløb for a change; audited UPDATE with the given subject. A closed forløb is refused. */
    public EnrolmentRef write(long enrolmentId, String subject) {
        EnrolmentRef e = checked(enrolmentId, subject);
        if (e.closed()) throw ValidationException.of("enrolment", "enrolment.closed");
        audit.enrolment(AuditAction.UPDATE, e.personId(), e.id(), subject);
        return e;
    }

    /**
     * The forløb for recording what happens after it ended (follow-ups): like {@link #write(long, String)} but a
     * closed forløb is allowed.
     */
    public EnrolmentRef afterClosure(long enrolmentId, String subject) {
        EnrolmentRef e = checked(enrolmentId, subject);
        audit.enrolment(AuditAction.UPDATE, e.personId(), e.id(), subject);
        return e;
    }

    /** Reads the forløb (access check, READ audit) and the names the header shows. */
    public EnrolmentView view(long enrolmentId) {
        return view(read(enrolmentId));
    }

    /** The header data of a forløb already obtained through {@link #read} or {@link #write} (no further audit). */
    public EnrolmentView view(EnrolmentRef e) {
        String personName = people.summaries(List.of(e.personId())).stream().findFirst().map(PersonSummary::name).orElse("?");
        Row names = jdbc.sql("""
                select p.name as programme_name, ph.name as phase_name, e.coordinator_id, e.closure_reason
                  from cw_enrolment e join cw_programme p on p.code = e.programme
                  join cw_programme_phase ph on ph.programme = e.programme and ph.code = e.phase
                 where e.id = ?""").param(e.id())
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4))).single();
        String coordinator = Optional.ofNullable(names.coordinatorId()).flatMap(staff::find).map(StaffMember::displayName).orElse(null);
        String team = staff.team(e.teamId()).map(dk.vendepunkt.organisation.Team::name).orElse(null);
        return new EnrolmentView(e, personName, names.programmeName(), names.phaseName(), coordinator, team, names.closureReason());
    }

    private record Row(String programmeName, String phaseName, Long coordinatorId, String closureReason) {}

    /**
     * True when the forløb is the user's: it belongs to one of their teams or they coordinate it (no audit; for
     * lists that filter).
     */
    public static boolean mayWorkOn(StaffMember user, long teamId, Long coordinatorId) {
        return user.teamIds().contains(teamId) || (coordinatorId != null && coordinatorId == user.id());
    }

    /** Throws the audited refusal unless the current user is case staff. */
    public StaffMember caseStaff(Long personId, Long enrolmentId) {
        Optional<StaffMember> u = currentUser.get();
        if (u.isEmpty() || !(u.get().hasRole(Role.CASEWORKER) || u.get().hasRole(Role.PROGRAMME_MANAGER))) {
            audit.record(AuditAction.DENIED, personId, enrolmentId, "forløb", "rollen giver ikke adgang");
            throw new AuditedAccessDenied("Only caseworkers and programme managers work with forløb");
        }
        return u.get();
    }

    private EnrolmentRef checked(long enrolmentId, String subject) {
        EnrolmentRef e = find(enrolmentId).orElseThrow(() -> new NotFoundException("enrolment.notFound", enrolmentId));
        StaffMember user = caseStaff(e.personId(), e.id());
        boolean coordinates = jdbc.sql("select exists(select 1 from cw_enrolment where id = ? and coordinator_id = ?)")
                .params(e.id(), user.id()).query(Boolean.class).single();
        // the people module's one rule: a restriction on the person bars even the own team; another team's forløb
        // opens only through break-the-glass (audited BREAK_GLASS)
        people.checkCase(e.personId(), e.id(), subject, user.teamIds().contains(e.teamId()) || coordinates);
        return e;
    }

    /** The forløb without any check (system use inside the module, e.g. event handlers and demo data). */
    public Optional<EnrolmentRef> find(long enrolmentId) {
        return jdbc.sql("""
                select id, person_id, programme, team_id, phase, start_date, end_date, version
                  from cw_enrolment where id = ?""").param(enrolmentId)
                .query((rs, i) -> {
                    LocalDate end = rs.getObject("end_date", LocalDate.class);
                    return new EnrolmentRef(rs.getLong("id"), rs.getLong("person_id"), rs.getString("programme"),
                            rs.getLong("team_id"), rs.getString("phase"), rs.getObject("start_date", LocalDate.class), end,
                            end != null, rs.getInt("version"));
                }).optional();
    }
}
