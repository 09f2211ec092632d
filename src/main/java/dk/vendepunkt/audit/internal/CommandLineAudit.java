package dk.vendepunkt.audit.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.platform.DatabaseCommandAudit;
import dk.vendepunkt.platform.DatabaseMode;
import dk.vendepunkt.platform.VendepunktProperties;
import java.sql.Connection;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The audit entry of a command-line backup or restore (registered in {@code META-INF/services}): appended to the
 * chain like every other entry, as {@code system} (no one is signed in on the command line), with the key the
 * application uses. The commands run on the embedded database only (an external one is backed up with pg_dump).
 */
public final class CommandLineAudit implements DatabaseCommandAudit {

    @Override
    public void record(Connection c, VendepunktProperties props, Clock clock, String action, String subject, String reason) {
        AuditKey key = new AuditKey(props, new DatabaseMode(true));
        JdbcAuditLog.append(JdbcClient.create(new SingleConnectionDataSource(c, true)), key, clock, "system", null,
                AuditAction.valueOf(action), null, null, null, subject, reason);
    }
}
