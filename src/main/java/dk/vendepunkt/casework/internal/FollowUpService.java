package dk.vendepunkt.casework.internal;

import static dk.vendepunkt.platform.Enums.parseOrNull;
import static dk.vendepunkt.platform.Texts.blankToNull;

import dk.vendepunkt.casework.FollowUpRecorded;
import dk.vendepunkt.casework.domain.FollowUpKind;
import dk.vendepunkt.casework.domain.FollowUpStatus;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up tasks after closure: recording the person's status (education, employment, activation, none) with
 * date and note publishes {@link FollowUpRecorded}; the lists of open and overdue tasks feed the caseload and the
 * programme dashboard. Open/overdue are defined in {@link FollowUpKind}.
 */
@Service
public class FollowUpService {

    private final JdbcClient jdbc;
    private final EnrolmentAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FollowUpService(JdbcClient jdbc, EnrolmentAccess access, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.access = access;
        this.events = events;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** How long past its due date a missing follow-up stays in the caseload. */
    public static final int CASELOAD_DAYS = 365;

    public record Entry(String status, LocalDate statusDate, String note, Integer version) {}

    /** A correction of a recorded follow-up; {@code why} is required. */
    public record Correction(String status, LocalDate statusDate, String note, String why, Integer version) {}

    /** A follow-up task with its forløb (for lists). */
    public record Task(long id, long enrolmentId, long personId, String programme, String kind, LocalDate endDate, LocalDate dueDate,
                       boolean overdue, int version) {}

    /** Records the follow-up (API: no warning about the measurement window); answers the forløb's id. */
    @Transactional
    public long record(long followUpId, Entry e) {
        return record(followUpId, e, true);
    }

    /**
     * Records the follow-up; answers the forløb's id. Unless {@code outsideWindowConfirmed}, a status date outside the
     * follow-up's measurement window ({@link FollowUpKind#measurementWindow}) is refused with the warning
     * {@value #OUTSIDE_WINDOW} on {@code statusDate}, which the user may confirm.
     */
    @Transactional
    public long record(long followUpId, Entry e, boolean outsideWindowConfirmed) {
        Stored row = stored(followUpId);
        EnrolmentRef ref = access.afterClosure(row.enrolmentId(), "opfølgning " + followUpId);
        List<FieldProblem> problems = new ArrayList<>();
        if (row.status() != null) problems.add(FieldProblem.of("status", "followUp.alreadyRecorded"));
        FollowUpStatus status = parseOrNull(FollowUpStatus.class, e.status());
        problems.addAll(entryProblems(ref, status, e.statusDate(), e.version()));
        if (problems.isEmpty() && !outsideWindowConfirmed) problems.addAll(windowWarning(row.kind(), ref.endDate(), e.statusDate()));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        int n = jdbc.sql("""
                update cw_follow_up set status = ?, status_date = ?, note = ?, recorded_by = ?, recorded_at = now(), version = version + 1
                 where id = ? and version = ? and status is null""")
                .params(status.name(), e.statusDate(), blankToNull(e.note()), CurrentUser.username(), followUpId, e.version()).update();
        if (n == 0) throw ConflictException.stale();
        events.publishEvent(new FollowUpRecorded(ref.id(), ref.personId(), e.statusDate(), status.name()));
        return ref.id();
    }

    private record Stored(long enrolmentId, FollowUpKind kind, String status, LocalDate statusDate, String note) {}

    private Stored stored(long followUpId) {
        return jdbc.sql("select enrolment_id, kind, status, status_date, note from cw_follow_up where id = ?").param(followUpId)
                .query((rs, i) -> new Stored(rs.getLong(1), FollowUpKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5))).optional()
                .orElseThrow(() -> new NotFoundException("followUp.notFound", followUpId));
    }

    /** The message code of the warning that a status date lies outside the measurement window. */
    public static final String OUTSIDE_WINDOW = "followUp.statusDate.outsideWindow";

