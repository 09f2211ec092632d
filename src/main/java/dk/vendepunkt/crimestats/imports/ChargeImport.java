package dk.vendepunkt.crimestats.imports;

import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.crimestats.internal.CrimeIndicator;
import dk.vendepunkt.crimestats.internal.EffectGoal1Indicator;
import dk.vendepunkt.crimestats.internal.OffenceCategory;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportMessages;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportTemplate;
import dk.vendepunkt.platform.imports.ImportSummary;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code charges.csv} (kind {@code charges}): {@code charge_ref,charged_on,age,offence_category} — charges
 * of young people, {@code age} at the charge 0–120 — and the optional columns of effect goal 1:
 * {@code person_key} (a CPR number, stored only as the people module's keyed hash; the age must agree with
 * the CPR number's birth date) and {@code residence_area} (a stored district's code, empty = unknown).
 * Files without them stay valid. Same pipeline as the reports: validated rows
 * stream into a staging table with COPY, duplicates are found set-based, one statement upserts by
 * {@code charge_ref} and maintains the rollups. All-or-nothing.
 */
@Component
public class ChargeImport implements ImportHandler {

    static final List<String> COLUMNS = List.of("charge_ref", "charged_on", "age", "offence_category");
    static final List<String> OPTIONAL = List.of("person_key", "residence_area");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final PersonDirectory people;
    private final AreaDirectory areas;
    private final EffectGoal1Indicator indicator;
    private final CrimeIndicator chargesIndicator;
    private final AuditLog audit;

    ChargeImport(JdbcClient jdbc, DataSource dataSource, PersonDirectory people, AreaDirectory areas, EffectGoal1Indicator indicator,
                 CrimeIndicator chargesIndicator, AuditLog audit) {
        this.chargesIndicator = chargesIndicator;
        this.audit = audit;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.people = people;
        this.areas = areas;
        this.indicator = indicator;
    }

    @Override
    public String kind() {
        return "charges";
    }

    @Override
    public java.util.Optional<ImportTemplate> template() {
        return java.util.Optional.of(ImportTemplate.of(COLUMNS, OPTIONAL)
                .codes("offence_category", OffenceCategory.class, "crime.category.")
                .example("charge_ref", "SIG-2014-00017", "charged_on", "14-03-2014", "age", "17", "offence_category", "THEFT",
                        "person_key", "010197-1234", "residence_area", "D12"));
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ANALYST", "ADMIN");
    }

    /** The optional person_key as a CPR number (either form, a real date), or null when empty or after a row error. */
    private static CprNumber personKey(CsvFile.Row r, Map<String, CprNumber> seen) {
        String v = r.text("person_key");
        if (v == null) return null;
        CprNumber cpr = seen.get(v);
        if (cpr != null) return cpr;
        var parsed = CprNumber.parse(v);
        if (parsed.isEmpty()) {
            r.fail("person_key", ImportMessages.text("import.charge.personKey.invalid"));
            return null;
        }
        if (seen.size() >= 200_000) seen.clear(); // bounded: an extract may name many persons
        seen.put(v, parsed.get());
        return parsed.get();
    }

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        Rollups.importSettings(jdbc);
        jdbc.sql("drop table if exists cs_stage_charge").update();
        jdbc.sql("create temp table cs_stage_charge (line integer, ref text, day date, age smallint, category text, person_hash text, residence text) on commit drop").update();
        CsvFile f = new CsvFile(kind(), COLUMNS, OPTIONAL);
        Set<String> districts = new HashSet<>();
        areas.districts().forEach(d -> districts.add(d.code()));
        Map<String, CprNumber> cprs = new HashMap<>();
        Map<CprNumber, String> hashes = new HashMap<>();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try (CopyWriter out = new CopyWriter(c, "cs_stage_charge (line, ref, day, age, category, person_hash, residence)")) {
            f.read(content, r -> {
                String ref = ImportRules.ref(r, "charge_ref");
                LocalDate on = r.date("charged_on", true);
                Integer age = r.integer("age", 0, 120, true);
                OffenceCategory category = r.enumValue("offence_category", OffenceCategory.class, true);
                CprNumber cpr = personKey(r, cprs);
                if (cpr != null && on != null && age != null && cpr.ageOn(on) != age) {
                    r.fail("age", ImportMessages.text("import.charge.age", String.valueOf(cpr.ageOn(on)), dk.vendepunkt.platform.DanishDates.format(on)));
                }
                String residence = r.text("residence_area");
                if (residence != null && !districts.contains(residence)) {
                    r.fail("residence_area", ImportMessages.text("import.charge.residence"));
                }
                if (!r.valid() || f.hasErrors()) return;
                if (hashes.size() >= 200_000) hashes.clear();
                String hash = cpr == null ? null : hashes.computeIfAbsent(cpr, people::blindIndex);
                try {
                    out.row(7).int4((int) r.line()).text(ref).date(on).int2(age).bytes(ReportDeltas.categoryBytes(category)).text(hash).text(residence);
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
                insert into cs_charge (ref, charged_on, age, category, person_hash, residence_area)
                select ref, day, age, category, person_hash, residence from cs_stage_charge
                on conflict (ref) do update set charged_on = excluded.charged_on, age = excluded.age, category = excluded.category,
                  person_hash = excluded.person_hash, residence_area = excluded.residence_area""";
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
        long linked = jdbc.sql("select count(*) from cs_stage_charge where person_hash is not null").query(Long.class).single();
        if (linked > 0) audit.record(AuditAction.IMPORT, null, null, kind(), linked + " sigtelser med personnøgle (CPR, gemt som nøglet hash)");
        indicator.refresh();
        chargesIndicator.updateCharges();
        long[] counts = {total - updated, total};
        return new ImportSummary(kind(), (int) counts[1], (int) counts[0], (int) (counts[1] - counts[0]));
    }
}
