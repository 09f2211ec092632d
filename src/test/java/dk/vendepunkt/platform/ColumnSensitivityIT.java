package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every column is classified in the sensitivity registry, and the registry names only real columns. */
@IntegrationTest
class ColumnSensitivityIT {

    @Autowired JdbcClient jdbc;

    @Test
    void everyColumnIsClassified() {
        List<String> unclassified = jdbc.sql("""
                select c.table_name || '.' || c.column_name
                  from information_schema.columns c
                  join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                 where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                   and c.table_name <> 'flyway_schema_history'
                   and not exists (select 1 from plt_column_sensitivity s
                                    where s.table_name = c.table_name and s.column_name = c.column_name)
                 order by 1""").query(String.class).list();
        assertThat(unclassified).as("columns missing from plt_column_sensitivity (classify them in the migration that adds them)").isEmpty();
    }

    @Test
    void registryNamesOnlyExistingColumns() {
        List<String> stale = jdbc.sql("""
                select s.table_name || '.' || s.column_name from plt_column_sensitivity s
                 where not exists (select 1 from information_schema.columns c
                                    where c.table_schema = 'public' and c.table_name = s.table_name and c.column_name = s.column_name)
                 order by 1""").query(String.class).list();
        assertThat(stale).isEmpty();
    }
}
