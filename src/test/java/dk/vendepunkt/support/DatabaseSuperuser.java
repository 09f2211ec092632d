package dk.vendepunkt.support;

import com.zaxxer.hikari.HikariDataSource;
import dk.vendepunkt.platform.DatabaseMode;
import dk.vendepunkt.platform.VendepunktProperties;
import dk.vendepunkt.platform.internal.EmbeddedDbPasswords;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * The database server's superuser, for tests that play an attacker with full database rights
 * (the application's own role cannot change the audit log): the embedded server's {@code postgres} with its
 * generated password, or on an external server (the {@code external-db} test profile) the role given by
 * {@code vendepunkt.test.superuser.username}/{@code .password}.
 */
@Component
public class DatabaseSuperuser {

    private final String url;
    private final String username;
    private final String password;

    DatabaseSuperuser(DataSource dataSource, VendepunktProperties props, DatabaseMode mode,
                      @Value("${vendepunkt.test.superuser.username:postgres}") String username,
                      @Value("${vendepunkt.test.superuser.password:}") String password) {
        this.url = ((HikariDataSource) dataSource).getJdbcUrl();
        this.username = username;
        this.password = mode.embedded() ? EmbeddedDbPasswords.loadOrCreate(props.dataDir()).superuser() : password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    /** Runs {@code work} as the superuser in one transaction with triggers switched off (session_replication_role = replica). */
    public void bypassingTriggers(Consumer<JdbcClient> work) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
            jdbc.sql("set local session_replication_role = replica").update();
            work.accept(jdbc);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
