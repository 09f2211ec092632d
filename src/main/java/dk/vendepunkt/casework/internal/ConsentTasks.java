package dk.vendepunkt.casework.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.people.ConsentWithdrawn;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a consent a forløb rests on is withdrawn ({@link ConsentWithdrawn}, synchronously in the withdrawing
 * transaction), each ongoing forløb resting on it (through the referral the consent was recorded for) gets a task for
 * its owner — the coordinator, or else the team — to find another legal basis or end the processing, due
 * {@link #DUE_DAYS} days after the withdrawal. The tasks are listed with the follow-ups on the caseload and on the
 * forløb page, where they are resolved with a note. ADR 0011.
 */
@Service
public class ConsentTasks {

    /** Days from the withdrawal until the task is due. */
    public static final int DUE_DAYS = 14;

    /** How a task was resolved. */
    public enum Resolution { OTHER_BASIS, ENDED }

    public record Task(long id, long enrolmentId, long personId, String programme, long consentId, LocalDate dueDate, boolean overdue) {}

    private final JdbcClient jdbc;
    private final EnrolmentAccess access;
    private final AuditLog audit;
    private final Clock clock;

    ConsentTasks(JdbcClient jdbc, EnrolmentAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(ConsentWithdrawn event) {
        Long referral = ReferralService.referralOf(event.reference());
        if (referral == null) return;
        List<Long> ongoing = jdbc.sql("select id from cw_enrolment where referral_id = ? and end_date is null order by id")
                .param(referral).query(Long.class).list();
        for (long enrolment : ongoing) create(enrolment, event, "opgave: samtykke trukket tilbage");
    }

    /** Gives the forløb the task for the withdrawn consent (once), audited with {@code subject}. */
    void create(long enrolment, ConsentWithdrawn event, String subject) {
        int created = jdbc.sql("""
                insert into cw_case_task (enrolment_id, kind, consent_id, due_date) values (?, 'CONSENT_WITHDRAWN', ?, ?)
                on conflict do nothing""").params(enrolment, event.consentId(), event.withdrawnOn().plusDays(DUE_DAYS)).update();
        if (created > 0) audit.record(AuditAction.CREATE, event.personId(), enrolment, subject, "samtykke " + event.consentId());
    }

    /** Open tasks of forløb the user coordinates or whose team they are on (the caseload). */
    public List<Task> openFor(long userId, Collection<Long> teamIds) {
        return tasks("(e.coordinator_id = ? or e.team_id = any(?))", userId, teamIds.toArray(Long[]::new));
    }

    /** Open tasks of one forløb (already read by the caller). */
    public List<Task> openFor(long enrolmentId) {
        return tasks("t.enrolment_id = ?", enrolmentId);
    }

    /** Resolves an open task of a forløb: another basis found (named in the note) or the processing ended. */
    @Transactional
    public void resolve(long enrolmentId, long taskId, String resolution, String note) {
        EnrolmentRef e = access.afterClosure(enrolmentId, "opgave: samtykke trukket tilbage");
        List<FieldProblem> problems = new ArrayList<>();
        Resolution r = null;
        try {
            r = resolution == null || resolution.isBlank() ? null : Resolution.valueOf(resolution);
        } catch (IllegalArgumentException ex) {
            // reported below
        }
        if (r == null) problems.add(FieldProblem.of("resolution", "consentTask.resolution.required"));
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text == null) problems.add(FieldProblem.of("resolutionNote", "consentTask.note.required"));
        else Texts.check(problems, "resolutionNote", text, Texts.SHORT * 5);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        int n = jdbc.sql("""
                update cw_case_task set resolution = ?, resolution_note = ?, resolved_on = ?, resolved_by = ?
                 where id = ? and enrolment_id = ? and resolution is null""")
                .params(r.name(), text, LocalDate.now(clock), CurrentUser.username(), taskId, e.id()).update();
        if (n == 0) throw new NotFoundException("consentTask.notFound", taskId);
    }

    private List<Task> tasks(String where, Object... params) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select t.id, t.enrolment_id, e.person_id, e.programme, t.consent_id, t.due_date
                  from cw_case_task t join cw_enrolment e on e.id = t.enrolment_id
                 where t.resolution is null and\s""" + where + " order by t.due_date, t.id")
                .params(params)
                .query((rs, i) -> new Task(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(6, LocalDate.class).isBefore(today)))
                .list();
    }
}
