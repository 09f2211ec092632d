package dk.vendepunkt.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ServiceLoader;

/**
 * Audits a database command run from the command line ({@code backup --to}, {@code restore --from}), which runs
 * without the application's context: the audit module implements it, found with {@link ServiceLoader}
 * ({@code META-INF/services}), and appends the entry to the hash chain of the database the command worked on, over
 * the command's own connection and in its transaction.
 */
public interface DatabaseCommandAudit {

    /**
     * @param c       a connection to the database, in a transaction the caller commits
     * @param props   the command's settings (the audit key, or the data dir holding the generated one)
     * @param clock   the application's clock (ADR 0010)
     * @param action  the name of an {@code AuditAction}
     * @param subject what was done, in Danish
     * @param reason  the details, in Danish
     */
    void record(Connection c, VendepunktProperties props, java.time.Clock clock, String action, String subject, String reason) throws SQLException;

    /** The audit module's implementation. */
    static DatabaseCommandAudit find() {
        return ServiceLoader.load(DatabaseCommandAudit.class, DatabaseCommandAudit.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No DatabaseCommandAudit: the audit module is missing"));
    }
}
