package dk.vendepunkt.crimestats.imports;

import dk.vendepunkt.areas.Area;
import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.areas.Kvadratnet;
import dk.vendepunkt.crimestats.internal.CrimeIndicator;
import dk.vendepunkt.crimestats.internal.OffenceCategory;
import dk.vendepunkt.crimestats.internal.RollupCrimeFigures;
import dk.vendepunkt.platform.SpoolDirectory;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportTemplate;
import dk.vendepunkt.platform.imports.ImportMessages;
import dk.vendepunkt.platform.imports.ImportSummary;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code crime-reports.csv} (kind {@code crime-reports}):
 * {@code report_ref,reported_at,offence_category,lat,lon}. Each row is validated and given its day,
 * district (point-in-polygon; UNKNOWN without coordinates or outside every district) and 1 km cell
 * while the file is read. All-or-nothing in one transaction, idempotent by {@code report_ref};
 * crime-reports imports run one at a time (a transaction-level advisory lock).
 * <ol>
 * <li>Fast path (a file of new reports, the usual quarterly extract): the rows stream with binary COPY
 * straight into {@code cs_report} (inside a savepoint), and the rollups get the new rows' counts.
 * When the file is large next to the stored reports (by its size, when the caller knows it), the primary
 * key is dropped before the COPY and built again after it ({@link BulkKey}); building it checks the refs
 * all the same.</li>
 * <li>When that COPY or key build meets a ref already stored or repeated in the file (unique violation),
 * it is rolled back to the savepoint and the same rows, spooled to a temporary file while reading, are
 * copied into a staging table; repeats in the file are reported set-based, one {@code INSERT … ON
 * CONFLICT} updates re-imported reports, and the rollups get the new rows minus the previous versions.</li>
 * </ol>
 */
@Component
public class ReportImport implements ImportHandler {

    private static final Logger log = LoggerFactory.getLogger(ReportImport.class);
    static final List<String> COLUMNS = List.of("report_ref", "reported_at", "offence_category", "lat", "lon");
    static final String TARGET_COLUMNS = "ref, reported_at, day, category, lat, lon, district, cell";
    static final int PROGRESS_EVERY = 250_000;
    /** A typical crime-reports line is about 50 bytes; used to estimate a file's rows from its size. */
    static final int BYTES_PER_ROW = 50;
    /** pg_advisory_xact_lock key of what writes reports and their rollups: imports and district reassignment ("CSRP"). */
    static final long LOCK = 0x43535250L;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AreaDirectory areas;
    private final CrimeIndicator indicator;
    private final SpoolDirectory spoolDir;

