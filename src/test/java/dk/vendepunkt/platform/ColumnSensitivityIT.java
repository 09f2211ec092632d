package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.people.RetentionHandler;
import dk.vendepunkt.people.internal.RetentionProperties;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every column is classified in the sensitivity registry, and the registry names only real columns; every personal
 * column names the retention category whose rule removes it, every category has a rule (or is kept elsewhere, by
 * name), and the tables of a category with a period are all erased by that category's handler.
 */
@IntegrationTest
class ColumnSensitivityIT {

    @Autowired JdbcClient jdbc;
    @Autowired RetentionProperties retention;
    @Autowired List<RetentionHandler> handlers;

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

    @Test
    void everyPersonalColumnHasARetentionCategory() {
        List<String> missing = jdbc.sql("""
                select table_name || '.' || column_name from plt_column_sensitivity
                 where sensitivity <> 'NONE' and retention_category is null order by 1""").query(String.class).list();
        assertThat(missing).as("personal columns without a retention category (set plt_column_sensitivity.retention_category in the migration that adds them)")
                .isEmpty();
    }

    @Test
    void everyRetentionCategoryHasARuleAndEveryTableOfARuleAHandler() {
        List<String> categories = jdbc.sql("select distinct retention_category from plt_column_sensitivity where retention_category is not null order by 1")
                .query(String.class).list();
        assertThat(categories).as("categories with neither vendepunkt.retention.periods nor keptElsewhere")
                .allMatch(c -> retention.periods().containsKey(c) || retention.keptElsewhere().contains(c));
        Map<String, Set<String>> erased = handlers.stream().collect(Collectors.toMap(RetentionHandler::category, RetentionHandler::tables));
        List<String> unhandled = jdbc.sql("""
                select distinct retention_category || ' ' || table_name from plt_column_sensitivity
                 where retention_category is not null and retention_category <> 'AUDIT' order by 1""").query(String.class).list().stream()
                .filter(ct -> {
                    String[] p = ct.split(" ");
                    return retention.periods().containsKey(p[0]) && !erased.getOrDefault(p[0], Set.of()).contains(p[1]);
                }).toList();
        assertThat(unhandled).as("tables of a retention category that its RetentionHandler does not erase (add them to the handler's tables() and erase())")
                .isEmpty();
    }
}
