package dk.vendepunkt.outcomes;

import dk.vendepunkt.outcomes.Codes.FollowUpStatus;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Follow-up statuses after discharge, whether imported or recorded in case work: one per person and date. */
@Component
class FollowUps {

    private final JdbcClient jdbc;

    FollowUps(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
