package dk.vendepunkt.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The embedded default: when no {@code spring.datasource.url} is configured, Vendepunkt starts a
 * PostgreSQL server of its own whose files live in {@code vendepunkt.data-dir/postgres}. With a URL,
 * Spring Boot's ordinary DataSource auto-configuration connects to that server instead.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** One server per data directory and JVM, so test contexts share it. */
    private static final Map<Path, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();

    @Bean
    DatabaseMode databaseMode(Environment env) {
        return new DatabaseMode(!StringUtils.hasText(env.getProperty("spring.datasource.url")));
    }

    @Bean
    @Conditional(NoDatasourceUrl.class)
    DataSource embeddedDataSource(VendepunktProperties props) {
        Path dir = props.dataDir().resolve("postgres").toAbsolutePath().normalize();
        EmbeddedPostgres pg = SERVERS.computeIfAbsent(dir, d -> start(d, props.embeddedDb()));
        HikariDataSource ds = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(pg.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
        ds.setMaximumPoolSize(10);
        ds.setPoolName("vendepunkt-embedded");
        return ds;
    }

    private static EmbeddedPostgres start(Path dir, VendepunktProperties.EmbeddedDb cfg) {
        try {
            Files.createDirectories(dir);
            log.info("Starting embedded PostgreSQL in {}", dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(cfg.clean())
                    .setPort(cfg.port())
                    .setServerConfig("timezone", "Europe/Copenhagen")
                    .setServerConfig("synchronous_commit", cfg.clean() ? "off" : "on")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
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
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    static final class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }

    /** Whether this run uses the embedded database (drives defaults such as demo data). */
    public record DatabaseMode(boolean embedded) {}
}
