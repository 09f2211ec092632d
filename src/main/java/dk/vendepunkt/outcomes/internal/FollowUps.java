package dk.vendepunkt.outcomes.internal;

import dk.vendepunkt.outcomes.internal.Codes.FollowUpStatus;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Follow-up statuses after discharge, whether imported or recorded in case work: one per person and date. */
@Component
public class FollowUps {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    FollowUps(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public record Status(long person, LocalDate date, FollowUpStatus status) {}

    /** Imported statuses in batches; returns how many were new (the others replaced a status of that person and date). */
    public int upsertAll(java.util.List<Status> statuses) {
        java.util.Set<String> existing = new java.util.HashSet<>();
        Long[] persons = statuses.stream().map(Status::person).distinct().toArray(Long[]::new);
        template.query("select person, status_date from out_follow_up where person = any(?)",
                rs -> { existing.add(rs.getLong(1) + "|" + rs.getDate(2).toLocalDate()); }, (Object) persons);
        template.batchUpdate("""
                insert into out_follow_up (person, status_date, status, source) values (?, ?, ?, 'IMPORT')
                on conflict (person, status_date) do update set status = excluded.status, source = excluded.source, updated_at = now()""",
                statuses, 1000, (ps, s) -> {
                    ps.setLong(1, s.person());
                    ps.setObject(2, s.date());
                    ps.setString(3, s.status().name());
                });
        return (int) statuses.stream().filter(s -> !existing.contains(s.person() + "|" + s.date())).count();
    }

    /** Removes a status that case work recorded for this forløb on that date (a corrected follow-up's old date). */
    void removeFromCasework(long person, LocalDate date, long caseworkEnrolmentId) {
        jdbc.sql("delete from out_follow_up where person = ? and status_date = ? and source = 'CASEWORK' and casework_enrolment_id = ?")
                .params(person, date, caseworkEnrolmentId).update();
    }

    /** @return true when created, false when an existing status of that person and date was replaced */
    boolean upsert(long person, LocalDate date, FollowUpStatus status, String source, Long caseworkEnrolmentId) {
        return jdbc.sql("""
                insert into out_follow_up (person, status_date, status, source, casework_enrolment_id) values (?, ?, ?, ?, ?)
                on conflict (person, status_date) do update set status = excluded.status, source = excluded.source,
                    casework_enrolment_id = coalesce(excluded.casework_enrolment_id, out_follow_up.casework_enrolment_id), updated_at = now()
                returning (xmax = 0)""")
                .params(person, date, status.name(), source, caseworkEnrolmentId).query(Boolean.class).single();
    }
}
