package dk.vendepunkt.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.platform.VendepunktProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A data dir made by a version before the database roles (trust authentication, every table owned by
 * the superuser) is switched to passwords and handed to the roles on its first start.
 */
class EmbeddedDatabaseUpgradeIT {

    @TempDir Path dataDir;

    @Test
    void anOldTrustingClusterGetsPasswordsAndTheRoles() throws Exception {
        Path dir = dataDir.resolve("postgres");
        Files.createDirectories(dir);
        // what the previous version did: zonky's defaults (trust), migrations as the superuser
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
             Connection c = old.getPostgresDatabase().getConnection()) {
            migrate(c);
        }

        EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, dir, new VendepunktProperties.EmbeddedDb(0, false));
        try {
            assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("trust");
            String url = db.jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close()).isInstanceOf(SQLException.class);

            db.beforeMigration();
            try (Connection app = DriverManager.getConnection(url, EmbeddedDatabase.APP_ROLE, db.passwords.application())) {
                migrate(app); // nothing pending, but the application role may run it
                // while the application role owns the audit table, the start-up check reports it
                assertThat(new AuditTablePrivileges(JdbcClient.create(new SingleConnectionDataSource(app, true))).excessPrivileges())
                        .containsExactlyInAnyOrder("UPDATE", "DELETE", "TRUNCATE");
            }
            db.protectAuditTable();

            try (Connection app = DriverManager.getConnection(url, EmbeddedDatabase.APP_ROLE, db.passwords.application())) {
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(app, true));
                List<String> notOwned = jdbc.sql("""
                        select relname from pg_class
                        where relnamespace = 'public'::regnamespace and relkind in ('r', 'S')
                          and pg_get_userbyid(relowner) <> current_user and relname not in ('aud_event', 'aud_anchor')""")
                        .query(String.class).list();
                assertThat(notOwned).isEmpty();
                assertThat(jdbc.sql("select pg_get_userbyid(relowner) from pg_class where relname = 'aud_event'").query(String.class).single())
                        .isEqualTo(EmbeddedDatabase.AUDIT_ROLE);
                // the anchors of the pruned log, and the function that prunes, are the audit role's too (ADR 0020)
                assertThat(jdbc.sql("select pg_get_userbyid(relowner) from pg_class where relname = 'aud_anchor'").query(String.class).single())
                        .isEqualTo(EmbeddedDatabase.AUDIT_ROLE);
                assertThat(jdbc.sql("select pg_get_userbyid(proowner) from pg_proc where proname = 'aud_prune'").query(String.class).single())
                        .isEqualTo(EmbeddedDatabase.AUDIT_ROLE);
                jdbc.sql("""
                        insert into aud_event (id, occurred_at, actor, action, prev_hash, hash, hash_alg)
                        values (nextval('aud_event_seq'), now(), 'test', 'READ', repeat('0', 64), repeat('1', 64), 'hmac-sha256')""").update();
                assertThatThrownBy(() -> jdbc.sql("delete from aud_event").update())
                        .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("permission denied for table aud_event"));
                assertThat(jdbc.sql("select count(*) from aud_event").query(Long.class).single()).isEqualTo(1);
                assertThat(new AuditTablePrivileges(jdbc).excessPrivileges()).isEmpty();
            }
        } finally {
            db.server.close();
        }
    }

    private static void migrate(Connection c) {
        Flyway.configure().dataSource(new SingleConnectionDataSource(c, true))
                .locations("classpath:db/migration").outOfOrder(true).load().migrate();
    }
}
