package dk.vendepunkt.audit.internal;

import dk.vendepunkt.audit.AuditTrail;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The audit trail of one person, read from {@code aud_event} (the same entries the person filter of the log finds). */
@Component
class JdbcAuditTrail implements AuditTrail {

    private final JdbcClient jdbc;

    JdbcAuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Access> accessesTo(long personId) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, enrolment_id, subject, route, reason from aud_event
                 where person_id = ? or person_ids @> array[?::bigint] order by id""")
                .params(personId, personId)
                .query((rs, i) -> new Access(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), (Long) rs.getObject("enrolment_id"), rs.getString("subject"),
                        rs.getString("route"), rs.getString("reason")))
                .list();
    }
}