    ReportImport(JdbcClient jdbc, DataSource dataSource, AreaDirectory areas, CrimeIndicator indicator, SpoolDirectory spoolDir) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.areas = areas;
        this.indicator = indicator;
        this.spoolDir = spoolDir;
    }

    @Override
    public String kind() {
        return "crime-reports";
    }

    @Override
    public java.util.Optional<ImportTemplate> template() {
        return java.util.Optional.of(ImportTemplate.of(COLUMNS)
                .codes("offence_category", OffenceCategory.class, "crime.category.")
                .example("report_ref", "ANM-2014-004711", "reported_at", "14-03-2014 21:40", "offence_category", "THEFT",
                        "lat", "55,6761", "lon", "12,5683"));
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ANALYST", "ADMIN");
    }

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        return importFile(content, -1);
    }

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content, long sizeHint) {
        long t0 = System.nanoTime();
        Rollups.importSettings(jdbc);
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query(Object.class).single();
        CsvFile f = new CsvFile(kind(), COLUMNS);
        // loaded before COPY starts: the connection cannot run other queries while it copies
        AreaDirectory.Locator locator = areas.locator();
        ReportDeltas deltas = new ReportDeltas();
        boolean rebuildKey = BulkKey.worthRebuilding(jdbc, "cs_report", sizeHint < 0 ? -1 : sizeHint / BYTES_PER_ROW);
        Connection c = DataSourceUtils.getConnection(dataSource);
        Path spool = null;
        try {
            spool = spoolDir.createFile("vendepunkt-crime-reports", ".copy");
            Savepoint savepoint = c.setSavepoint();
            if (rebuildKey) BulkKey.drop(c, "cs_report");
            SQLException failure;
            try (OutputStream spoolOut = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16);
                 CopyWriter out = new CopyWriter(c, "cs_report (" + TARGET_COLUMNS + ")", spoolOut)) {
                Kvadratnet.Cells cells = new Kvadratnet.Cells();
                f.read(content, r -> row(f, r, locator, cells, out, deltas));
                if (f.hasErrors()) {
                    out.close();
                    c.rollback(savepoint);
                    f.throwIfErrors();
                }
                try {
                    out.finish();
                    failure = null;
                } catch (SQLException e) {
                    failure = e;
                }
            }
            long t1 = System.nanoTime();
            // the rollup counts are worked out while the server builds the key (or checks nothing)
            CompletableFuture<List<ReportDeltas.Counts>> counts = failure == null ? CompletableFuture.supplyAsync(deltas::counts) : null;
            if (failure == null && rebuildKey) {
                try {
                    BulkKey.build(c, "cs_report", "ref");
                } catch (SQLException e) {
                    failure = e;
                }
            }
            long t2 = System.nanoTime();
            long total = f.rows();
            if (failure == null) {
                c.releaseSavepoint(savepoint);
                ReportDeltas.apply(c, jdbc, counts.join(), (table, rows) -> BulkKey.worthRebuilding(jdbc, table, rows));
                indicator.update();
                log.info("crime-reports: {} new reports imported in {} ms (read, validate and copy {} ms, key {} ms, rollups {} ms)",
                        total, ms(System.nanoTime() - t0), ms(t1 - t0), rebuildKey ? ms(t2 - t1) + " (rebuilt)" : "kept",
                        ms(System.nanoTime() - t2));
                return new ImportSummary(kind(), (int) total, (int) total, 0);
            }
            if (!"23505".equals(failure.getSQLState())) throw failure;
            c.rollback(savepoint);
            long updated = upsertFromSpool(c, f, spool);
            indicator.update();
            log.info("crime-reports: {} rows imported ({} updated) in {} ms (read, validate and copy {} ms, staging and upsert {} ms)",
                    total, updated, ms(System.nanoTime() - t0), ms(t1 - t0), ms(System.nanoTime() - t2));
            return new ImportSummary(kind(), (int) total, (int) (total - updated), (int) updated);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    log.warn("Could not delete {}", spool);
                }
            }
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** Validates one row; a valid row is written for COPY and counted for the rollups. */
    private static void row(CsvFile f, CsvFile.Row r, AreaDirectory.Locator locator, Kvadratnet.Cells cells, CopyWriter out,
            ReportDeltas deltas) {
        String ref = ImportRules.ref(r, "report_ref");
        ImportRules.Instant at = ImportRules.reportedAt(r, "reported_at");
        OffenceCategory category = r.enumValue("offence_category", OffenceCategory.class, true);
        Double lat = ImportRules.coordinate(r, "lat", -90, 90);
        Double lon = ImportRules.coordinate(r, "lon", -180, 180);
        if ((lat == null) != (lon == null) && r.valid()) {
            r.fail(lat == null ? "lat" : "lon", ImportMessages.text("import.crime.coordinates"));
        }
        if (!r.valid() || f.hasErrors()) return;
        String district = RollupCrimeFigures.UNKNOWN;
        int cell = -1;
        if (lat != null) {
            Optional<Area> d = locator.districtAt(lat, lon);
            if (d.isPresent()) district = d.get().code();
            Kvadratnet.Cell c = cells.of(lat, lon);
            if (c != null) cell = deltas.cell(c);
        }
        int districtId = deltas.district(district);
        try {
            out.row(8).text(ref).timestamptz(at.epochMicros()).date(at.date()).bytes(ReportDeltas.categoryBytes(category));
            if (lat == null) out.nul().nul();
            else out.float8(lat).float8(lon);
            out.bytes(deltas.districtBytes(districtId));
            if (cell < 0) out.nul();
            else out.bytes(deltas.cellBytes(cell));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        deltas.add(at.date(), category, districtId, cell);
        if (r.line() % PROGRESS_EVERY == 0) log.info("crime-reports: {} rows read", r.line() - 1);
    }

    /** The slow path: staging table from the spooled rows, duplicates, upsert, rollups with previous versions subtracted. */
    private long upsertFromSpool(Connection c, CsvFile f, Path spool) throws SQLException, IOException {
        jdbc.sql("drop table if exists cs_stage_report").update();
        // line = the CSV line: the spool holds every data row in order (all rows were valid)
        jdbc.sql("""
                create temp table cs_stage_report (line bigint generated by default as identity (start 2), ref text, reported_at timestamptz,
                  day date, category text, lat double precision, lon double precision, district text, cell text) on commit drop""").update();
        try (InputStream in = Files.newInputStream(spool)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy cs_stage_report (" + TARGET_COLUMNS + ") from stdin (format binary)", in);
        }
        ImportRules.rejectDuplicates(jdbc, f, "cs_stage_report", "report_ref");
        jdbc.sql("drop table if exists cs_old").update();
        jdbc.sql("create temp table cs_old (day date, category text, district text, cell text) on commit drop").update();
        String upsert = """
                insert into cs_report (ref, reported_at, day, category, lat, lon, district, cell)
                select ref, reported_at, day, category, lat, lon, district, cell from cs_stage_report
                on conflict (ref) do update set reported_at = excluded.reported_at, day = excluded.day,
                  category = excluded.category, lat = excluded.lat, lon = excluded.lon, district = excluded.district,
                  cell = excluded.cell""";
        if (Rollups.returningOld(jdbc)) {
            jdbc.sql("with up as (" + upsert + " returning old.day, old.category, old.district, old.cell) "
                    + "insert into cs_old select * from up where day is not null").update();
        } else {
            jdbc.sql("insert into cs_old select r.day, r.category, r.district, r.cell from cs_report r join cs_stage_report s on s.ref = r.ref").update();
            jdbc.sql(upsert).update();
        }
        long updated = jdbc.sql("select count(*) from cs_old").query(Long.class).single();
        jdbc.sql(Rollups.applyStatement(Rollups.REPORTS, "day, category, district, cell", "cs_stage_report", "cs_old")).query(Integer.class).list();
        if (updated > 0) Rollups.dropZeros(jdbc, Rollups.REPORTS);
        return updated;
    }
}
