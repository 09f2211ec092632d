package dk.vendepunkt.crimestats.imports;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SQL for maintaining the daily and monthly rollups from a set of signed changes (+1 for a stored
 * row, −1 for the previous version of a re-imported row), applied set-based in one statement.
 */
final class Rollups {

    private Rollups() {}

    /** One rollup table: its name, whether it is monthly, its key columns besides the time, and a row filter on the changes. */
    record Rollup(String table, boolean monthly, String keys, String where) {}

    static final List<Rollup> REPORTS = List.of(
            new Rollup("cs_report_cat_day", false, "category", ""),
            new Rollup("cs_report_district_day", false, "district", ""),
            new Rollup("cs_report_cell_day", false, "cell", "cell is not null"),
            new Rollup("cs_report_cat_district_month", true, "category, district", ""),
            new Rollup("cs_report_cat_cell_month", true, "category, cell", "cell is not null"));

    static final List<Rollup> CHARGES = List.of(
            new Rollup("cs_charge_day", false, "age, category", ""),
            new Rollup("cs_charge_month", true, "age, category", ""));

    /**
     * One statement adding the signed changes — the staged rows (+1) and the previous versions of
     * re-imported rows in {@code old} (−1), both with columns {@code day} and the rollups' keys — to every rollup.
     */
    static String applyStatement(List<Rollup> rollups, String columns, String stage, String old) {
        return "with changes as (select " + columns + ", 1 as w from " + stage + " union all select " + columns + ", -1 from " + old + ")"
                + applyCtes(rollups, "changes") + " select 1";
    }

    /**
     * Data-modifying CTEs (", r0 as (...), r1 as (...)") adding the signed changes of CTE {@code changes}
     * (columns day, the keys, w) to each rollup.
     */
    static String applyCtes(List<Rollup> rollups, String changes) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Rollup r : rollups) {
            String time = r.monthly() ? "date_trunc('month', day)::date" : "day";
            String timeCol = r.monthly() ? "month" : "day";
            sb.append(", r").append(i++).append(" as (insert into ").append(r.table()).append(" (").append(timeCol).append(", ").append(r.keys())
                    .append(", n) select ").append(time).append(", ").append(r.keys()).append(", sum(w) from ").append(changes)
                    .append(r.where().isEmpty() ? "" : " where " + r.where())
                    .append(" group by 1, ").append(r.keys()).append(" having sum(w) <> 0 on conflict (").append(timeCol).append(", ").append(r.keys())
                    .append(") do update set n = ").append(r.table()).append(".n + excluded.n)");
        }
        return sb.toString();
    }

    /** Removes rows that re-imports brought down to zero. */
    static void dropZeros(JdbcClient jdbc, List<Rollup> rollups) {
        for (Rollup r : rollups) jdbc.sql("delete from " + r.table() + " where n = 0").update();
    }

    /** Memory for the set-based steps of one import (hash aggregates instead of sorts on disk). */
    static void importSettings(JdbcClient jdbc) {
        jdbc.sql("set local work_mem = '256MB'").update();
        // one-off statements over many rows: compiling them with LLVM costs more than it saves
        jdbc.sql("set local jit = off").update();
    }

    /** True when the server supports {@code RETURNING old.*} (PostgreSQL 18). */
    static boolean returningOld(JdbcClient jdbc) {
        return jdbc.sql("select current_setting('server_version_num')::int").query(Integer.class).single() >= 180000;
    }
}
