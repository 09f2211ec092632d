package dk.vendepunkt.outcomes.imports;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.outcomes.internal.Codes.ClosureReason;
import dk.vendepunkt.outcomes.internal.Codes.Programme;
import dk.vendepunkt.outcomes.internal.OutcomeDerivation;
import dk.vendepunkt.outcomes.internal.OutcomePersons;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportTemplate;
import dk.vendepunkt.platform.imports.ImportMessages;
import dk.vendepunkt.platform.imports.ImportSummary;
import java.io.InputStream;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code enrolments.csv}: {@code enrolment_ref,person_key,programme,start_date,end_date,closure_reason,gang_related}.
 * Re-import by {@code enrolment_ref} updates. All-or-nothing.
 */
@Component
public class EnrolmentImport implements ImportHandler {

    static final List<String> COLUMNS = List.of("enrolment_ref", "person_key", "programme", "start_date", "end_date",
            "closure_reason", "gang_related");

    private final JdbcTemplate jdbc;
    private final OutcomePersons persons;
    private final AuditLog audit;
    private final OutcomeDerivation derivation;

    EnrolmentImport(JdbcTemplate jdbc, OutcomePersons persons, AuditLog audit, OutcomeDerivation derivation) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.audit = audit;
        this.derivation = derivation;
    }

    @Override
    public String kind() {
        return "enrolments";
    }

    @Override
    public java.util.Optional<ImportTemplate> template() {
        return java.util.Optional.of(ImportTemplate.of(COLUMNS)
                .codes("programme", Programme.class).codes("closure_reason", ClosureReason.class)
                .example("enrolment_ref", "EXIT-2014-001", "person_key", "010197-1234", "programme", Programme.values()[0].name(),
                        "start_date", "14-03-2014", "end_date", "", "closure_reason", "", "gang_related", "false"));
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ADMIN", "PROGRAMME_MANAGER");
    }

    record Line(String ref, String hash, Programme programme, LocalDate start, LocalDate end, ClosureReason reason, boolean gang) {}

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        CsvFile f = new CsvFile(kind(), COLUMNS);
        var keys = persons.keyReader();
        List<Line> lines = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        f.read(content, r -> {
            String ref = r.required("enrolment_ref");
            if (ref != null && ref.length() > 100) r.fail("enrolment_ref", ImportMessages.text("import.value.tooLong", "100"));
            String hash = keys.hash(r, "person_key");
            Programme p = r.enumValue("programme", Programme.class, true);
            LocalDate start = r.date("start_date", true);
            LocalDate end = r.date("end_date", false);
            boolean endInvalid = end == null && r.text("end_date") != null;
            ClosureReason reason = r.enumValue("closure_reason", ClosureReason.class, false);
            boolean reasonInvalid = reason == null && r.text("closure_reason") != null;
            Boolean gang = r.bool("gang_related", true);
            if (end != null && start != null && end.isBefore(start)) r.fail("end_date", ImportMessages.text("import.enrolment.end"));
            if (end == null && !endInvalid && reason != null) r.fail("closure_reason", ImportMessages.text("import.enrolment.reason.open"));
            if (end != null && reason == null && !reasonInvalid) r.fail("closure_reason", ImportMessages.text("import.enrolment.reason.required"));
            if (ref != null && !refs.add(ref)) r.fail("enrolment_ref", ImportMessages.text("import.enrolment.repeated"));
            if (r.valid()) lines.add(new Line(ref, hash, p, start, end, reason, gang));
        });
        f.throwIfErrors();
        Map<String, Long> ids = persons.ids(lines.stream().map(Line::hash).toList());
        persons.recordBirthDates(keys.birthDates());
        Set<String> existing = new HashSet<>();
        List<String> allRefs = lines.stream().map(Line::ref).toList();
        for (int i = 0; i < allRefs.size(); i += 10_000) {
            jdbc.query("select enrolment_ref from out_enrolment where enrolment_ref = any(?::varchar[])",
                    rs -> { existing.add(rs.getString(1)); }, (Object) allRefs.subList(i, Math.min(allRefs.size(), i + 10_000)).toArray(String[]::new));
        }
        jdbc.batchUpdate("""
                insert into out_enrolment (enrolment_ref, person, programme, start_date, end_date, closure_reason, gang_related, source)
                values (?, ?, ?, ?, ?, ?, ?, 'IMPORT')
                on conflict (enrolment_ref) do update set person = excluded.person, programme = excluded.programme,
                    start_date = excluded.start_date, end_date = excluded.end_date, closure_reason = excluded.closure_reason,
                    gang_related = excluded.gang_related, updated_at = now()""",
                lines, 1000, (ps, l) -> {
                    ps.setString(1, l.ref());
                    ps.setLong(2, ids.get(l.hash()));
                    ps.setString(3, l.programme().name());
                    ps.setDate(4, Date.valueOf(l.start()));
                    ps.setDate(5, l.end() == null ? null : Date.valueOf(l.end()));
                    ps.setString(6, l.reason() == null ? null : l.reason().name());
                    ps.setBoolean(7, l.gang());
                });
        derivation.refresh(ids.values());
        audit.record(AuditAction.IMPORT, null, null, "enrolments", lines.size() + " forløb");
        return new ImportSummary(kind(), lines.size(), lines.size() - existing.size(), existing.size());
    }
}
