package dk.vendepunkt.crimestats.imports;

import dk.vendepunkt.areas.Kvadratnet;
import dk.vendepunkt.crimestats.internal.OffenceCategory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rollup changes of a set of new reports (an import whose rows are all new), and the dictionaries
 * of their districts and cells (each code encoded once for COPY).
 * <p>
 * While the file is read, each report is appended as one packed long (day, category, district, cell);
 * no counting happens per row, so reading stays cheap. {@link #apply} sorts the longs once — day first
 * — and counts each rollup's groups per day or month, in the rollup key's byte order. A rollup with no
 * rows yet in the file's period gets its counts by a binary COPY in key order (with its primary key
 * rebuilt when the counts are many next to its rows, {@link BulkKey}); any other rollup gets them
 * through a temporary table and one upsert.
 */
final class ReportDeltas {

    private static final int DAY_SHIFT = 40;
    private static final int CATEGORY_SHIFT = 36;
    private static final int DISTRICT_SHIFT = 20;
    /** Keeps packed days positive for every date from year 0 to 9999. */
    private static final long DAY_OFFSET = 1L << 22;
    private static final int MAX_DISTRICTS = 1 << 16;
    /** Cell ids are stored + 1 (0 = no cell). */
    private static final int MAX_CELLS = (1 << 20) - 2;
    private static final long LOW20 = (1L << 20) - 1;

    /** Categories in the byte order of their names (the rollups' key order); a packed row holds the rank. */
    private static final OffenceCategory[] BY_NAME = Arrays.stream(OffenceCategory.values())
            .sorted(Comparator.comparing(OffenceCategory::name)).toArray(OffenceCategory[]::new);
    private static final int[] NAME_RANK = new int[BY_NAME.length];
    private static final byte[][] CATEGORY_BYTES = new byte[BY_NAME.length][];

