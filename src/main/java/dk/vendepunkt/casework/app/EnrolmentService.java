package dk.vendepunkt.casework.app;

import static dk.vendepunkt.casework.app.ReferralService.blank;
import static dk.vendepunkt.casework.app.ReferralService.parse;
import static dk.vendepunkt.casework.app.ReferralService.today;
import static dk.vendepunkt.casework.app.ReferralService.trim;

import dk.vendepunkt.casework.EnrolmentClosed;
import dk.vendepunkt.casework.domain.ClosureReason;
import dk.vendepunkt.casework.domain.FollowUpKind;
import dk.vendepunkt.casework.domain.Phase;
import dk.vendepunkt.casework.domain.Programme;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.people.Consents;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forløb: start (from an accepted screening), phase changes along the programme's allowed transitions with
 * history (who, when, why), coordinator and baseline, closure with reason, end date and a summary against the
 * baseline. Closure schedules the follow-ups and publishes {@link EnrolmentClosed} inside the transaction.
 */
@Service
public class EnrolmentService {

    private final JdbcClient jdbc;
    private final Consents consents;
    private final EnrolmentAccess access;
    private final ProgrammeCatalogue programmes;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final PersonDirectory people;

    EnrolmentService(JdbcClient jdbc, EnrolmentAccess access, ProgrammeCatalogue programmes, StaffDirectory staff,
                     ApplicationEventPublisher events, PersonDirectory people, Consents consents) {
        this.consents = consents;
        this.jdbc = jdbc;
        this.access = access;
        this.programmes = programmes;
        this.staff = staff;
        this.events = events;
        this.people = people;
    }

    /** What an accepted screening (or the demo data) starts. */
    public record Start(long personId, Programme programme, Long referralId, long teamId, Long coordinatorId, LocalDate startDate,
                        boolean gangRelated, String baseline, String by) {}

    public record PhaseMove(String toPhase, String reason, LocalDate changedOn, Integer version) {}

    public record Change(Long coordinatorId, String baseline, Integer version) {}

    public record Closure(String reason, LocalDate endDate, String summary, Integer version) {}

    public record PhaseChangeLine(long id, String fromPhase, String fromPhaseName, String toPhase, String toPhaseName,
                                  LocalDate changedOn, String reason, String changedBy) {}

    public record FollowUpLine(long id, String kind, LocalDate dueDate, String status, LocalDate statusDate, String note,
                               String recordedBy, boolean open, boolean overdue, int version, List<FollowUpCorrectionLine> corrections) {}

    /** A correction of a recorded follow-up: old and new status and date, the corrector's reason, who and when. */
    public record FollowUpCorrectionLine(String oldStatus, LocalDate oldStatusDate, String newStatus, LocalDate newStatusDate, String why,
                                         String correctedBy, java.time.OffsetDateTime correctedAt) {}

    public record PhaseOption(String code, String name) {}

    /**
     * The forløb page and the API's full view.
     *
     * @param consentWithdrawnOn when the consent the referral rested on was withdrawn; null while it stands or when there was none
     */
    public record EnrolmentDetails(EnrolmentView enrolment, Long coordinatorId, boolean gangRelated, String baseline, Long referralId,
                                   String closureReason, String closureSummary, List<PhaseChangeLine> history,
                                   List<PhaseOption> nextPhases, List<FollowUpLine> followUps, List<AmendmentLine> amendments,
                                   LocalDate consentWithdrawnOn) {}

    /** A correction of a closure: old and new values, the amender's reason, who and when. */
    public record AmendmentLine(String oldReason, String newReason, LocalDate oldEndDate, LocalDate newEndDate, String why,
                                String amendedBy, java.time.OffsetDateTime amendedAt) {}

    /** A correction of a closure; {@code why} is required. */
    public record Amendment(String reason, LocalDate endDate, String summary, String why, Integer version) {}

