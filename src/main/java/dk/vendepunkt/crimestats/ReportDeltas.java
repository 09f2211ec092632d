package dk.vendepunkt.crimestats;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rollup changes of a set of new reports, counted while the file is read (for imports whose rows
 * are all new), then written set-based: COPY into a temporary table, one upsert per rollup. Counting
 * uses packed long keys (day or month, category, district or cell as small numbers) in open-addressing
 * tables, so it costs little next to reading the file.
 */
final class ReportDeltas {

    private static final int CATEGORIES = OffenceCategory.values().length;
    private static final long CELL_BITS = 1L << 22;
    /** Keeps day keys positive for dates before 1970. */
    private static final long DAY_OFFSET = 1_000_000;

    private final Map<String, Integer> districtIds = new HashMap<>();
    private final List<String> districts = new ArrayList<>();
    private final Map<String, Integer> cellIds = new HashMap<>();
    private final List<String> cells = new ArrayList<>();
    /** One table per rollup of {@link Rollups#REPORTS}, in that order. */
    private final Counter[] counts = {new Counter(), new Counter(), new Counter(), new Counter(), new Counter()};

    private static int id(String value, Map<String, Integer> ids, List<String> values) {
        Integer id = ids.get(value);
        if (id == null) {
            id = values.size();
            ids.put(value, id);
            values.add(value);
        }
        return id;
    }

    /** @param cell may be null */
    void add(LocalDate day, OffenceCategory category, String district, String cell) {
        long d = day.toEpochDay() + DAY_OFFSET;
        long m = day.getYear() * 12L + day.getMonthValue() - 1;
        int c = category.ordinal();
        long dist = id(district, districtIds, districts);
        counts[0].inc(d * CATEGORIES + c);
        counts[1].inc(d * CELL_BITS + dist);
        counts[3].inc((m * CATEGORIES + c) * CELL_BITS + dist);
        if (cell != null) {
            long cl = id(cell, cellIds, cells);
            counts[2].inc(d * CELL_BITS + cl);
            counts[4].inc((m * CATEGORIES + c) * CELL_BITS + cl);
        }
    }

    /** Adds the counts to the rollups (inside the import's transaction). */
    void apply(Connection connection, JdbcClient jdbc) throws SQLException {
        jdbc.sql("drop table if exists cs_delta").update();
        jdbc.sql("create temp table cs_delta (rollup smallint, t date, k1 text, k2 text, n integer) on commit drop").update();
        OffenceCategory[] cats = OffenceCategory.values();
        try (CopyWriter out = new CopyWriter(connection, "copy cs_delta from stdin")) {
            for (int i = 0; i < counts.length; i++) {
                Counter t = counts[i];
                for (int s = 0; s < t.keys.length; s++) {
                    if (t.values[s] == 0) continue;
                    long k = t.keys[s];
                    out.number(i);
                    switch (i) {
                        case 0 -> out.ascii(LocalDate.ofEpochDay(k / CATEGORIES - DAY_OFFSET).toString()).ascii(cats[(int) (k % CATEGORIES)].name()).nul();
                        case 1 -> out.ascii(LocalDate.ofEpochDay(k / CELL_BITS - DAY_OFFSET).toString()).text(districts.get((int) (k % CELL_BITS))).nul();
                        case 2 -> out.ascii(LocalDate.ofEpochDay(k / CELL_BITS - DAY_OFFSET).toString()).ascii(cells.get((int) (k % CELL_BITS))).nul();
                        default -> {
                            long mc = k / CELL_BITS;
                            long month = mc / CATEGORIES;
                            out.ascii(LocalDate.of((int) (month / 12), (int) (month % 12) + 1, 1).toString()).ascii(cats[(int) (mc % CATEGORIES)].name())
                                    .text(i == 3 ? districts.get((int) (k % CELL_BITS)) : cells.get((int) (k % CELL_BITS)));
                        }
                    }
                    out.number(t.values[s]).endRow();
                }
            }
            out.finish();
        }
        List<Rollups.Rollup> rollups = Rollups.REPORTS;
        for (int i = 0; i < rollups.size(); i++) {
            Rollups.Rollup r = rollups.get(i);
            String time = r.monthly() ? "month" : "day";
            boolean two = r.keys().contains(",");
            jdbc.sql("insert into " + r.table() + " (" + time + ", " + r.keys() + ", n) select t, k1" + (two ? ", k2" : "") + ", n from cs_delta where rollup = ? order by 1, 2" + (two ? ", 3" : "")
                    + " on conflict (" + time + ", " + r.keys() + ") do update set n = " + r.table() + ".n + excluded.n").param(i).update();
        }
    }

    /** Counts per non-negative long key: open addressing, linear probing, grown at half load. */
    static final class Counter {
        long[] keys = new long[1 << 12];
        int[] values = new int[1 << 12];
        private int size;

        void inc(long key) {
            int mask = keys.length - 1;
            int i = (int) (mix(key) & mask);
            while (values[i] != 0 && keys[i] != key) i = (i + 1) & mask;
            if (values[i] == 0) {
                keys[i] = key;
                if (++size * 2 > keys.length) {
                    values[i] = 1;
                    grow();
                    return;
                }
            }
            values[i]++;
        }

        private static long mix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            return k;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldValues.length * 2];
            int mask = keys.length - 1;
            for (int s = 0; s < oldKeys.length; s++) {
                if (oldValues[s] == 0) continue;
                int i = (int) (mix(oldKeys[s]) & mask);
                while (values[i] != 0) i = (i + 1) & mask;
                keys[i] = oldKeys[s];
                values[i] = oldValues[s];
            }
        }
    }
}
