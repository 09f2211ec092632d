package dk.vendepunkt.crimestats;

import dk.vendepunkt.areas.Area;
import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.areas.Kvadratnet;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportSummary;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code crime-reports.csv} (kind {@code crime-reports}):
 * {@code report_ref,reported_at,offence_category,lat,lon}. Each row is validated and given its district
 * (point-in-polygon; UNKNOWN without coordinates or outside every district) and 1 km cell while the
 * file streams into a staging table with COPY; duplicates are found set-based, then one statement
 * upserts the reports by {@code report_ref} and applies the changes (new rows, minus the previous
 * versions of re-imported ones) to the rollups. All-or-nothing: one transaction.
 */
@Component
class ReportImport implements ImportHandler {

    private static final Logger log = LoggerFactory.getLogger(ReportImport.class);
    static final List<String> COLUMNS = List.of("report_ref", "reported_at", "offence_category", "lat", "lon");
    static final int PROGRESS_EVERY = 250_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AreaDirectory areas;

    ReportImport(JdbcClient jdbc, DataSource dataSource, AreaDirectory areas) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.areas = areas;
    }

    @Override
    public String kind() {
        return "crime-reports";
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ANALYST", "ADMIN");
    }

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        long t0 = System.nanoTime();
        Rollups.importSettings(jdbc);
        jdbc.sql("drop table if exists cs_stage_report").update();
        jdbc.sql("""
                create temp table cs_stage_report (line integer, ref text, reported_at timestamptz, day date, category text,
                  lat double precision, lon double precision, district text, cell text) on commit drop""").update();
        CsvFile f = new CsvFile(kind(), COLUMNS);
        // loaded before COPY starts: the connection cannot run queries while it copies
        AreaDirectory.Locator locator = areas.locator();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (CopyWriter out = new CopyWriter(c, "copy cs_stage_report from stdin")) {
            f.read(content, r -> {
                String ref = ImportRules.ref(r, "report_ref");
                OffsetDateTime at = r.dateTime("reported_at", true);
                OffenceCategory category = r.enumValue("offence_category", OffenceCategory.class, true);
                Double lat = ImportRules.coordinate(r, "lat", -90, 90);
                Double lon = ImportRules.coordinate(r, "lon", -180, 180);
                if ((lat == null) != (lon == null) && r.valid()) {
                    r.fail(lat == null ? "lat" : "lon", "Angiv både lat og lon, eller lad begge være tomme");
                }
                if (!r.valid() || f.hasErrors()) return;
                String district = CrimeFigures.UNKNOWN;
                String cell = null;
                if (lat != null) {
                    Optional<Area> d = locator.districtAt(lat, lon);
                    if (d.isPresent()) district = d.get().code();
                    cell = ImportRules.cell(lat, lon);
                }
                try {
                    out.number(r.line()).text(ref).ascii(at.toString()).ascii(at.atZoneSameInstant(Zones.ZONE).toLocalDate().toString())
                            .ascii(category.name());
                    if (lat == null) out.nul().nul();
                    else out.number(lat).number(lon);
                    out.text(district).ascii(cell).endRow();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                if (r.line() % PROGRESS_EVERY == 0) log.info("crime-reports: {} rows read", r.line() - 1);
            });
            if (f.hasErrors()) {
                out.close();
            } else {
                out.finish();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
        f.throwIfErrors();
        long t1 = System.nanoTime();
        ImportRules.rejectDuplicates(jdbc, f, "cs_stage_report", "report_ref");
        long t2 = System.nanoTime();

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
        long total = f.rows();
        long updated = jdbc.sql("select count(*) from cs_old").query(Long.class).single();
        jdbc.sql(Rollups.applyStatement(Rollups.REPORTS, "day, category, district, cell", "cs_stage_report", "cs_old")).query(Integer.class).list();
        if (updated > 0) Rollups.dropZeros(jdbc, Rollups.REPORTS);
        long[] counts = {total - updated, total};
        long t3 = System.nanoTime();
        log.info("crime-reports: {} rows imported ({} new) in {} ms (read, validate and stage {} ms, duplicates {} ms, upsert and rollups {} ms)",
                counts[1], counts[0], (t3 - t0) / 1_000_000, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        return new ImportSummary(kind(), (int) counts[1], (int) counts[0], (int) (counts[1] - counts[0]));
    }
}