    private static List<FieldProblem> windowWarning(FollowUpKind kind, LocalDate endDate, LocalDate statusDate) {
        if (!kind.outsideWindow(endDate, statusDate)) return List.of();
        FollowUpKind.Window w = kind.measurementWindow(endDate).orElseThrow();
        return List.of(FieldProblem.of("statusDate", OUTSIDE_WINDOW, dk.vendepunkt.platform.DanishDates.format(w.from()), dk.vendepunkt.platform.DanishDates.format(w.to())));
    }

    private List<FieldProblem> entryProblems(EnrolmentRef ref, FollowUpStatus status, LocalDate statusDate, Integer version) {
        List<FieldProblem> problems = new ArrayList<>();
        if (status == null) problems.add(FieldProblem.of("status", "followUp.status.required"));
        if (statusDate == null) problems.add(FieldProblem.of("statusDate", "followUp.statusDate.required"));
        else {
            if (ref.endDate() != null && statusDate.isBefore(ref.endDate())) problems.add(FieldProblem.of("statusDate", "followUp.statusDate.beforeEnd", ref.endDate()));
            if (statusDate.isAfter(today())) problems.add(FieldProblem.of("statusDate", "followUp.statusDate.future"));
        }
        if (version == null) problems.add(FieldProblem.of("version", "common.version.required"));
        return problems;
    }

    /**
     * Corrects a recorded follow-up (status, date, note) with a stated reason; the old and new values are kept, and
     * {@link FollowUpRecorded} is published with the date it replaces (the outcomes module moves its row). Answers the
     * forløb's id.
     */
    @Transactional
    public long correct(long followUpId, Correction c) {
        return correct(followUpId, c, true);
    }

