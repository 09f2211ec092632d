package dk.vendepunkt.crimestats.imports;

import dk.vendepunkt.crimestats.internal.OffenceCategory;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportSummary;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code charges.csv} (kind {@code charges}): {@code charge_ref,charged_on,age,offence_category} — charges
 * of young people, {@code age} at the charge 0–120. Same pipeline as the reports: validated rows
 * stream into a staging table with COPY, duplicates are found set-based, one statement upserts by
 * {@code charge_ref} and maintains the rollups. All-or-nothing.
 */
@Component
public class ChargeImport implements ImportHandler {

    static final List<String> COLUMNS = List.of("charge_ref", "charged_on", "age", "offence_category");

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ChargeImport(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    @Override
    public String kind() {
        return "charges";
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ANALYST", "ADMIN");
    }

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        Rollups.importSettings(jdbc);
        jdbc.sql("drop table if exists cs_stage_charge").update();
        jdbc.sql("create temp table cs_stage_charge (line integer, ref text, day date, age smallint, category text) on commit drop").update();
        CsvFile f = new CsvFile(kind(), COLUMNS);
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (CopyWriter out = new CopyWriter(c, "cs_stage_charge (line, ref, day, age, category)")) {
            f.read(content, r -> {
                String ref = ImportRules.ref(r, "charge_ref");
                LocalDate on = r.date("charged_on", true);
                Integer age = r.integer("age", 0, 120, true);
                OffenceCategory category = r.enumValue("offence_category", OffenceCategory.class, true);
                if (!r.valid() || f.hasErrors()) return;
                try {
                    out.row(5).int4((int) r.line()).text(ref).date(on).int2(age).bytes(ReportDeltas.categoryBytes(category));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (f.hasErrors()) out.close();
            else out.finish();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
        f.throwIfErrors();
        ImportRules.rejectDuplicates(jdbc, f, "cs_stage_charge", "charge_ref");

        jdbc.sql("drop table if exists cs_old_charge").update();
        jdbc.sql("create temp table cs_old_charge (day date, age smallint, category text) on commit drop").update();
        String upsert = """
                insert into cs_charge (ref, charged_on, age, category)
                select ref, day, age, category from cs_stage_charge
                on conflict (ref) do update set charged_on = excluded.charged_on, age = excluded.age, category = excluded.category""";
        if (Rollups.returningOld(jdbc)) {
            jdbc.sql("with up as (" + upsert + " returning old.charged_on, old.age, old.category) "
                    + "insert into cs_old_charge select * from up where charged_on is not null").update();
        } else {
            jdbc.sql("insert into cs_old_charge select r.charged_on, r.age, r.category from cs_charge r join cs_stage_charge s on s.ref = r.ref").update();
            jdbc.sql(upsert).update();
        }
        long total = f.rows();
        long updated = jdbc.sql("select count(*) from cs_old_charge").query(Long.class).single();
        jdbc.sql(Rollups.applyStatement(Rollups.CHARGES, "day, age, category", "cs_stage_charge", "cs_old_charge")).query(Integer.class).list();
        if (updated > 0) Rollups.dropZeros(jdbc, Rollups.CHARGES);
        long[] counts = {total - updated, total};
        return new ImportSummary(kind(), (int) counts[1], (int) counts[0], (int) (counts[1] - counts[0]));
    }
}
