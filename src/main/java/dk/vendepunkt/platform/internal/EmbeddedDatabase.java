package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.VendepunktProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server and its roles. The superuser {@code postgres} has a generated
 * password and is used only here, to set up the roles; the application connects as
 * {@link #APP_ROLE}, which owns its tables but may only SELECT and INSERT on the audit log, which
 * belongs to {@link #AUDIT_ROLE} (a role nobody can log in as).
 */
final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    static final String APP_ROLE = "vendepunkt";
    static final String AUDIT_ROLE = "vendepunkt_audit";
    /** The append-only table: the application may read and add rows, never change or remove them. */
    static final String AUDIT_TABLE = "aud_event";
    /** The audit log's anchors (ADR 0020): the application reads them; only the prune function writes them. */
    static final String ANCHOR_TABLE = "aud_anchor";
    /** Records an anchor and removes the entries it covers, with the audit role's rights (ADR 0020). */
    static final String PRUNE_FUNCTION = "aud_prune(bigint, bigint, char, timestamptz, timestamptz, bigint, timestamptz, char)";
    static final String DATABASE = "postgres";

    private static final String PG_HBA = """
            # Written by Vendepunkt: password (SCRAM) authentication only, local connections only
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    final EmbeddedPostgres server;
    final EmbeddedDbPasswords passwords;

    private EmbeddedDatabase(EmbeddedPostgres server, EmbeddedDbPasswords passwords) {
        this.server = server;
        this.passwords = passwords;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    /**
     * Starts the server on {@code dir} (the data dir's {@code postgres} folder): a server left running by
     * a killed earlier run is stopped first, a new cluster gets password authentication from initdb
     * on, and a cluster made by an older Vendepunkt (trust authentication) is switched to passwords.
     */
    static EmbeddedDatabase start(Path dataDir, Path dir, VendepunktProperties.EmbeddedDb cfg) {
        EmbeddedDbPasswords passwords = EmbeddedDbPasswords.loadOrCreate(dataDir);
        Path pwFile = dataDir.resolve("keys/initdb.pw");
        try {
            Files.createDirectories(dir);
            stopOrphan(dir);
            if (cfg.clean()) deleteContents(dir);
            boolean trusting = Files.exists(dir.resolve("pg_hba.conf")) && trusts(dir.resolve("pg_hba.conf"));
            Files.deleteIfExists(pwFile);
            try {
                Files.createFile(pwFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(pwFile);
            }
            Files.writeString(pwFile, passwords.superuser() + "\n");
            log.info("Starting embedded PostgreSQL in {}", dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(cfg.clean())
                    .setPort(cfg.port())
                    .setServerConfig("timezone", "Europe/Copenhagen")
                    .setServerConfig("synchronous_commit", cfg.clean() ? "off" : "on")
                    .setServerConfig("listen_addresses", "localhost")
                    // the builder passes these to initdb as --auth=… --pwfile=… (after its own "-A trust", so they win)
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", pwFile.toString())
                    .setConnectConfig("password", passwords.superuser())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .start();
            // stopped after the application contexts are closed (not in a shutdown hook racing them), so the
            // beans' own shutdown work (the audit checkpoint) still reaches the database
            org.springframework.boot.SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    log.warn("Could not stop the embedded PostgreSQL in {}", dir, e);
                }
            });
            EmbeddedDatabase db = new EmbeddedDatabase(pg, passwords);
            if (trusting) db.requirePasswords(dir);
            db.ensureRoles();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up the roles of the embedded PostgreSQL in " + dir, e);
        } finally {
            try {
                Files.deleteIfExists(pwFile);
            } catch (IOException ignored) {
                // removed on the next start
            }
        }
    }

    /**
     * A PostgreSQL left running on {@code dir} by a run that was killed (the server outlives the JVM)
     * is shut down, a stale pid file removed; a data dir in use by another running Vendepunkt is refused.
     */
    static void stopOrphan(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        try (FileChannel ch = FileChannel.open(dir.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = ch.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("The embedded PostgreSQL in " + dir + " is in use by another running Vendepunkt");
            }
            List<String> lines = Files.readAllLines(pidFile);
            long pid = lines.isEmpty() ? -1 : parsePid(lines.getFirst());
            Optional<ProcessHandle> server = pid <= 0 ? Optional.empty()
                    : ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(EmbeddedDatabase::isPostgres);
            if (server.isEmpty()) {
                log.info("Removing the stale {} (process {} is not running)", pidFile, pid);
                Files.deleteIfExists(pidFile);
                return;
            }
            log.warn("Stopping the PostgreSQL server (pid {}) left running on {} by an earlier run that did not shut down", pid, dir);
            server.get().destroy(); // SIGTERM: shut down once its (dead) clients' sessions are gone
            try {
                server.get().onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("The PostgreSQL server (pid " + pid + ") left running on " + dir + " did not stop within 60 s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while stopping the PostgreSQL server (pid " + pid + ")", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
            Files.deleteIfExists(pidFile);
        }
    }

    private static long parsePid(String line) {
        try {
            return Long.parseLong(line.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isPostgres(ProcessHandle p) {
        String command = p.info().command().orElse("");
        if (command.isEmpty()) {
            try {
                command = Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).split("\0", 2)[0];
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return command.endsWith("/postgres") || command.equals("postgres");
    }

    private static void deleteContents(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) Files.delete(p);
            }
        }
    }

    private static boolean trusts(Path hba) throws IOException {
        return Files.readAllLines(hba).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .anyMatch(l -> l.matches(".*\\strust(\\s.*)?"));
    }

    /** A cluster made by an older Vendepunkt trusted every local user: set the password, then require it. */
    private void requirePasswords(Path dir) throws IOException, SQLException {
        log.warn("The embedded PostgreSQL in {} accepted local connections without a password; switching it to password authentication", dir);
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("alter role postgres password " + literal(passwords.superuser()));
            Files.writeString(dir.resolve("pg_hba.conf"), PG_HBA);
            s.execute("select pg_reload_conf()");
        }
    }

    Connection superuser() throws SQLException {
        return server.getPostgresDatabase().getConnection();
    }

    /** The two roles and the application's rights on the schema; tables made by an older version are handed to the application role. */
    private void ensureRoles() throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("""
                    do $$ begin
                        if not exists (select from pg_roles where rolname = '%1$s') then create role %1$s login; end if;
                        if not exists (select from pg_roles where rolname = '%2$s') then create role %2$s nologin; end if;
                    end $$""".formatted(APP_ROLE, AUDIT_ROLE));
            s.execute("alter role " + APP_ROLE + " login nosuperuser nocreatedb nocreaterole password " + literal(passwords.application()));
            s.execute("grant usage, create on schema public to " + APP_ROLE);
            // objects created as the superuser by versions before the application role existed
            s.execute("""
                    do $$ declare r record; begin
                        for r in select c.oid::regclass as name, c.relkind from pg_class c
                                 where c.relnamespace = 'public'::regnamespace and c.relowner = 'postgres'::regrole
                                   and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                                   and not exists (select from pg_depend d where d.classid = 'pg_class'::regclass
                                                   and d.objid = c.oid and d.deptype in ('a', 'i')) loop
                            execute format('alter %%s %%s owner to %1$s',
                                case r.relkind when 'S' then 'sequence' when 'v' then 'view'
                                               when 'm' then 'materialized view' when 'f' then 'foreign table' else 'table' end,
                                r.name);
                        end loop;
                        for r in select p.oid::regprocedure as name from pg_proc p
                                 where p.pronamespace = 'public'::regnamespace and p.proowner = 'postgres'::regrole loop
                            execute format('alter routine %%s owner to %1$s', r.name);
                        end loop;
                    end $$""".formatted(APP_ROLE));
        }
    }

    /** Before migrating: the application role gets the audit table back, so a migration may alter it. */
    void beforeMigration() throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("alter table if exists " + AUDIT_TABLE + " owner to " + APP_ROLE);
            s.execute("alter table if exists " + ANCHOR_TABLE + " owner to " + APP_ROLE);
            if (pruneFunctionExists(s)) s.execute("alter function " + PRUNE_FUNCTION + " owner to " + APP_ROLE);
        }
    }

    /**
     * After migrating: the audit table belongs to the audit role; the application may only read and insert. Its
     * anchors and the prune function belong to the audit role too: the application reads anchors and may prune only
     * through the function, which removes no more than the anchor it records covers (ADR 0020).
     */
    void protectAuditTable() throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("alter table " + AUDIT_TABLE + " owner to " + AUDIT_ROLE);
            s.execute("revoke all on " + AUDIT_TABLE + " from " + APP_ROLE);
            s.execute("grant select, insert on " + AUDIT_TABLE + " to " + APP_ROLE);
            if (!pruneFunctionExists(s)) return; // a database migrated only up to before V23_1 (a restored backup)
            s.execute("alter table " + ANCHOR_TABLE + " owner to " + AUDIT_ROLE);
            s.execute("revoke all on " + ANCHOR_TABLE + " from " + APP_ROLE);
            s.execute("grant select on " + ANCHOR_TABLE + " to " + APP_ROLE);
            s.execute("alter function " + PRUNE_FUNCTION + " owner to " + AUDIT_ROLE);
            s.execute("revoke all on function " + PRUNE_FUNCTION + " from public");
            s.execute("grant execute on function " + PRUNE_FUNCTION + " to " + APP_ROLE);
        }
    }

    private static boolean pruneFunctionExists(Statement s) throws SQLException {
        try (var rs = s.executeQuery("select to_regprocedure('" + PRUNE_FUNCTION + "') is not null")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
