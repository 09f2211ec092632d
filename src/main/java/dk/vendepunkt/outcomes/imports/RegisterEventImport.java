package dk.vendepunkt.outcomes.imports;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.outcomes.RegisterEvents.Kind;
import dk.vendepunkt.outcomes.internal.OffenceTable;
import dk.vendepunkt.outcomes.internal.OutcomeDerivation;
import dk.vendepunkt.outcomes.internal.OutcomePersons;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportTemplate;
import dk.vendepunkt.platform.imports.ImportMessages;
import dk.vendepunkt.platform.imports.ImportSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code register-events.csv}: {@code event_ref,person_key,event_type,event_date,offence_code,ssp_level}.
 * Bulk path for register extracts of millions of rows: every row is validated while it is streamed with
 * COPY into a temporary staging table; duplicates within the file are found there; then persons and events
 * are inserted/updated set-based. All-or-nothing (one transaction); re-import by {@code event_ref} updates.
 * An empty {@code ssp_level} is looked up from {@code offence_code} in the offence table (and follows
 * later changes of that table); neither given nor mappable is a row error. Persons not (yet) registered
 * in Vendepunkt are kept by their CPR blind index and linked when they appear. The kinds LIST_115 and UKN_DECISION
 * (our extension, docs/outcomes.md) need no level: an empty {@code ssp_level} stays empty for them.
 */
