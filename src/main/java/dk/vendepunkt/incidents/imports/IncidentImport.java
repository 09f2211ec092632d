package dk.vendepunkt.incidents.imports;

import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.incidents.internal.Cause;
import dk.vendepunkt.incidents.internal.Incident;
import dk.vendepunkt.incidents.internal.IncidentIndicators;
import dk.vendepunkt.incidents.internal.IncidentKind;
import dk.vendepunkt.incidents.internal.IncidentService;
import dk.vendepunkt.incidents.internal.IncidentStore;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportTemplate;
import dk.vendepunkt.platform.imports.ImportMessages;
import dk.vendepunkt.platform.imports.ImportSummary;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code incidents.csv} (kind {@code incidents}): {@code incident_ref,started_at,ended_at,kind,cause,department,institution,area}.
 * All-or-nothing; re-importing an incident_ref updates it (a description entered in the UI is kept). The
 * institution must not hold a CPR number or an e-mail address; the area is a known district or empty.
 */
@Component
public class IncidentImport implements ImportHandler {

    static final String KIND = "incidents";
    public static final List<String> COLUMNS = List.of("incident_ref", "started_at", "ended_at", "kind", "cause", "department", "institution", "area");

    private final AreaDirectory areas;
    private final IncidentStore store;
    private final IncidentIndicators indicators;
    private final AuditLog audit;

    IncidentImport(AreaDirectory areas, IncidentStore store, IncidentIndicators indicators, AuditLog audit) {
        this.areas = areas;
        this.store = store;
        this.indicators = indicators;
        this.audit = audit;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public java.util.Optional<ImportTemplate> template() {
        return java.util.Optional.of(ImportTemplate.of(COLUMNS)
                .codes("kind", IncidentKind.class).codes("cause", Cause.class).codes("department", Incident.DEPARTMENTS)
                .example("incident_ref", "H-2014-0042", "started_at", "14-03-2014 21:40", "ended_at", "14-03-2014 23:10",
                        "kind", IncidentKind.values()[0].name(), "cause", Cause.values()[0].name(), "department", Incident.DEPARTMENTS.get(0),
                        "institution", "Fritidsklubben Nord", "area", "D12"));
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ANALYST", "PROGRAMME_MANAGER", "ADMIN");
    }

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        Set<String> districts = areas.districts().stream().map(a -> a.code()).collect(Collectors.toSet());
        List<IncidentStore.Values> rows = parse(content, districts);
        int created = 0;
        String by = CurrentUser.username();
        for (IncidentStore.Values v : rows) if (store.upsert(v, by)) created++;
        audit.record(AuditAction.IMPORT, null, null, "incidents", rows.size() + " rækker");
        indicators.refresh();
        return new ImportSummary(KIND, rows.size(), created, rows.size() - created);
    }

    /** Parses and validates the whole file; throws {@link dk.vendepunkt.platform.imports.ImportFailedException} with every bad cell. */
    static List<IncidentStore.Values> parse(InputStream in, Set<String> districtCodes) {
        CsvFile f = new CsvFile(KIND, COLUMNS);
        List<IncidentStore.Values> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        f.read(in, r -> {
            String ref = r.required("incident_ref");
            if (ref != null && !ref.matches("[A-Za-z0-9ÆØÅæøå._+-]{1,80}")) {
                r.fail("incident_ref", ImportMessages.text("import.ref.invalid"));
            }
            OffsetDateTime start = r.dateTime("started_at", true);
            OffsetDateTime end = r.dateTime("ended_at", false);
            if (start != null && end != null && !end.isAfter(start)) r.fail("ended_at", ImportMessages.text("import.incident.end"));
            IncidentKind kind = r.enumValue("kind", IncidentKind.class, true);
            Cause cause = r.enumValue("cause", Cause.class, true);
            String dept = r.required("department");
            if (dept != null && !Incident.DEPARTMENTS.contains(dept)) r.fail("department", ImportMessages.text("import.department", String.join(", ", Incident.DEPARTMENTS)));
            String inst = r.required("institution");
            if (inst != null && inst.length() > 120) r.fail("institution", ImportMessages.text("import.incident.institution.tooLong"));
            else if (IncidentService.looksPersonal(inst)) r.fail("institution", ImportMessages.text("import.incident.personal"));
            String area = r.text("area");
            if (area != null && !districtCodes.contains(area)) r.fail("area", ImportMessages.text("import.incident.area"));
            if (!r.valid()) return;
            Long first = seen.putIfAbsent(ref, r.line());
            if (first != null) {
                r.fail("incident_ref", ImportMessages.text("import.incident.repeated", String.valueOf(first)));
                return;
            }
            rows.add(new IncidentStore.Values(ref, start, end, kind, cause, dept, inst, area, null));
        });
        f.throwIfErrors();
        return rows;
    }
}