    /** Corrects a recorded follow-up; a new status date outside the measurement window is a warning as in {@link #record(long, Entry, boolean)}. */
    @Transactional
    public long correct(long followUpId, Correction c, boolean outsideWindowConfirmed) {
        Stored row = stored(followUpId);
        EnrolmentRef ref = access.afterClosure(row.enrolmentId(), "opfølgning rettet " + followUpId);
        List<FieldProblem> problems = new ArrayList<>();
        if (row.status() == null) problems.add(FieldProblem.of("status", "followUp.notRecorded"));
        FollowUpStatus status = parseOrNull(FollowUpStatus.class, c.status());
        problems.addAll(entryProblems(ref, status, c.statusDate(), c.version()));
        if (c.why() == null || c.why().isBlank()) problems.add(FieldProblem.of("why", "followUp.correction.why.required"));
        if (problems.isEmpty() && !outsideWindowConfirmed) problems.addAll(windowWarning(row.kind(), ref.endDate(), c.statusDate()));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        int n = jdbc.sql("update cw_follow_up set status = ?, status_date = ?, note = ?, version = version + 1 where id = ? and version = ?")
                .params(status.name(), c.statusDate(), blankToNull(c.note()), followUpId, c.version()).update();
        if (n == 0) throw ConflictException.stale();
        jdbc.sql("""
                insert into cw_follow_up_correction (follow_up_id, old_status, new_status, old_status_date, new_status_date, old_note, new_note,
                  why, corrected_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(followUpId, row.status(), status.name(), row.statusDate(), c.statusDate(), row.note(), blankToNull(c.note()), c.why().trim(),
                        CurrentUser.username()).update();
        events.publishEvent(new FollowUpRecorded(ref.id(), ref.personId(), c.statusDate(), status.name(), row.statusDate()));
        return ref.id();
    }

    /** Records a follow-up without a signed-in user (demo data, system use); publishes {@link FollowUpRecorded}. */
    @Transactional
    public void recordUnchecked(long followUpId, FollowUpStatus status, LocalDate statusDate, String note, String by) {
        record Row(long enrolmentId, long personId) {}
        Row row = jdbc.sql("select f.enrolment_id, e.person_id from cw_follow_up f join cw_enrolment e on e.id = f.enrolment_id where f.id = ?")
                .param(followUpId).query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2))).single();
        jdbc.sql("update cw_follow_up set status = ?, status_date = ?, note = ?, recorded_by = ?, recorded_at = now(), version = version + 1 where id = ?")
                .params(status.name(), statusDate, note, by, followUpId).update();
        events.publishEvent(new FollowUpRecorded(row.enrolmentId(), row.personId(), statusDate, status.name()));
    }

    /**
     * Unrecorded tasks that are open (due within {@link FollowUpKind#OPENS_BEFORE_DAYS} days, or past due by less than
     * {@link #CASELOAD_DAYS} days) for forløb of the teams or coordinator. Older missing follow-ups stay on the programme
     * manager's overdue list.
     */
    public List<Task> openFor(long userId, Collection<Long> teamIds) {
        LocalDate today = today();
        return tasks("f.due_date between ? and ? and (e.coordinator_id = ? or e.team_id = any(?))", today.minusDays(CASELOAD_DAYS),
                today.plusDays(FollowUpKind.OPENS_BEFORE_DAYS), userId, teamIds.toArray(Long[]::new));
    }

    /** Overdue tasks of a programme (programme manager's list), most recently due first. */
    public List<Task> overdue(String programme) {
        return tasks("e.programme = ? and f.due_date < ?", programme, today().minusDays(FollowUpKind.GRACE_DAYS)).reversed();
    }

    /** A recorded follow-up whose status date lies outside its measurement window: lost for the effect measure. */
    public record Late(long id, long enrolmentId, long personId, String kind, LocalDate endDate, LocalDate statusDate, FollowUpKind.Window window) {}

    /**
     * The programme's recorded 3-month follow-ups with a status date outside the measurement window
     * ({@link FollowUpKind#measurementWindow}), most recently ended forløb first.
     */
    public List<Late> outsideWindow(String programme) {
        return jdbc.sql("""
                select f.id, f.enrolment_id, e.person_id, f.kind, e.end_date, f.status_date
                  from cw_follow_up f join cw_enrolment e on e.id = f.enrolment_id
                 where f.status is not null and f.kind = 'MONTHS_3' and e.programme = ?
                   and (f.status_date < e.end_date + ? or f.status_date > e.end_date + ?)
                 order by e.end_date desc, f.id""")
                .params(programme, FollowUpKind.WINDOW_FROM_DAYS, FollowUpKind.WINDOW_TO_DAYS)
                .query((rs, i) -> {
                    FollowUpKind kind = FollowUpKind.valueOf(rs.getString(4));
                    LocalDate end = rs.getObject(5, LocalDate.class);
                    return new Late(rs.getLong(1), rs.getLong(2), rs.getLong(3), kind.name(), end, rs.getObject(6, LocalDate.class),
                            kind.measurementWindow(end).orElseThrow());
                }).list();
    }

    public long overdueCount(String programme) {
        return jdbc.sql("select count(*) from cw_follow_up f join cw_enrolment e on e.id = f.enrolment_id where f.status is null and e.programme = ? and f.due_date < ?")
                .params(programme, today().minusDays(FollowUpKind.GRACE_DAYS)).query(Long.class).single();
    }

    private List<Task> tasks(String where, Object... params) {
        LocalDate today = today();
        return jdbc.sql("""
                select f.id, f.enrolment_id, e.person_id, e.programme, f.kind, e.end_date, f.due_date, f.version
                  from cw_follow_up f join cw_enrolment e on e.id = f.enrolment_id
                 where f.status is null and\s""" + where + " order by f.due_date, f.id")
                .params(params)
                .query((rs, i) -> new Task(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        FollowUpKind.isOverdue(rs.getObject(7, LocalDate.class), today), rs.getInt(8)))
                .list();
    }
}
