package dk.vendepunkt.outcomes.imports;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.outcomes.internal.Codes.FollowUpStatus;
import dk.vendepunkt.outcomes.internal.FollowUps;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code follow-ups.csv}: {@code person_key,status_date,status}. The file has no {@code *_ref}: a person's
 * status on a date is the key, so re-importing updates the status of that person and date. All-or-nothing.
 */
@Component
public class FollowUpImport implements ImportHandler {

    static final List<String> COLUMNS = List.of("person_key", "status_date", "status");

    private final OutcomePersons persons;
    private final FollowUps followUps;
    private final AuditLog audit;
    private final OutcomeDerivation derivation;

    FollowUpImport(OutcomePersons persons, FollowUps followUps, AuditLog audit, OutcomeDerivation derivation) {
        this.persons = persons;
        this.followUps = followUps;
        this.audit = audit;
        this.derivation = derivation;
    }

    @Override
    public String kind() {
        return "follow-ups";
    }

    @Override
    public java.util.Optional<ImportTemplate> template() {
        return java.util.Optional.of(ImportTemplate.of(COLUMNS)
                .codes("status", FollowUpStatus.class)
                .example("person_key", "010197-1234", "status_date", "14-06-2014", "status", FollowUpStatus.values()[0].name()));
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ADMIN", "PROGRAMME_MANAGER");
    }

    private record Line(String hash, LocalDate date, FollowUpStatus status) {}

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        CsvFile f = new CsvFile(kind(), COLUMNS);
        var keys = persons.keyReader();
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        f.read(content, r -> {
            String hash = keys.hash(r, "person_key");
            LocalDate date = r.date("status_date", true);
            FollowUpStatus status = r.enumValue("status", FollowUpStatus.class, true);
            if (!r.valid()) return;
            if (!seen.add(hash + "|" + date)) {
                r.fail("status_date", ImportMessages.text("import.followUp.repeated"));
                return;
            }
            lines.add(new Line(hash, date, status));
        });
        f.throwIfErrors();
        Map<String, Long> ids = persons.ids(lines.stream().map(Line::hash).toList());
        int created = followUps.upsertAll(lines.stream().map(l -> new FollowUps.Status(ids.get(l.hash()), l.date(), l.status())).toList());
        derivation.refresh(ids.values());
        audit.record(AuditAction.IMPORT, null, null, "follow-ups", lines.size() + " opfølgninger");
        return new ImportSummary(kind(), lines.size(), created, lines.size() - created);
    }
}
