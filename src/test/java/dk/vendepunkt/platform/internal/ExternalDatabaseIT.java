package dk.vendepunkt.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dk.vendepunkt.platform.DatabaseMode;
import dk.vendepunkt.support.IntegrationTest;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The external-server setup of the README ("Database roles") as the {@code external-db} test profile runs it on a
 * Debian PostgreSQL cluster (.ci/run): every migration applied by the application role, which is no superuser and
 * may only read and add audit rows, the audit log owned by {@code vendepunkt_audit}. Skipped on the embedded run.
 */
@IntegrationTest
class ExternalDatabaseIT {

    @Autowired DatabaseMode mode;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTablePrivileges privileges;

    @BeforeEach
    void onlyOnAnExternalServer() {
        assumeFalse(mode.embedded(), "runs in the external-db profile (spring.datasource.url set)");
    }

    @Test
    void everyMigrationIsAppliedByTheApplicationRole() throws Exception {
        Pattern versioned = Pattern.compile("V([0-9_]+)__.*\\.sql");
        List<String> files = Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql"))
                .map(r -> versioned.matcher(r.getFilename())).filter(Matcher::matches).map(m -> m.group(1).replace('_', '.')).sorted().toList();
        List<String> applied = jdbc.sql("select version from flyway_schema_history where success and version is not null order by 1")
                .query(String.class).list();
        assertThat(files).isNotEmpty();
        assertThat(applied).containsExactlyInAnyOrderElementsOf(files);
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select distinct tableowner from pg_tables where schemaname = 'public' and tablename not in ('aud_event', 'aud_anchor')")
                .query(String.class).list()).containsExactly("vendepunkt");
    }

    @Test
    void theApplicationRoleIsNoSuperuserAndMayOnlyReadAndAddAuditRows() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("vendepunkt");
        assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = current_user")
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'aud_event'").query(String.class).single())
                .isEqualTo("vendepunkt_audit");
        assertThat(jdbc.sql("select pg_has_role('vendepunkt', 'vendepunkt_audit', 'MEMBER')").query(Boolean.class).single()).isFalse();
        assertThat(privileges.excessPrivileges()).isEmpty();
        for (String sql : new String[] {"update aud_event set actor = 'mallory'", "delete from aud_event", "truncate aud_event"}) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
                    .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("permission denied for table aud_event"));
        }
        assertThat(jdbc.sql("show server_version_num").query(Integer.class).single()).isGreaterThanOrEqualTo(140000);
    }
}
