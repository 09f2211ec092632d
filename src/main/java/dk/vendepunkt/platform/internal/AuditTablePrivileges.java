package dk.vendepunkt.platform.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks that the database role the application connects as cannot UPDATE, DELETE or TRUNCATE the
 * audit log (see README, "Database roles"). The embedded default is set up that way; on an external
 * database it is the operator's grants. A role that can is reported loudly at start and in the
 * health details ({@code auditTable}, shown to administrators); the application still runs.
 */
@Component("auditTable")
public class AuditTablePrivileges implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(AuditTablePrivileges.class);

    private final JdbcClient jdbc;

    AuditTablePrivileges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The privileges on the audit table that the application's role has but must not have (empty when it is set up right). */
    public List<String> excessPrivileges() {
        return jdbc.sql("""
                select p from unnest(array['UPDATE', 'DELETE', 'TRUNCATE']) p
                where has_table_privilege(current_user, ?, p)""")
                .param(EmbeddedDatabase.AUDIT_TABLE)
                .query(String.class).list();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAtStart() {
        List<String> excess = excessPrivileges();
        if (!excess.isEmpty()) {
            log.warn("""
                    *** The database role '{}' may {} the audit log table {}: the audit log is not append-only \
                    against this role. Give {} to a role the application cannot use and grant it only SELECT, INSERT \
                    (README, "Database roles"). ***""",
                    jdbc.sql("select current_user").query(String.class).single(), String.join(", ", excess),
                    EmbeddedDatabase.AUDIT_TABLE, EmbeddedDatabase.AUDIT_TABLE);
        }
    }

    @Override
    public Health health() {
        List<String> excess = excessPrivileges();
        return Health.up()
                .withDetail("appendOnlyForApplicationRole", excess.isEmpty())
                .withDetail("excessPrivileges", excess)
                .build();
    }
}
