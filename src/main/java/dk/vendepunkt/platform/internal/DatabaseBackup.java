package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.VendepunktProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup and restore of the embedded default ({@code java -jar vendepunkt.jar backup --to FILE} /
 * {@code restore --from FILE}). The embedded binaries have no pg_dump, so the backup is Vendepunkt's own: one zip
 * with every table of the schema as PostgreSQL binary COPY, read in one repeatable-read snapshot as the superuser
 * (so the audit log, which the application role may not change, is read like any table), the sequences, the
 * applied migrations, the audit checkpoint and the generated development keys of the data dir.
 * <p>
 * A restore builds the database the way a first start does (a new cluster, the roles, the migrations as the
 * application role, the audit table handed to the audit role) and then replaces the rows: so ownership and
 * privileges are exactly what the application expects, whatever they were where the backup was made. It goes into
 * a data dir without a database only; the same Vendepunkt version (the same migrations) must restore it.
 */
public final class DatabaseBackup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);

    static final String FORMAT = "vendepunkt-backup-1";
    private static final String MANIFEST = "manifest.properties", SEQUENCES = "sequences.properties",
            TABLES = "tables/", KEYS = "keys/", CHECKPOINT = "audit-checkpoint.json", DEMO_LOGINS = "demo-logins.txt";
    private static final String HISTORY = "flyway_schema_history";

    private DatabaseBackup() {}

    /** What a backup holds, for the command's output and tests. */
    public record Summary(int tables, long rows, List<String> migrations, boolean keys) {}

    /** Writes the audit entry of a backup or restore in the transaction of the given connection ({@code DatabaseCommandAudit}). */
    public interface Auditor {
        void record(Connection c, String action, String subject, String reason) throws SQLException;
    }

    /**
     * Writes the backup of the embedded database in {@code dataDir} to {@code to} (mode 0600: it holds personal data
     * and, on the embedded default, the keys). A server running on the data dir (the application is up) is read
     * while it runs; otherwise one is started for the backup and stopped again. Audited (EXPORT) in the database after
     * the snapshot, so the backup itself does not hold its entry.
     */
    public static Summary backup(Path dataDir, Path to, Auditor audit) {
        Path dir = dataDir.resolve("postgres").toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("PG_VERSION"))) {
            throw new IllegalStateException("There is no embedded database in " + dir);
        }
        EmbeddedDbPasswords passwords = EmbeddedDbPasswords.loadOrCreate(dataDir);
        // read before the snapshot: the checkpoint then never counts more entries than the backup holds
        Optional<byte[]> checkpoint = read(dataDir.resolve(CHECKPOINT));
        Optional<Integer> running = runningPort(dir);
        EmbeddedDatabase started = running.isPresent() ? null
                : EmbeddedDatabase.start(dataDir, dir, new VendepunktProperties.EmbeddedDb(0, false));
        int port = running.orElseGet(() -> started.server.getPort());
        Path tmp = to.toAbsolutePath().resolveSibling(to.getFileName() + ".part");
        try (Connection c = superuser(port, passwords)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read, read only");
            }
            List<String> migrations = migrations(c);
            List<String> tables = tables(c);
            Map<String, Long> rows = new LinkedHashMap<>();
            createPrivate(tmp);
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                var copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (String t : tables) {
                    zip.putNextEntry(new ZipEntry(TABLES + t));
                    rows.put(t, copy.copyOut("copy " + quote(t) + " to stdout (format binary)", zip));
                    zip.closeEntry();
                }
                put(zip, SEQUENCES, properties(sequences(c)));
                checkpoint.ifPresent(b -> put(zip, CHECKPOINT, b));
                read(dataDir.resolve(DEMO_LOGINS)).ifPresent(b -> put(zip, DEMO_LOGINS, b));
                List<Path> keys = developmentKeys(dataDir);
                for (Path k : keys) put(zip, KEYS + k.getFileName(), Files.readAllBytes(k));
                Map<String, String> manifest = new LinkedHashMap<>();
                manifest.put("format", FORMAT);
                manifest.put("created", snapshotTime(c)); // the server's time of the snapshot, not this JVM's
                manifest.put("migrations", String.join(",", migrations));
                manifest.put("tables", String.join(",", tables));
                rows.forEach((t, n) -> manifest.put("rows." + t, Long.toString(n)));
                put(zip, MANIFEST, properties(manifest));
                c.commit();
                Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                long total = rows.values().stream().mapToLong(Long::longValue).sum();
                audit.record(c, "EXPORT", "backup", "hele databasen (" + tables.size() + " tabeller, " + total + " rækker) skrevet til "
                        + to.toAbsolutePath() + "; " + commandLine());
                c.commit();
                log.info("Backup of {} written to {}: {} tables, {} rows, {} migrations", dir, to, tables.size(), total, migrations.size());
                return new Summary(tables.size(), total, migrations, !keys.isEmpty());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the backup " + to, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the embedded database in " + dir, e);
        } finally {
            deleteQuietly(tmp);
            if (started != null) stop(started);
        }
    }

    /**
     * Restores {@code from} into {@code dataDir}, which must not hold a database yet (move an old data dir aside
     * first). Keys and the audit checkpoint in the backup are written to the data dir; keys already there must be
     * the same. Audited (IMPORT) in the restored database, after the restored entries.
     */
    public static Summary restore(Path dataDir, Path from, Auditor audit) {
        Path dir = dataDir.resolve("postgres").toAbsolutePath().normalize();
        if (Files.exists(dir.resolve("PG_VERSION"))) {
            throw new IllegalStateException("The data dir " + dataDir + " already holds a database (" + dir
                    + "): restore into a new data dir, or move the old one aside first");
        }
        try (ZipFile zip = new ZipFile(from.toFile())) {
            Map<String, String> manifest = properties(entry(zip, MANIFEST).orElseThrow(() ->
                    new IllegalStateException(from + " is not a Vendepunkt backup (no " + MANIFEST + ")")));
            if (!FORMAT.equals(manifest.get("format"))) {
                throw new IllegalStateException(from + " is not a Vendepunkt backup of format " + FORMAT + ": " + manifest.get("format"));
            }
            List<String> migrations = split(manifest.get("migrations"));
            List<String> tables = split(manifest.get("tables"));
            writeKeys(zip, dataDir);
            EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, dir, new VendepunktProperties.EmbeddedDb(0, false));
            long total = 0;
            try {
                migrate(db, migrations);
                try (Connection c = db.superuser()) {
                    c.setAutoCommit(false);
                    List<String> here = tables(c);
                    if (!new TreeSet<>(here).equals(new TreeSet<>(tables))) {
                        throw new IllegalStateException("The backup's tables differ from this version's: restore with the version that made it");
                    }
                    try (Statement s = c.createStatement()) {
                        // no triggers (the audit log's refusals, the report counters) and no foreign-key checks while the
                        // rows go back exactly as they were
                        s.execute("set local session_replication_role = replica");
                        s.execute("truncate " + tables.stream().map(DatabaseBackup::quote).collect(Collectors.joining(", ")));
                    }
                    var copy = c.unwrap(PGConnection.class).getCopyAPI();
                    for (String t : tables) {
                        try (InputStream in = zip.getInputStream(zip.getEntry(TABLES + t))) {
                            long n = copy.copyIn("copy " + quote(t) + " from stdin (format binary)", in);
                            long expected = Long.parseLong(manifest.getOrDefault("rows." + t, "-1"));
                            if (n != expected) throw new IllegalStateException("Table " + t + ": " + n + " rows restored, backup says " + expected);
                            total += n;
                        }
                    }
                    Map<String, String> sequences = properties(entry(zip, SEQUENCES).orElse(new byte[0]));
                    try (var ps = c.prepareStatement("select setval(?::regclass, ?, true)")) {
                        for (var e : sequences.entrySet()) {
                            ps.setString(1, quote(e.getKey()));
                            ps.setLong(2, Long.parseLong(e.getValue()));
                            ps.execute();
                        }
                    }
                    audit.record(c, "IMPORT", "gendannelse", "hele databasen (" + tables.size() + " tabeller, " + total + " rækker) gendannet fra "
                            + from.toAbsolutePath() + ", backup taget " + manifest.get("created") + "; " + commandLine());
                    c.commit();
                }
            } finally {
                stop(db);
            }
            Optional<byte[]> checkpoint = entry(zip, CHECKPOINT);
            if (checkpoint.isPresent()) Files.write(dataDir.resolve(CHECKPOINT), checkpoint.get());
            Optional<byte[]> logins = entry(zip, DEMO_LOGINS);
            if (logins.isPresent()) Files.write(dataDir.resolve(DEMO_LOGINS), logins.get());
            log.info("Restored {} into {}: {} tables, {} rows", from, dir, tables.size(), total);
            return new Summary(tables.size(), total, migrations, zip.stream().anyMatch(e -> e.getName().startsWith(KEYS)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the backup " + from, e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not restore " + from + " into " + dir, e);
        }
    }

    /** Who ran the command, for the audit entry (on the command line no one is signed in). */
    private static String commandLine() {
        return "kommandolinjen, styresystemets bruger " + System.getProperty("user.name");
    }

    /** The migrations as a first start runs them (as the application role), up to the backup's last one, which must be all of the backup's. */
    private static void migrate(EmbeddedDatabase db, List<String> migrations) throws SQLException {
        MigrationVersion last = migrations.stream().map(MigrationVersion::fromVersion).max(MigrationVersion::compareTo)
                .orElseThrow(() -> new IllegalStateException("The backup names no migration"));
        Flyway flyway = Flyway.configure()
                .dataSource(db.jdbcUrl(), EmbeddedDatabase.APP_ROLE, db.passwords.application())
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .target(last)
                .load();
        flyway.migrate();
        db.protectAuditTable();
        try (Connection c = db.superuser()) {
            List<String> applied = migrations(c);
            if (!new TreeSet<>(applied).equals(new TreeSet<>(migrations))) {
                throw new IllegalStateException("This version's migrations up to " + last + " differ from the backup's: restore with the "
                        + "version that made it (backup: " + migrations + ", here: " + applied + ")");
            }
        }
    }

    private static List<String> migrations(Connection c) throws SQLException {
        return strings(c, "select version from " + HISTORY + " where success and version is not null order by installed_rank");
    }

    /** The schema's tables, the migration history excepted. */
    private static List<String> tables(Connection c) throws SQLException {
        List<String> partitioned = strings(c, "select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'p'");
        if (!partitioned.isEmpty()) throw new IllegalStateException("Partitioned tables are not supported by the backup: " + partitioned);
        return strings(c, "select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' and relname <> '"
                + HISTORY + "' order by relname");
    }

    private static Map<String, String> sequences(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select sequencename, last_value from pg_sequences where schemaname = 'public' and last_value is not null order by 1")) {
            while (rs.next()) out.put(rs.getString(1), Long.toString(rs.getLong(2)));
        }
        return out;
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    /** The port of a PostgreSQL running on {@code dir} (line 4 of postmaster.pid), if its process is alive. */
    private static Optional<Integer> runningPort(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"));
            long pid = Long.parseLong(lines.getFirst().trim());
            if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) return Optional.empty();
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Connection superuser(int port, EmbeddedDbPasswords passwords) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", passwords.superuser());
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + EmbeddedDatabase.DATABASE, p);
    }

    /** The development keys the embedded default generated (not the database passwords: a new cluster gets new ones). */
    private static List<Path> developmentKeys(Path dataDir) throws IOException {
        Path keys = dataDir.resolve("keys");
        if (!Files.isDirectory(keys)) return List.of();
        try (Stream<Path> files = Files.list(keys)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(Path.of(EmbeddedDbPasswords.FILE).getFileName().toString()))
                    .filter(p -> !p.getFileName().toString().endsWith(".pw"))
                    .sorted().toList();
        }
    }

    private static void writeKeys(ZipFile zip, Path dataDir) throws IOException {
        for (ZipEntry e : zip.stream().filter(e -> e.getName().startsWith(KEYS)).toList()) {
            Path target = dataDir.resolve("keys").resolve(Path.of(e.getName().substring(KEYS.length())).getFileName());
            byte[] content = zip.getInputStream(e).readAllBytes();
            if (Files.exists(target)) {
                if (!java.util.Arrays.equals(Files.readAllBytes(target), content)) {
                    throw new IllegalStateException(target + " exists with another key than the backup's: restore into a new data dir");
                }
                continue;
            }
            Files.createDirectories(target.getParent());
            createPrivate(target);
            Files.write(target, content);
        }
    }

    private static void createPrivate(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<byte[]> entry(ZipFile zip, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) return Optional.empty();
        try (InputStream in = zip.getInputStream(e)) {
            return Optional.of(in.readAllBytes());
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] properties(Map<String, String> values) {
        Properties p = new Properties();
        p.putAll(values);
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<String, String> properties(byte[] content) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(new String(content, java.nio.charset.StandardCharsets.UTF_8)));
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : List.of(csv.split(","));
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void stop(EmbeddedDatabase db) {
        try {
            db.server.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover .part file is harmless
        }
    }

    private static String snapshotTime(Connection c) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("select to_char(now() at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
