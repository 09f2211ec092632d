package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.domain.ClosureReason;
import dk.vendepunkt.casework.domain.Enrolment;
import dk.vendepunkt.casework.domain.FollowUpKind;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the forløb ({@code cw_enrolment}) and of what its changes append: phase history, closure amendments,
 * follow-up tasks. No rules here: {@link Enrolment} decides, this stores.
 */
@Component
class EnrolmentStore {

    private final JdbcClient jdbc;
    private final ProgrammeCatalogue programmes;

    EnrolmentStore(JdbcClient jdbc, ProgrammeCatalogue programmes) {
        this.jdbc = jdbc;
        this.programmes = programmes;
    }

    Enrolment load(long id) {
        return jdbc.sql("""
                select id, person_id, programme, team_id, coordinator_id, phase, start_date, gang_related, baseline, end_date,
                       closure_reason, closure_summary, closed_by, version,
                       (select max(changed_on) from cw_phase_change where enrolment_id = e.id) as last_change
                  from cw_enrolment e where id = ?""").param(id)
                .query((rs, i) -> {
                    LocalDate end = rs.getObject("end_date", LocalDate.class);
                    Enrolment.Closure closure = end == null ? null : new Enrolment.Closure(
                            ClosureReason.valueOf(rs.getString("closure_reason")), end, rs.getString("closure_summary"), rs.getString("closed_by"));
                    return new Enrolment(rs.getLong("id"), rs.getLong("person_id"), programmes.get(rs.getString("programme")),
                            rs.getLong("team_id"), (Long) rs.getObject("coordinator_id"), rs.getString("phase"),
                            rs.getObject("start_date", LocalDate.class), rs.getObject("last_change", LocalDate.class),
                            rs.getBoolean("gang_related"), rs.getString("baseline"), closure, rs.getInt("version"));
                }).optional().orElseThrow(() -> new NotFoundException("enrolment.notFound", id));
    }

    /**
     * Saves the next state of a forløb over the version before it ({@code next.version() - 1}); a forløb changed since
     * (or never at that version) is refused as stale (409). A save that closes the forløb stamps {@code closed_at}.
     */
    void save(Enrolment next) {
        Enrolment.Closure c = next.closure();
        int n = jdbc.sql("""
                update cw_enrolment set coordinator_id = ?, baseline = ?, phase = ?, end_date = ?, closure_reason = ?, closure_summary = ?,
                       closed_by = ?, closed_at = case when end_date is null and ?::date is not null then now() else closed_at end,
                       version = ?
                 where id = ? and version = ?""")
                .params(next.coordinatorId(), next.baseline(), next.phase(), c == null ? null : c.endDate(),
                        c == null ? null : c.reason().name(), c == null ? null : c.summary(), c == null ? null : c.closedBy(),
                        c == null ? null : c.endDate(), next.version(), next.id(), next.version() - 1)
                .update();
        if (n == 0) throw ConflictException.stale();
    }

    /** Creates a forløb with the first history row; returns its id. */
    long create(EnrolmentService.Start s, String phase, String reason) {
        long id = jdbc.sql("""
                insert into cw_enrolment (person_id, programme, referral_id, team_id, coordinator_id, phase, start_date, gang_related,
                                          baseline, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(s.personId(), s.programme().code(), s.referralId(), s.teamId(), s.coordinatorId(), phase, s.startDate(),
                        s.gangRelated(), s.baseline(), s.by())
                .query(Long.class).single();
        appendPhaseChange(id, new Enrolment.PhaseChanged(null, phase, s.startDate(), reason, s.by()));
        return id;
    }

    void appendPhaseChange(long enrolmentId, Enrolment.PhaseChanged c) {
        jdbc.sql("insert into cw_phase_change (enrolment_id, from_phase, to_phase, changed_on, reason, changed_by) values (?, ?, ?, ?, ?, ?)")
                .params(enrolmentId, c.from(), c.to(), c.on(), c.reason(), c.by()).update();
    }

    void appendAmendment(long enrolmentId, Enrolment.ClosureAmended a) {
        jdbc.sql("""
                insert into cw_closure_amendment (enrolment_id, old_reason, new_reason, old_end_date, new_end_date, old_summary, new_summary, why, amended_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(enrolmentId, a.before().reason().name(), a.after().reason().name(), a.before().endDate(), a.after().endDate(),
                        a.before().summary(), a.after().summary(), a.why(), a.by()).update();
    }

    void scheduleFollowUps(long enrolmentId, List<FollowUpKind.Task> tasks) {
        for (FollowUpKind.Task t : tasks) {
            jdbc.sql("insert into cw_follow_up (enrolment_id, kind, due_date) values (?, ?, ?)")
                    .params(enrolmentId, t.kind().name(), t.dueDate()).update();
        }
    }

    /** Follow-ups not yet recorded move to the new schedule; kinds it no longer has are removed, missing ones added. */
    void rescheduleFollowUps(long enrolmentId, List<FollowUpKind.Task> schedule) {
        for (FollowUpKind kind : FollowUpKind.values()) {
            var task = schedule.stream().filter(t -> t.kind() == kind).findFirst();
            if (task.isEmpty()) {
                jdbc.sql("delete from cw_follow_up where enrolment_id = ? and kind = ? and status is null").params(enrolmentId, kind.name()).update();
            } else if (jdbc.sql("update cw_follow_up set due_date = ?, version = version + 1 where enrolment_id = ? and kind = ? and status is null")
                    .params(task.get().dueDate(), enrolmentId, kind.name()).update() == 0) {
                jdbc.sql("insert into cw_follow_up (enrolment_id, kind, due_date) values (?, ?, ?) on conflict (enrolment_id, kind) do nothing")
                        .params(enrolmentId, kind.name(), task.get().dueDate()).update();
            }
        }
    }
}
