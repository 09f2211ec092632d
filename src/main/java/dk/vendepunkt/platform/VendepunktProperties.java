package dk.vendepunkt.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator knobs of the running contract ({@code vendepunkt.*}).
 *
 * @param dataDir         where the embedded database and the generated development key live
 * @param demoData        load generated demo data on first start; null means "true on the embedded database"
 * @param bootstrapAdmin  administrator created on a database without users
 * @param cprKey          base64 AES-256 key for CPR encryption; generated into the data dir when empty on the embedded default
 * @param cprHmacKey      base64 key for the CPR blind index; derived like cprKey when empty
 * @param auditKey        base64 HMAC key of the audit log's hash chain and checkpoint; generated like cprKey when empty
 * @param embeddedDb      embedded PostgreSQL settings
 * @param login           lock-out policy
 * @param breakGlass      break-the-glass access to a person outside one's teams
 */
@ConfigurationProperties("vendepunkt")
public record VendepunktProperties(
        Path dataDir,
        Boolean demoData,
        BootstrapAdmin bootstrapAdmin,
        String cprKey,
        String cprHmacKey,
        String auditKey,
        EmbeddedDb embeddedDb,
        Login login,
        BreakGlass breakGlass) {

    public VendepunktProperties {
        if (dataDir == null) dataDir = Path.of("data");
        if (bootstrapAdmin == null) bootstrapAdmin = new BootstrapAdmin(null, null);
        if (embeddedDb == null) embeddedDb = new EmbeddedDb(0, false);
        if (login == null) login = new Login(5, 15);
        if (breakGlass == null) breakGlass = new BreakGlass(null);
    }

    public record BootstrapAdmin(String username, String password) {
        public BootstrapAdmin {
            if (username == null || username.isBlank()) username = "admin";
        }
    }

    /** @param port 0 = a free port; @param clean wipe the data dir at start (tests) */
    public record EmbeddedDb(int port, boolean clean) {}

    /** @param maxFailures failed logins before the account is locked; @param lockMinutes how long */
    public record Login(int maxFailures, int lockMinutes) {}

    /** @param hours how long a break-the-glass access lasts (default 4) */
    public record BreakGlass(Integer hours) {
        public BreakGlass {
            if (hours == null) hours = 4;
            if (hours < 1) throw new IllegalArgumentException("vendepunkt.break-glass.hours must be at least 1");
        }
    }
}
