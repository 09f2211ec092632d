package dk.vendepunkt.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import dk.vendepunkt.platform.DatabaseMode;
import dk.vendepunkt.platform.VendepunktProperties;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded default: when no {@code spring.datasource.url} is configured, Vendepunkt starts a
 * PostgreSQL server of its own whose files live in {@code vendepunkt.data-dir/postgres} (see
 * {@link EmbeddedDatabase} for its roles). With a URL, Spring Boot's ordinary DataSource
 * auto-configuration connects to that server instead, as the role the operator set up (README).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    /** One server per data directory and JVM, so test contexts share it. */
    private static final Map<Path, EmbeddedDatabase> SERVERS = new ConcurrentHashMap<>();

    @Bean
    DatabaseMode databaseMode(Environment env) {
        return new DatabaseMode(!StringUtils.hasText(env.getProperty("spring.datasource.url")));
    }

    @Bean
    @Conditional(NoDatasourceUrl.class)
    DataSource embeddedDataSource(VendepunktProperties props) {
        EmbeddedDatabase db = embedded(props);
        HikariDataSource ds = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(db.jdbcUrl())
                .username(EmbeddedDatabase.APP_ROLE)
                .password(db.passwords.application())
                .build();
        ds.setMaximumPoolSize(10);
        ds.setPoolName("vendepunkt-embedded");
        return ds;
    }

    /**
     * On the embedded database the migrations run as the application role, which owns the schema's
     * tables; the audit table is handed to it for the migration and back to the audit role after.
     */
    @Bean
    @Conditional(NoDatasourceUrl.class)
    FlywayMigrationStrategy embeddedMigration(VendepunktProperties props) {
        return flyway -> {
            EmbeddedDatabase db = embedded(props);
            try {
                if (flyway.info().pending().length > 0) db.beforeMigration();
                flyway.migrate();
                db.protectAuditTable();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not set the owner of the audit table", e);
            }
        };
    }

    private static EmbeddedDatabase embedded(VendepunktProperties props) {
        Path dir = props.dataDir().resolve("postgres").toAbsolutePath().normalize();
        return SERVERS.computeIfAbsent(dir, d -> EmbeddedDatabase.start(props.dataDir(), d, props.embeddedDb()));
    }

    static final class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
