package dk.vendepunkt.outcomes.imports;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.outcomes.internal.OutcomeDerivation;
import dk.vendepunkt.outcomes.internal.OutcomePersons;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportTemplate;
import dk.vendepunkt.platform.imports.ImportMessages;
import dk.vendepunkt.platform.imports.ImportSummary;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code reference-group.csv}: {@code person_key,index_date,label} — people who did not take part, with the
 * date that plays the role of {@code end_date}. {@code label} names the group; a person is in a group once,
 * so re-importing a (label, person) updates the index date. All-or-nothing.
 */
@Component
public class ReferenceGroupImport implements ImportHandler {

    static final List<String> COLUMNS = List.of("person_key", "index_date", "label");

    private final JdbcClient jdbc;
    private final OutcomePersons persons;
    private final AuditLog audit;
    private final OutcomeDerivation derivation;

    ReferenceGroupImport(JdbcClient jdbc, OutcomePersons persons, AuditLog audit, OutcomeDerivation derivation) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.audit = audit;
        this.derivation = derivation;
    }

    @Override
    public String kind() {
        return "reference-group";
    }

    @Override
    public java.util.Optional<ImportTemplate> template() {
        return java.util.Optional.of(ImportTemplate.of(COLUMNS)
                .example("person_key", "010197-1234", "index_date", "14-03-2014", "label", "Sammenligning 2014"));
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ADMIN", "PROGRAMME_MANAGER");
    }

    private record Line(String hash, LocalDate date, String label) {}

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        CsvFile f = new CsvFile(kind(), COLUMNS);
        var keys = persons.keyReader();
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        f.read(content, r -> {
            String hash = keys.hash(r, "person_key");
            LocalDate date = r.date("index_date", true);
            String label = r.required("label");
            if (label != null && label.length() > 100) r.fail("label", ImportMessages.text("import.value.tooLong", "100"));
            if (!r.valid()) return;
            if (!seen.add(label + "|" + hash)) {
                r.fail("person_key", ImportMessages.text("import.reference.repeated", label));
                return;
            }
            lines.add(new Line(hash, date, label));
        });
        f.throwIfErrors();
        Map<String, Long> ids = persons.ids(lines.stream().map(Line::hash).toList());
        int created = 0;
        for (Line l : lines) {
            boolean c = jdbc.sql("""
                    insert into out_reference_member (label, person, index_date) values (?, ?, ?)
                    on conflict (label, person) do update set index_date = excluded.index_date, updated_at = now()
                    returning (xmax = 0)""").params(l.label(), ids.get(l.hash()), l.date()).query(Boolean.class).single();
            if (c) created++;
        }
        derivation.refresh(ids.values());
        audit.record(AuditAction.IMPORT, null, null, "reference-group", lines.size() + " personer i referencegruppe");
        return new ImportSummary(kind(), lines.size(), created, lines.size() - created);
    }
}
