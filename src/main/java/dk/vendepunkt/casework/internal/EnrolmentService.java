package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.EnrolmentClosed;
import dk.vendepunkt.casework.domain.ClosureReason;
import dk.vendepunkt.casework.domain.Coordinator;
import dk.vendepunkt.casework.domain.Decision;
import dk.vendepunkt.casework.domain.Enrolment;
import dk.vendepunkt.casework.domain.FollowUpKind;
import dk.vendepunkt.casework.domain.Programme;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.people.Consents;
import dk.vendepunkt.people.PersonDirectory;
import java.time.Clock;
import java.time.LocalDate;
import dk.vendepunkt.platform.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final EnrolmentStore store;
    private final Clock clock;
    private final dk.vendepunkt.platform.FormErrors messages;

    EnrolmentService(JdbcClient jdbc, EnrolmentAccess access, ProgrammeCatalogue programmes, StaffDirectory staff,
                     ApplicationEventPublisher events, PersonDirectory people, Consents consents, EnrolmentStore store, Clock clock,
                     dk.vendepunkt.platform.FormErrors messages) {
        this.clock = clock;
        this.messages = messages;
        this.consents = consents;
        this.store = store;
        this.jdbc = jdbc;
        this.access = access;
        this.programmes = programmes;
        this.staff = staff;
        this.events = events;
        this.people = people;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** What an accepted screening (or the demo data) starts. */
    public record Start(long personId, Programme programme, Long referralId, long teamId, Long coordinatorId, LocalDate startDate,
                        boolean gangRelated, String baseline, String by) {}

    public record PhaseMove(String toPhase, String reason, LocalDate changedOn, Integer version) {}

    public record Change(Long coordinatorId, String baseline, Integer version) {}

    /**
     * A closure; {@code carryOver} names the loose ends ({@link LooseEnd#key()}) the user consciously carries over
     * (null = none).
     */
    public record Closure(String reason, LocalDate endDate, String summary, Integer version, List<String> carryOver) {}

    /**
     * Something still open when a forløb is closed: a planned action of the current plan (PLANNED or IN_PROGRESS), a
     * contact dated after today, or a pool purchase approved but not paid. {@code key} is "ACTION-id", "CONTACT-id"
     * or "PURCHASE-id"; {@code kind} ACTION, CONTACT or PURCHASE.
     */
    public record LooseEnd(String key, String kind, String text, LocalDate date) {}

    /** A loose end in words: "Handling: … (frist 01-02-2027)" (message closure.looseEnd.KIND). */
    public String describe(LooseEnd l) {
        String text = "CONTACT".equals(l.kind()) ? messages.message("caseplan.contactType." + l.text()) : l.text();
        return messages.message("closure.looseEnd." + l.kind(), text,
                l.date() == null ? "–" : dk.vendepunkt.platform.DanishDates.format(l.date()));
    }

    /** The loose ends of a forløb (see {@link LooseEnd}); no access check (callers have read the forløb). */
    public List<LooseEnd> looseEnds(long enrolmentId) {
        LocalDate today = today();
        List<LooseEnd> out = new ArrayList<>();
        out.addAll(jdbc.sql("""
                select a.id, a.text, a.due_date
                  from cw_plan_action a join cw_plan_goal g on g.id = a.goal_id join cw_plan_version v on v.id = g.plan_version_id
                 where v.enrolment_id = ? and a.status in ('PLANNED', 'IN_PROGRESS')
                   and v.number = (select max(number) from cw_plan_version latest where latest.enrolment_id = v.enrolment_id)
                 order by a.due_date nulls last, a.id""")
                .param(enrolmentId).query((rs, i) -> new LooseEnd("ACTION-" + rs.getLong(1), "ACTION", rs.getString(2),
                        rs.getObject(3, LocalDate.class))).list());
        out.addAll(jdbc.sql("select id, contact_type, contact_date from cw_contact where enrolment_id = ? and contact_date > ? order by contact_date, id")
                .params(enrolmentId, today).query((rs, i) -> new LooseEnd("CONTACT-" + rs.getLong(1), "CONTACT", rs.getString(2),
                        rs.getObject(3, LocalDate.class))).list());
        out.addAll(jdbc.sql("select id, purpose, requested_on from cw_pool_purchase where enrolment_id = ? and status = 'APPROVED' order by id")
                .param(enrolmentId).query((rs, i) -> new LooseEnd("PURCHASE-" + rs.getLong(1), "PURCHASE", rs.getString(2),
                        rs.getObject(3, LocalDate.class))).list());
        return out;
    }

    public record PhaseChangeLine(long id, String fromPhase, String fromPhaseName, String toPhase, String toPhaseName,
                                  LocalDate changedOn, String reason, String changedBy) {}

    public record FollowUpLine(long id, String kind, LocalDate dueDate, String status, LocalDate statusDate, String note,
                               String recordedBy, boolean open, boolean overdue, int version, List<FollowUpCorrectionLine> corrections,
                               FollowUpKind.Window window) {}

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
        return store.create(s, s.programme().initialPhase().code(), "Optaget i programmet");
    }

    /** The forløb without access check (system use: demo data). */
    public EnrolmentRef findRef(long id) {
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
                select f.id, f.kind, f.due_date, f.status, f.status_date, f.note, f.recorded_by, f.version, e.end_date
                  from cw_follow_up f join cw_enrolment e on e.id = f.enrolment_id where f.enrolment_id = ?
                 order by f.due_date""").param(enrolmentId)
                .query((rs, i) -> {
                    LocalDate due = rs.getObject(3, LocalDate.class);
                    boolean recorded = rs.getString(4) != null;
                    return new FollowUpLine(rs.getLong(1), rs.getString(2), due, rs.getString(4), rs.getObject(5, LocalDate.class),
                            rs.getString(6), rs.getString(7), !recorded && FollowUpKind.isOpen(due, today),
                            !recorded && FollowUpKind.isOverdue(due, today), rs.getInt(8), corrections.getOrDefault(rs.getLong(1), List.of()),
                            FollowUpKind.valueOf(rs.getString(2)).measurementWindow(rs.getObject(9, LocalDate.class)).orElse(null));
                }).list();
    }

    /** Moves the forløb to another phase; only the programme's allowed transitions, with a reason. */
    @Transactional
    public EnrolmentDetails changePhase(long id, PhaseMove m) {
        access.write(id, "fase");
        apply(store.load(id).changePhase(m.toPhase(), m.reason(), m.changedOn(), m.version(), CurrentUser.username(), today()));
        return details(access.find(id).orElseThrow());
    }

    /** Changes coordinator and baseline (the description of the starting situation the closure is measured against). */
    @Transactional
    public EnrolmentDetails update(long id, Change c) {
        EnrolmentRef ref = access.write(id, "forløb");
        Optional<StaffMember> coordinator = Optional.ofNullable(c.coordinatorId()).flatMap(staff::find).filter(EnrolmentService::mayCoordinate);
        apply(store.load(id).reassign(c.coordinatorId(), coordinator.map(EnrolmentService::coordinator).orElse(null), c.baseline(), c.version()));
        coordinator.ifPresent(s -> s.teamIds().forEach(t -> people.grantTeam(ref.personId(), t)));
        return details(access.find(id).orElseThrow());
    }

    /** Staff who may coordinate a forløb: enabled caseworkers and programme managers. */
    static boolean mayCoordinate(StaffMember s) {
        return s.enabled() && (s.hasRole(Role.CASEWORKER) || s.hasRole(Role.PROGRAMME_MANAGER));
    }

    static Coordinator coordinator(StaffMember s) {
        return new Coordinator(s.id(), s.functions().contains(StaffFunction.EXIT_EXPERT));
    }

    /**
     * Closes the forløb: reason, end date (not before the start, not in the future), summary against the baseline.
     * The forløb moves to the programme's closing phase, the follow-up tasks are created, and
     * {@link EnrolmentClosed} is published inside the transaction.
     */
    @Transactional
    public EnrolmentDetails close(long id, Closure c) {
        access.write(id, "afslutning");
        List<String> carried = c.carryOver() == null ? List.of() : c.carryOver();
        List<LooseEnd> open = looseEnds(id);
        long unresolved = open.stream().filter(l -> !carried.contains(l.key())).count();
        if (unresolved > 0) throw ValidationException.of("carryOver", "closure.looseEnds.unresolved", unresolved);
        apply(store.load(id).close(c.reason(), c.endDate(), c.summary(), c.version(), CurrentUser.username(), today()));
        if (!open.isEmpty()) {
            // what was carried over stays on record in the journal (documentation continues after closure)
            jdbc.sql("insert into cw_journal_note (enrolment_id, note_date, text, author) values (?, ?, ?, ?)")
                    .params(id, c.endDate(), messages.message("closure.looseEnds.note") + "\n" + open.stream()
                            .map(l -> "- " + describe(l)).collect(java.util.stream.Collectors.joining("\n")), CurrentUser.username()).update();
        }
        return details(access.find(id).orElseThrow());
    }

    /**
     * Corrects a closure (reason, end date, summary) with a stated reason; the old and new values are kept. Follow-up
     * tasks not yet recorded move with the end date (and are removed when the reason becomes DECEASED), and
     * {@link EnrolmentClosed} is published again with the corrected values (the outcomes module replaces its row).
     */
    @Transactional
    public EnrolmentDetails amendClosure(long id, Amendment a) {
        access.afterClosure(id, "afslutning rettet");
        apply(store.load(id).amendClosure(a.reason(), a.endDate(), a.summary(), a.why(), a.version(), CurrentUser.username(), today()));
        return details(access.find(id).orElseThrow());
    }

    /** A phase change without access check (a family case moves its children's forløb with it; the caller checked). */
    @Transactional
    public void changePhaseUnchecked(long id, String toPhase, String reason, LocalDate on, String by) {
        Enrolment e = store.load(id);
        if (e.closed() || e.phase().equals(toPhase)) return;
        apply(e.changePhase(toPhase, reason, on, e.version(), by, today()));
    }

    /** The closure itself without access check (the demo data, which has no signed-in user). */
    @Transactional
    public void closeUnchecked(EnrolmentRef ref, ClosureReason reason, LocalDate endDate, String summary, int version, String by) {
        apply(store.load(ref.id()).close(reason.name(), endDate, summary, version, by, today()));
    }

    /**
     * Carries out an accepted decision: saves the new state over the version it was made from (409 when stale), appends
     * what the change records (phase history, closure amendment, follow-ups) and publishes the module's events
     * ({@link EnrolmentClosed}) inside the transaction. A rejection is thrown as a validation error.
     */
    private void apply(Decision<Enrolment> decision) {
        Decision.Accepted<Enrolment> accepted = decision.orThrow();
        Enrolment next = accepted.result();
        store.save(next);
        for (Object event : accepted.events()) {
            switch (event) {
                case Enrolment.PhaseChanged c -> store.appendPhaseChange(next.id(), c);
                case Enrolment.ClosureAmended a -> store.appendAmendment(next.id(), a);
                case Enrolment.FollowUpsScheduled f -> store.scheduleFollowUps(next.id(), f.tasks());
                case Enrolment.FollowUpsRescheduled f -> store.rescheduleFollowUps(next.id(), f.tasks());
                default -> events.publishEvent(event);
            }
        }
    }

    /**
     * The person's forløb that are the user's (their teams' or coordinated by them), newest first; other teams' forløb
     * are left out unless {@code all} (break-the-glass). The caller has checked access to the person and audits the page.
     */
    public List<EnrolmentLine> forPerson(long personId, dk.vendepunkt.organisation.StaffMember user, boolean all) {
        return lines("person_id = ?", personId).stream()
                .filter(l -> all || EnrolmentAccess.mayWorkOn(user, l.teamId(), l.coordinatorId())).toList();
    }

    /** Ongoing forløb coordinated by the user or belonging to the user's teams. */
    public List<EnrolmentLine> ongoingFor(long userId, java.util.Collection<Long> teamIds) {
        return lines("end_date is null and (coordinator_id = ? or team_id = any(?))", userId, teamIds.toArray(Long[]::new));
    }

    /** Every forløb, ongoing or closed, coordinated by the user or belonging to the user's teams. */
    public List<EnrolmentLine> allFor(long userId, java.util.Collection<Long> teamIds) {
        return lines("(coordinator_id = ? or team_id = any(?))", userId, teamIds.toArray(Long[]::new));
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
