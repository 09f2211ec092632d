package dk.vendepunkt.crimestats;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rollup changes of a set of new reports, counted while the file is read (for imports whose rows
 * are all new), then written set-based: COPY into a temporary table, one upsert per rollup.
 * Keys are the rollup's columns as COPY text: time, key 1, key 2 (\N when absent).
 */
final class ReportDeltas {

    /** One map per rollup of {@link Rollups#REPORTS}, in that order. */
    @SuppressWarnings("unchecked")
    private final Map<String, int[]>[] counts = new Map[Rollups.REPORTS.size()];

    ReportDeltas() {
        for (int i = 0; i < counts.length; i++) counts[i] = new HashMap<>();
    }

    private void inc(int rollup, String key) {
        int[] n = counts[rollup].get(key);
        if (n == null) counts[rollup].put(key, new int[] {1});
        else n[0]++;
    }

    /** @param day yyyy-MM-dd; @param cell may be null */
    void add(String day, String category, String district, String cell) {
        String month = day.substring(0, 8) + "01";
        inc(0, day + '\t' + category + "\t\\N");
        inc(1, day + '\t' + district + "\t\\N");
        if (cell != null) inc(2, day + '\t' + cell + "\t\\N");
        inc(3, month + '\t' + category + '\t' + district);
        if (cell != null) inc(4, month + '\t' + category + '\t' + cell);
    }

    /** Adds the counts to the rollups (inside the import's transaction). */
    void apply(Connection connection, JdbcClient jdbc) throws SQLException {
        jdbc.sql("drop table if exists cs_delta").update();
        jdbc.sql("create temp table cs_delta (rollup smallint, t date, k1 text, k2 text, n integer) on commit drop").update();
        try (CopyWriter out = new CopyWriter(connection, "copy cs_delta from stdin")) {
            for (int i = 0; i < counts.length; i++) {
                for (var e : counts[i].entrySet()) {
                    out.number(i).ascii(e.getKey()).number(e.getValue()[0]).endRow();
                }
            }
            out.finish();
        }
        List<Rollups.Rollup> rollups = Rollups.REPORTS;
        for (int i = 0; i < rollups.size(); i++) {
            Rollups.Rollup r = rollups.get(i);
            String time = r.monthly() ? "month" : "day";
            boolean two = r.keys().contains(",");
            jdbc.sql("insert into " + r.table() + " (" + time + ", " + r.keys() + ", n) select t, k1" + (two ? ", k2" : "") + ", n from cs_delta where rollup = ? "
                    + "on conflict (" + time + ", " + r.keys() + ") do update set n = " + r.table() + ".n + excluded.n").param(i).update();
        }
    }
}
