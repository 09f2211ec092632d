package dk.vendepunkt.support;

import com.zaxxer.hikari.HikariDataSource;
import dk.vendepunkt.platform.VendepunktProperties;
import dk.vendepunkt.platform.internal.EmbeddedDbPasswords;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * The embedded server's superuser, for tests that play an attacker with full database rights
 * (the application's own role cannot change the audit log).
 */
@Component
public class DatabaseSuperuser {

    private final String url;
    private final String password;

    DatabaseSuperuser(DataSource dataSource, VendepunktProperties props) {
        this.url = ((HikariDataSource) dataSource).getJdbcUrl();
        this.password = EmbeddedDbPasswords.loadOrCreate(props.dataDir()).superuser();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", password);
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