@Component
public class RegisterEventImport implements ImportHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RegisterEventImport.class);

    static final List<String> COLUMNS = List.of("event_ref", "person_key", "event_type", "event_date", "offence_code", "ssp_level");

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final OutcomePersons persons;
    private final OffenceTable offences;
    private final AuditLog audit;
    private final OutcomeDerivation derivation;

    RegisterEventImport(JdbcTemplate jdbc, DataSource dataSource, OutcomePersons persons, OffenceTable offences, AuditLog audit,
                        OutcomeDerivation derivation) {
        this.derivation = derivation;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.persons = persons;
        this.offences = offences;
        this.audit = audit;
    }

    @Override
    public String kind() {
        return "register-events";
    }

    @Override
    public java.util.Optional<ImportTemplate> template() {
        return java.util.Optional.of(ImportTemplate.of(COLUMNS)
                .codes("event_type", Kind.class)
                .example("event_ref", "REG-2014-000123", "person_key", "010197-1234", "event_type", Kind.values()[0].name(),
                        "event_date", "14-03-2014", "offence_code", "", "ssp_level", "2"));
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ADMIN", "PROGRAMME_MANAGER");
    }

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        jdbc.execute("""
                create temp table out_stage_event (line bigint not null, event_ref varchar(100) collate "C" not null, person_hash varchar(64) collate "C" not null,
                    event_type varchar(20) not null, event_date date not null, offence_code varchar(40), ssp_level smallint,
                    level_from_table boolean not null) on commit drop""");
        long t0 = System.nanoTime();
        // sorts, hash joins and the duplicate check over a million staged rows stay in memory
        jdbc.execute("set local work_mem = '256MB'");
        Map<String, Integer> levels = offences.levels();
        CsvFile f = new CsvFile(kind(), COLUMNS);
        var keys = persons.keyReader();
        Connection con = DataSourceUtils.getConnection(dataSource);
        int[] staged = {0};
        try {
            CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy out_stage_event (line, event_ref, person_hash, event_type, event_date, offence_code, ssp_level, level_from_table) from stdin");
            StringBuilder buf = new StringBuilder(1 << 17);
            try {
                f.read(content, r -> {
                    String ref = r.required("event_ref");
                    if (ref != null && ref.length() > 100) r.fail("event_ref", ImportMessages.text("import.value.tooLong", "100"));
                    String hash = keys.hash(r, "person_key");
                    Kind type = r.enumValue("event_type", Kind.class, true);
                    LocalDate date = r.date("event_date", true);
                    String code = r.text("offence_code");
                    if (code != null && code.length() > 40) r.fail("offence_code", ImportMessages.text("import.value.tooLong", "40"));
                    boolean levelBlank = r.text("ssp_level") == null;
                    Integer level = r.integer("ssp_level", 1, 4, false);
                    boolean fromTable = false;
                    if (levelBlank && type != null && !type.hasLevel()) {
                        level = null;
                    } else if (levelBlank) {
                        if (code == null) {
                            r.fail("ssp_level", ImportMessages.text("import.event.level.missing"));
                        } else if (code.length() <= 40) {
                            level = levels.get(code);
                            fromTable = true;
                            if (level == null) r.fail("offence_code", ImportMessages.text("import.event.code.unknown"));
                        }
                    }
                    if (!r.valid() || f.hasErrors()) return; // after the first error nothing more is staged
                    buf.append(r.line()).append('\t');
                    escape(buf, ref).append('\t').append(hash).append('\t').append(type.name()).append('\t').append(date).append('\t');
                    if (code == null) buf.append("\\N"); else escape(buf, code);
                    buf.append('\t').append(level == null ? "\\N" : level.toString()).append('\t').append(fromTable ? 't' : 'f').append('\n');
                    staged[0]++;
                    if (buf.length() > (1 << 16)) flush(copy, buf);
                });
                if (f.hasErrors()) {
                    copy.cancelCopy();
                } else {
                    flush(copy, buf);
                    copy.endCopy();
                }
            } finally {
                if (copy.isActive()) copy.cancelCopy();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of register events failed", e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
        f.throwIfErrors();
        long tStaged = System.nanoTime();
        jdbc.execute("analyze out_stage_event");
        jdbc.query("""
                select event_ref, array_agg(line order by line) from out_stage_event group by event_ref having count(*) > 1
                 order by min(line) limit 1000""", rs -> {
            Long[] lines = (Long[]) rs.getArray(2).getArray();
            for (int i = 1; i < lines.length; i++) {
                f.error(lines[i], "event_ref", rs.getString(1), ImportMessages.text("import.event.repeated", String.valueOf(lines[0])));
            }
        });
        f.throwIfErrors();
        jdbc.update("insert into out_person (person_hash) select distinct person_hash from out_stage_event on conflict (person_hash) do nothing");
        // the persons whose outcomes change: those named in the file, and those a re-imported event moves away from
        jdbc.execute("""
                create temp table out_stage_person on commit drop as
                select p.id from out_person p where p.person_hash in (select distinct person_hash from out_stage_event)
                union select e.person from out_register_event e join out_stage_event s on s.event_ref = e.event_ref""");
        Integer updated = jdbc.queryForObject("select count(*) from out_stage_event s join out_register_event e on e.event_ref = s.event_ref", Integer.class);
        long tChecked = System.nanoTime();
        if (updated != null && updated > 0) {
            jdbc.update("""
                    update out_register_event e set person = p.id, event_type = s.event_type, event_date = s.event_date,
                        offence_code = s.offence_code, ssp_level = s.ssp_level, level_from_table = s.level_from_table, imported_at = now()
                      from out_stage_event s join out_person p on p.person_hash = s.person_hash
                     where e.event_ref = s.event_ref
                       and (e.person, e.event_type, e.event_date, e.offence_code, e.ssp_level, e.level_from_table)
                           is distinct from (p.id, s.event_type, s.event_date, s.offence_code, s.ssp_level, s.level_from_table)""");
        }
        // new events in (person, type, date) order, so the serious-event index is filled sequentially
        jdbc.update("""
                insert into out_register_event (event_ref, person, event_type, event_date, offence_code, ssp_level, level_from_table)
                select s.event_ref, p.id, s.event_type, s.event_date, s.offence_code, s.ssp_level, s.level_from_table
                  from out_stage_event s join out_person p on p.person_hash = s.person_hash
                %s
                 order by p.id, s.event_type, s.event_date""".formatted(updated == null || updated == 0 ? ""
                : "where not exists (select 1 from out_register_event e where e.event_ref = s.event_ref)"));
        long tStored = System.nanoTime();
        jdbc.execute("analyze out_stage_person");
        derivation.refreshWhere("t.person in (select id from out_stage_person)");
        long tDerived = System.nanoTime();
        log.info("register-events: {} rows; parse, validate and COPY {} ms, duplicate check and persons {} ms, upsert {} ms, derived outcomes {} ms",
                staged[0], (tStaged - t0) / 1_000_000, (tChecked - tStaged) / 1_000_000, (tStored - tChecked) / 1_000_000, (tDerived - tStored) / 1_000_000);
        audit.record(AuditAction.IMPORT, null, null, "register-events", staged[0] + " registerhændelser");
        int n = staged[0];
        return new ImportSummary(kind(), n, n - (updated == null ? 0 : updated), updated == null ? 0 : updated);
    }

    private static void flush(CopyIn copy, StringBuilder buf) {
        if (buf.isEmpty()) return;
        byte[] b = buf.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(b, 0, b.length);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
        buf.setLength(0);
    }

    /** COPY text format escaping. */
    private static StringBuilder escape(StringBuilder sb, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(c);
            }
        }
        return sb;
    }
}