    static {
        for (int i = 0; i < BY_NAME.length; i++) {
            NAME_RANK[BY_NAME[i].ordinal()] = i;
            CATEGORY_BYTES[BY_NAME[i].ordinal()] = BY_NAME[i].name().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** By identity: a file's districts are the same few code instances (from the area snapshot) over and over. */
    private final Map<String, Integer> districtIds = new IdentityHashMap<>();
    private final List<String> districts = new ArrayList<>();
    private final List<byte[]> districtBytes = new ArrayList<>();
    private final LongIntMap cellIds = new LongIntMap();
    private final List<String> cells = new ArrayList<>();
    private final List<byte[]> cellBytes = new ArrayList<>();
    private long[] rows = new long[1 << 14];
    private int size;

    static byte[] categoryBytes(OffenceCategory c) {
        return CATEGORY_BYTES[c.ordinal()];
    }

    /** The id of a district code (first seen, first numbered; equal codes of different instances get one id). */
    int district(String code) {
        Integer id = districtIds.get(code);
        if (id != null) return id;
        int same = districts.indexOf(code);
        if (same >= 0) {
            districtIds.put(code, same);
            return same;
        }
        if (districts.size() == MAX_DISTRICTS) throw new IllegalStateException("more than " + MAX_DISTRICTS + " districts");
        districtIds.put(code, districts.size());
        districts.add(code);
        districtBytes.add(code.getBytes(StandardCharsets.UTF_8));
        return districts.size() - 1;
    }

    byte[] districtBytes(int id) {
        return districtBytes.get(id);
    }

    /** The id of a 1 km cell (first seen, first numbered). */
    int cell(Kvadratnet.Cell c) {
        long key = c.northKm() << 20 | c.eastKm();
        int id = cellIds.get(key);
        if (id >= 0) return id;
        if (cells.size() == MAX_CELLS) throw new IllegalStateException("more than " + MAX_CELLS + " cells");
        id = cells.size();
        cellIds.put(key, id);
        String code = c.id();
        cells.add(code);
        cellBytes.add(code.getBytes(StandardCharsets.UTF_8));
        return id;
    }

    byte[] cellBytes(int id) {
        return cellBytes.get(id);
    }

    /** One new report. @param cell a {@link #cell} id, or −1 for none */
    void add(LocalDate day, OffenceCategory category, int district, int cell) {
        if (size == rows.length) rows = Arrays.copyOf(rows, size * 2);
        rows[size++] = (day.toEpochDay() + DAY_OFFSET) << DAY_SHIFT | (long) NAME_RANK[category.ordinal()] << CATEGORY_SHIFT
                | (long) district << DISTRICT_SHIFT | (cell + 1);
    }

    /**
     * The counts of every rollup, in key order: one list per rollup of {@link Rollups#REPORTS}. Call once,
     * after the last {@link #add}; it needs no database, so it may run on another thread meanwhile.
     */
    List<Counts> counts() {
        Arrays.parallelSort(rows, 0, size);
        int[] districtRank = ranks(districts);
        int[] cellRank = ranks(cells);
        List<Counts> out = List.of(new Counts(), new Counts(), new Counts(), new Counts(), new Counts());
        long[] scratch = new long[Math.min(size, 1 << 16)];
        int monthStart = 0;
        for (int dayStart = 0; dayStart < size; ) {
            long dayBits = rows[dayStart] >>> DAY_SHIFT;
            int dayEnd = dayStart;
            while (dayEnd < size && rows[dayEnd] >>> DAY_SHIFT == dayBits) dayEnd++;
            long epochDay = dayBits - DAY_OFFSET;
            // rows are sorted by category within the day: (day, category) needs no sort
            scratch = group(out.get(0), epochDay, dayStart, dayEnd, r -> r >>> CATEGORY_SHIFT & 0xF, scratch);
            scratch = group(out.get(1), epochDay, dayStart, dayEnd, r -> districtRank[(int) (r >>> DISTRICT_SHIFT & 0xFFFF)], scratch);
            scratch = group(out.get(2), epochDay, dayStart, dayEnd, r -> (r & LOW20) == 0 ? -1 : cellRank[(int) (r & LOW20) - 1], scratch);
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            boolean monthEnds = dayEnd == size
                    || !LocalDate.ofEpochDay((rows[dayEnd] >>> DAY_SHIFT) - DAY_OFFSET).withDayOfMonth(1).equals(date.withDayOfMonth(1));
            if (monthEnds) {
                long month = date.withDayOfMonth(1).toEpochDay();
                scratch = group(out.get(3), month, monthStart, dayEnd,
                        r -> (r >>> CATEGORY_SHIFT & 0xF) << 20 | districtRank[(int) (r >>> DISTRICT_SHIFT & 0xFFFF)], scratch);
                scratch = group(out.get(4), month, monthStart, dayEnd,
                        r -> (r & LOW20) == 0 ? -1 : (r >>> CATEGORY_SHIFT & 0xF) << 20 | cellRank[(int) (r & LOW20) - 1], scratch);
                monthStart = dayEnd;
            }
            dayStart = dayEnd;
        }
        int[] districtByRank = inverse(districtRank);
        int[] cellByRank = inverse(cellRank);
        out.get(0).keys = k -> new byte[][] {CATEGORY_BYTES[BY_NAME[(int) k].ordinal()]};
        out.get(1).keys = k -> new byte[][] {districtBytes.get(districtByRank[(int) k])};
        out.get(2).keys = k -> new byte[][] {cellBytes.get(cellByRank[(int) k])};
        out.get(3).keys = k -> new byte[][] {CATEGORY_BYTES[BY_NAME[(int) (k >>> 20)].ordinal()], districtBytes.get(districtByRank[(int) (k & LOW20)])};
        out.get(4).keys = k -> new byte[][] {CATEGORY_BYTES[BY_NAME[(int) (k >>> 20)].ordinal()], cellBytes.get(cellByRank[(int) (k & LOW20)])};
        return out;
    }

    private interface Key {
        long of(long row);
    }

    /** Counts rows[from, to) by key (negative keys skipped) into {@code out} at time {@code t}, in key order. */
    private long[] group(Counts out, long t, int from, int to, Key key, long[] scratch) {
        if (scratch.length < to - from) scratch = new long[to - from];
        int m = 0;
        for (int i = from; i < to; i++) {
            long k = key.of(rows[i]);
            if (k >= 0) scratch[m++] = k;
        }
        Arrays.sort(scratch, 0, m);
        for (int i = 0; i < m; ) {
            int j = i;
            while (j < m && scratch[j] == scratch[i]) j++;
            out.add(t, scratch[i], j - i);
            i = j;
        }
        return scratch;
    }

    /** For each id, its position when the codes are sorted by their bytes (UTF-16 order equals UTF-8 byte order outside surrogates). */
    private static int[] ranks(List<String> codes) {
        Integer[] ids = new Integer[codes.size()];
        for (int i = 0; i < ids.length; i++) ids[i] = i;
        Arrays.sort(ids, Comparator.comparing(codes::get));
        int[] rank = new int[ids.length];
        for (int r = 0; r < ids.length; r++) rank[ids[r]] = r;
        return rank;
    }

    private static int[] inverse(int[] rank) {
        int[] inv = new int[rank.length];
        for (int i = 0; i < rank.length; i++) inv[rank[i]] = i;
        return inv;
    }

    /**
     * Adds {@link #counts} to the rollups (inside the import's transaction).
     *
     * @param rebuildKey whether to rebuild a rollup's key around the COPY of that many counts into an empty period */
    static void apply(Connection connection, JdbcClient jdbc, List<Counts> counts, BiPredicate<String, Integer> rebuildKey) throws SQLException {
        List<Rollups.Rollup> rollups = Rollups.REPORTS;
        List<Integer> upserts = new ArrayList<>();
        for (int i = 0; i < rollups.size(); i++) {
            Rollups.Rollup r = rollups.get(i);
            Counts c = counts.get(i);
            if (c.size == 0) continue;
            String time = r.monthly() ? "month" : "day";
            boolean occupied = jdbc.sql("select exists (select 1 from " + r.table() + " where " + time + " between ? and ?)")
                    .param(LocalDate.ofEpochDay(c.time[0])).param(LocalDate.ofEpochDay(c.time[c.size - 1])).query(Boolean.class).single();
            if (occupied) {
                upserts.add(i);
                continue;
            }
            boolean rebuild = rebuildKey.test(r.table(), c.size);
            if (rebuild) BulkKey.drop(connection, r.table());
            try (CopyWriter out = new CopyWriter(connection, r.table() + " (" + time + ", " + r.keys() + ", n)")) {
                for (int s = 0; s < c.size; s++) {
                    byte[][] keys = c.keys.of(c.key[s]);
                    out.row(keys.length + 2).date(c.time[s]);
                    for (byte[] k : keys) out.bytes(k);
                    out.int4(c.n[s]);
                }
                out.finish();
            }
            if (rebuild) BulkKey.build(connection, r.table(), time + ", " + r.keys());
        }
        if (upserts.isEmpty()) return;
        jdbc.sql("drop table if exists cs_delta").update();
        jdbc.sql("create temp table cs_delta (rollup smallint, t date, k1 text, k2 text, n integer) on commit drop").update();
        try (CopyWriter out = new CopyWriter(connection, "cs_delta (rollup, t, k1, k2, n)")) {
            for (int i : upserts) {
                Counts c = counts.get(i);
                for (int s = 0; s < c.size; s++) {
                    byte[][] keys = c.keys.of(c.key[s]);
                    out.row(5).int2(i).date(c.time[s]).bytes(keys[0]);
                    if (keys.length > 1) out.bytes(keys[1]);
                    else out.nul();
                    out.int4(c.n[s]);
                }
            }
            out.finish();
        }
        for (int i : upserts) {
            Rollups.Rollup r = rollups.get(i);
            String time = r.monthly() ? "month" : "day";
            boolean two = r.keys().contains(",");
            jdbc.sql("insert into " + r.table() + " (" + time + ", " + r.keys() + ", n) select t, k1" + (two ? ", k2" : "") + ", n from cs_delta where rollup = ? order by 1, 2" + (two ? ", 3" : "")
                    + " on conflict (" + time + ", " + r.keys() + ") do update set n = " + r.table() + ".n + excluded.n").param(i).update();
        }
    }

    /** One rollup's counts in key order: time (epoch day of the day or month), packed key, count. */
    static final class Counts {
        long[] time = new long[1024];
        long[] key = new long[1024];
        int[] n = new int[1024];
        int size;
        KeyBytes keys;

        void add(long t, long k, int count) {
            if (size == n.length) {
                time = Arrays.copyOf(time, size * 2);
                key = Arrays.copyOf(key, size * 2);
                n = Arrays.copyOf(n, size * 2);
            }
            time[size] = t;
            key[size] = k;
            n[size++] = count;
        }
    }

    /** The UTF-8 key columns of a packed key. */
    interface KeyBytes {
        byte[][] of(long key);
    }
}
