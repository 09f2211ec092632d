package dk.vendepunkt.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.platform.VendepunktProperties;
import dk.vendepunkt.support.DatabaseSuperuser;
import dk.vendepunkt.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded server asks for passwords, and the application's role cannot change or remove audit rows. */
@IntegrationTest
class DatabaseRolesIT {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired AuditLog audit;
    @Autowired AuditTablePrivileges privileges;
    @Autowired DatabaseSuperuser superuser;
    @Autowired VendepunktProperties props;

    private String url() {
        return ((HikariDataSource) dataSource).getJdbcUrl();
    }

    @Test
    void connectingWithoutTheRightPasswordIsRefused() throws Exception {
        Properties noPassword = new Properties();
        noPassword.setProperty("user", "postgres");
        assertThatThrownBy(() -> DriverManager.getConnection(url(), noPassword).close()).isInstanceOf(SQLException.class);
        for (String user : new String[] {"postgres", "vendepunkt"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url(), user, "wrong-password").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
        try (var c = superuser.connect(); var rs = c.createStatement().executeQuery("select current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("postgres");
        }
    }

    @Test
    void thePasswordsAreKeptReadableByTheOwnerOnly() throws Exception {
        Path file = props.dataDir().resolve("keys/database.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theApplicationRoleMayOnlyReadAndAddAuditRows() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("vendepunkt");
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();

        audit.record(AuditAction.READ, 910_001L, null, "roles test", null);
        long id = jdbc.sql("select id from aud_event where person_id = 910001").query(Long.class).single();

        for (String sql : new String[] {
                "update aud_event set actor = 'mallory' where id = " + id,
                "delete from aud_event where id = " + id,
                "truncate aud_event",
                "alter table aud_event disable trigger aud_event_append_only",
                "drop table aud_event"}) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
                    .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).containsAnyOf("permission denied for table aud_event", "must be owner of table aud_event"));
        }
        assertThat(jdbc.sql("select count(*) from aud_event where id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        assertThat(privileges.excessPrivileges()).isEmpty();
    }
}