    /** A line of a forløb list (person page, caseload). */
    public record EnrolmentLine(long id, long personId, String programme, String phase, String phaseName, LocalDate startDate,
                                LocalDate endDate, String closureReason, Long coordinatorId, long teamId) {}

    /** Creates the forløb in the programme's initial phase with the first history row. No access check (callers check). */
    @Transactional
    public long start(Start s) {
        String phase = s.programme().initialPhase().code();
        long id = jdbc.sql("""
                insert into cw_enrolment (person_id, programme, referral_id, team_id, coordinator_id, phase, start_date, gang_related,
                                          baseline, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(s.personId(), s.programme().code(), s.referralId(), s.teamId(), s.coordinatorId(), phase, s.startDate(),
                        s.gangRelated(), s.baseline(), s.by())
                .query(Long.class).single();
        history(id, null, phase, s.startDate(), "Optaget i programmet", s.by());
        return id;
    }

    private void history(long enrolmentId, String from, String to, LocalDate on, String reason, String by) {
        jdbc.sql("insert into cw_phase_change (enrolment_id, from_phase, to_phase, changed_on, reason, changed_by) values (?, ?, ?, ?, ?, ?)")
                .params(enrolmentId, from, to, on, reason, by).update();
    }

    /** The forløb without access check (system use: demo data). */
    EnrolmentRef findRef(long id) {
        return access.find(id).orElseThrow();
    }

    public EnrolmentDetails get(long id) {
        return details(access.read(id));
    }

    EnrolmentDetails details(EnrolmentRef ref) {
        EnrolmentView view = access.view(ref);
        Programme programme = programmes.get(ref.programme());
        record Extra(Long coordinatorId, boolean gangRelated, String baseline, Long referralId, String closureReason, String summary) {}
        Extra x = jdbc.sql("select coordinator_id, gang_related, baseline, referral_id, closure_reason, closure_summary from cw_enrolment where id = ?")
                .param(ref.id()).query((rs, i) -> new Extra((Long) rs.getObject(1), rs.getBoolean(2), rs.getString(3),
                        (Long) rs.getObject(4), rs.getString(5), rs.getString(6))).single();
        List<PhaseChangeLine> history = jdbc.sql("""
                select id, from_phase, to_phase, changed_on, reason, changed_by from cw_phase_change where enrolment_id = ?
                 order by changed_on, id""").param(ref.id())
                .query((rs, i) -> new PhaseChangeLine(rs.getLong(1), rs.getString(2),
                        rs.getString(2) == null ? null : programme.phaseName(rs.getString(2)), rs.getString(3),
                        programme.phaseName(rs.getString(3)), rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6)))
                .list();
        List<PhaseOption> next = ref.closed() ? List.of()
                : programme.nextPhases(ref.phase()).stream().map(p -> new PhaseOption(p.code(), p.name())).toList();
        List<AmendmentLine> amendments = jdbc.sql("""
                select old_reason, new_reason, old_end_date, new_end_date, why, amended_by, amended_at from cw_closure_amendment
                 where enrolment_id = ? order by id""").param(ref.id())
                .query((rs, i) -> new AmendmentLine(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getObject(7, java.time.OffsetDateTime.class)))
                .list();
        LocalDate consentWithdrawn = x.referralId() == null ? null
                : consents.withdrawnOn(ref.personId(), ReferralService.consentReference(x.referralId())).orElse(null);
        return new EnrolmentDetails(view, x.coordinatorId(), x.gangRelated(), x.baseline(), x.referralId(), x.closureReason(),
                x.summary(), history, next, followUps(ref.id()), amendments, consentWithdrawn);
    }

    public List<FollowUpLine> followUps(long enrolmentId) {
        LocalDate today = today();
        Map<Long, List<FollowUpCorrectionLine>> corrections = new java.util.HashMap<>();
        jdbc.sql("""
                select c.follow_up_id, c.old_status, c.old_status_date, c.new_status, c.new_status_date, c.why, c.corrected_by, c.corrected_at
                  from cw_follow_up_correction c join cw_follow_up f on f.id = c.follow_up_id where f.enrolment_id = ? order by c.id""")
                .param(enrolmentId).query(rs -> {
                    corrections.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new FollowUpCorrectionLine(rs.getString(2),
                            rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
                            rs.getObject(8, java.time.OffsetDateTime.class)));
                });
        return jdbc.sql("""
                select id, kind, due_date, status, status_date, note, recorded_by, version from cw_follow_up where enrolment_id = ?
                 order by due_date""").param(enrolmentId)
                .query((rs, i) -> {
                    LocalDate due = rs.getObject(3, LocalDate.class);
                    boolean recorded = rs.getString(4) != null;
                    return new FollowUpLine(rs.getLong(1), rs.getString(2), due, rs.getString(4), rs.getObject(5, LocalDate.class),
                            rs.getString(6), rs.getString(7), !recorded && FollowUpKind.isOpen(due, today),
                            !recorded && FollowUpKind.isOverdue(due, today), rs.getInt(8), corrections.getOrDefault(rs.getLong(1), List.of()));
                }).list();
    }

    /** Moves the forløb to another phase; only the programme's allowed transitions, with a reason. */
    @Transactional
    public EnrolmentDetails changePhase(long id, PhaseMove m) {
        EnrolmentRef ref = access.write(id, "fase");
        Programme programme = programmes.get(ref.programme());
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(m.toPhase())) problems.add(FieldProblem.of("toPhase", "enrolment.phase.required"));
        if (blank(m.reason())) problems.add(FieldProblem.of("reason", "enrolment.phase.reason.required"));
        if (m.version() == null) problems.add(FieldProblem.of("version", "common.version.required"));
        LocalDate on = m.changedOn() == null ? today() : m.changedOn();
        LocalDate last = jdbc.sql("select max(changed_on) from cw_phase_change where enrolment_id = ?").param(id)
                .query(LocalDate.class).optional().orElse(ref.startDate());
        if (on.isAfter(today())) problems.add(FieldProblem.of("changedOn", "enrolment.phase.date.future"));
        if (last != null && on.isBefore(last)) problems.add(FieldProblem.of("changedOn", "enrolment.phase.date.beforeLast", last));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        programme.requireTransition(ref.phase(), m.toPhase());
        int n = jdbc.sql("update cw_enrolment set phase = ?, version = version + 1 where id = ? and version = ? and end_date is null")
                .params(m.toPhase(), id, m.version()).update();
        if (n == 0) throw ConflictException.stale();
        history(id, ref.phase(), m.toPhase(), on, m.reason().trim(), CurrentUser.username());
        return details(access.find(id).orElseThrow());
    }

    /** Changes coordinator and baseline (the description of the starting situation the closure is measured against). */
    @Transactional
    public EnrolmentDetails update(long id, Change c) {
        EnrolmentRef ref = access.write(id, "forløb");
        List<FieldProblem> problems = new ArrayList<>();
        if (c.version() == null) problems.add(FieldProblem.of("version", "common.version.required"));
        if (c.coordinatorId() != null && staff.find(c.coordinatorId()).filter(StaffMember::enabled)
                .filter(s -> s.hasRole(Role.CASEWORKER) || s.hasRole(Role.PROGRAMME_MANAGER)).isEmpty()) {
            problems.add(FieldProblem.of("coordinatorId", "screening.coordinator.invalid"));
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        int n = jdbc.sql("update cw_enrolment set coordinator_id = ?, baseline = ?, version = version + 1 where id = ? and version = ? and end_date is null")
                .params(c.coordinatorId(), trim(c.baseline()), id, c.version()).update();
        if (n == 0) throw ConflictException.stale();
        if (c.coordinatorId() != null) staff.find(c.coordinatorId()).ifPresent(s -> s.teamIds().forEach(t -> people.grantTeam(ref.personId(), t)));
        return details(access.find(id).orElseThrow());
    }

    /**
     * Closes the forløb: reason, end date (not before the start, not in the future), summary against the baseline.
     * The forløb moves to the programme's closing phase, the follow-up tasks are created, and
     * {@link EnrolmentClosed} is published inside the transaction.
     */
    @Transactional
    public EnrolmentDetails close(long id, Closure c) {
        EnrolmentRef ref = access.write(id, "afslutning");
        Programme programme = programmes.get(ref.programme());
        List<FieldProblem> problems = closureProblems(ref, c.reason(), c.endDate(), c.summary(), c.version());
        if (!problems.isEmpty()) throw new ValidationException(problems);
        ClosureReason reason = ClosureReason.valueOf(c.reason());
        String by = CurrentUser.username();
        closeUnchecked(ref, programme, reason, c.endDate(), c.summary().trim(), c.version(), by);
        return details(access.find(id).orElseThrow());
    }

    private static List<FieldProblem> closureProblems(EnrolmentRef ref, String reasonCode, LocalDate endDate, String summary, Integer version) {
        List<FieldProblem> problems = new ArrayList<>();
        if (parse(ClosureReason.class, reasonCode) == null) problems.add(FieldProblem.of("reason", "closure.reason.required"));
        if (endDate == null) problems.add(FieldProblem.of("endDate", "closure.endDate.required"));
        else {
            if (endDate.isBefore(ref.startDate())) problems.add(FieldProblem.of("endDate", "closure.endDate.beforeStart", ref.startDate()));
            if (endDate.isAfter(today())) problems.add(FieldProblem.of("endDate", "closure.endDate.future"));
        }
        if (blank(summary)) problems.add(FieldProblem.of("summary", "closure.summary.required"));
        if (version == null) problems.add(FieldProblem.of("version", "common.version.required"));
        return problems;
    }

    /**
     * Corrects a closure (reason, end date, summary) with a stated reason; the old and new values are kept. Follow-up
     * tasks not yet recorded move with the end date (and are removed when the reason becomes DECEASED), and
     * {@link EnrolmentClosed} is published again with the corrected values (the outcomes module replaces its row).
     */
    @Transactional
    public EnrolmentDetails amendClosure(long id, Amendment a) {
        EnrolmentRef ref = access.afterClosure(id, "afslutning rettet");
        List<FieldProblem> problems = new ArrayList<>();
        if (!ref.closed()) problems.add(FieldProblem.of("reason", "closure.amend.notClosed"));
        problems.addAll(closureProblems(ref, a.reason(), a.endDate(), a.summary(), a.version()));
        if (blank(a.why())) problems.add(FieldProblem.of("why", "closure.amend.why.required"));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        record Old(String reason, LocalDate end, String summary, boolean gang) {}
        Old old = jdbc.sql("select closure_reason, end_date, closure_summary, gang_related from cw_enrolment where id = ?").param(id)
                .query((rs, i) -> new Old(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getBoolean(4))).single();
        ClosureReason reason = ClosureReason.valueOf(a.reason());
        String by = CurrentUser.username();
        int n = jdbc.sql("update cw_enrolment set closure_reason = ?, end_date = ?, closure_summary = ?, version = version + 1 where id = ? and version = ?")
                .params(reason.name(), a.endDate(), a.summary().trim(), id, a.version()).update();
        if (n == 0) throw ConflictException.stale();
        jdbc.sql("""
                insert into cw_closure_amendment (enrolment_id, old_reason, new_reason, old_end_date, new_end_date, old_summary, new_summary, why, amended_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, old.reason(), reason.name(), old.end(), a.endDate(), old.summary(), a.summary().trim(), a.why().trim(), by).update();
        List<FollowUpKind.Task> schedule = FollowUpKind.schedule(a.endDate(), reason);
        for (FollowUpKind kind : FollowUpKind.values()) {
            var task = schedule.stream().filter(t -> t.kind() == kind).findFirst();
            if (task.isEmpty()) {
                jdbc.sql("delete from cw_follow_up where enrolment_id = ? and kind = ? and status is null").params(id, kind.name()).update();
            } else if (jdbc.sql("update cw_follow_up set due_date = ?, version = version + 1 where enrolment_id = ? and kind = ? and status is null")
                    .params(task.get().dueDate(), id, kind.name()).update() == 0) {
                jdbc.sql("insert into cw_follow_up (enrolment_id, kind, due_date) values (?, ?, ?) on conflict (enrolment_id, kind) do nothing")
                        .params(id, kind.name(), task.get().dueDate()).update();
            }
        }
        events.publishEvent(new EnrolmentClosed(id, ref.personId(), ref.programme(), ref.startDate(), a.endDate(), reason.name(), old.gang()));
        return details(access.find(id).orElseThrow());
    }

    /** The closure itself (also used by the demo data, which has no signed-in user). */
    @Transactional
    public void closeUnchecked(EnrolmentRef ref, Programme programme, ClosureReason reason, LocalDate endDate, String summary,
                               int version, String by) {
        Phase closing = programme.closingPhase();
        int n = jdbc.sql("""
                update cw_enrolment set end_date = ?, closure_reason = ?, closure_summary = ?, phase = ?, closed_by = ?, closed_at = now(),
                       version = version + 1
                 where id = ? and version = ? and end_date is null""")
                .params(endDate, reason.name(), summary, closing.code(), by, ref.id(), version).update();
        if (n == 0) throw ConflictException.stale();
        if (!ref.phase().equals(closing.code())) history(ref.id(), ref.phase(), closing.code(), endDate, "Forløbet er afsluttet", by);
        for (FollowUpKind.Task t : FollowUpKind.schedule(endDate, reason)) {
            jdbc.sql("insert into cw_follow_up (enrolment_id, kind, due_date) values (?, ?, ?)")
                    .params(ref.id(), t.kind().name(), t.dueDate()).update();
        }
        boolean gang = jdbc.sql("select gang_related from cw_enrolment where id = ?").param(ref.id()).query(Boolean.class).single();
        events.publishEvent(new EnrolmentClosed(ref.id(), ref.personId(), ref.programme(), ref.startDate(), endDate, reason.name(), gang));
    }

    /**
     * The person's forløb that are the user's (their teams' or coordinated by them), newest first; other teams' forløb
     * are left out. The caller has checked access to the person and audits the page.
     */
    public List<EnrolmentLine> forPerson(long personId, dk.vendepunkt.organisation.StaffMember user) {
        return lines("person_id = ?", personId).stream()
                .filter(l -> EnrolmentAccess.mayWorkOn(user, l.teamId(), l.coordinatorId())).toList();
    }

    /** Ongoing forløb coordinated by the user or belonging to the user's teams. */
    public List<EnrolmentLine> ongoingFor(long userId, java.util.Collection<Long> teamIds) {
        return lines("end_date is null and (coordinator_id = ? or team_id = any(?))", userId, teamIds.toArray(Long[]::new));
    }

    private List<EnrolmentLine> lines(String where, Object... params) {
        List<Programme> all = programmes.all();
        return jdbc.sql("select id, person_id, programme, phase, start_date, end_date, closure_reason, coordinator_id, team_id from cw_enrolment where "
                        + where + " order by end_date is not null, start_date desc, id desc")
                .params(params)
                .query((rs, i) -> {
                    String code = rs.getString(3);
                    String phase = rs.getString(4);
                    String phaseName = all.stream().filter(p -> p.code().equals(code)).findFirst().map(p -> p.phaseName(phase)).orElse(phase);
                    return new EnrolmentLine(rs.getLong(1), rs.getLong(2), code, phase, phaseName, rs.getObject(5, LocalDate.class),
                            rs.getObject(6, LocalDate.class), rs.getString(7), (Long) rs.getObject(8), rs.getLong(9));
                }).list();
    }
}
