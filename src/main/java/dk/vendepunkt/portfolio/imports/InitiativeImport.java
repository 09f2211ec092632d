package dk.vendepunkt.portfolio.imports;

import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportTemplate;
import dk.vendepunkt.platform.imports.ImportMessages;
import dk.vendepunkt.platform.imports.ImportSummary;
import dk.vendepunkt.portfolio.internal.BudgetType;
import dk.vendepunkt.portfolio.internal.Departments;
import dk.vendepunkt.portfolio.internal.Funding;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code initiatives.csv} (kind {@code initiatives}): one row per initiative, year and budget type.
 * All-or-nothing; re-importing updates the initiative (by {@code initiative_ref}) and its budget line
 * (by initiative, year and budget type) instead of duplicating. Rows of one initiative must agree on
 * name, department, focus area and funding.
 */
@Component
public class InitiativeImport implements ImportHandler {

    static final List<String> COLUMNS = List.of("initiative_ref", "name", "department", "focus_area", "year", "budget_type", "amount_dkk", "funding", "note");

    private final JdbcClient jdbc;

    InitiativeImport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "initiatives";
    }

    @Override
    public java.util.Optional<ImportTemplate> template() {
        return java.util.Optional.of(ImportTemplate.of(COLUMNS)
                .codes("department", Departments.CODES).codes("budget_type", BudgetType.class).codes("funding", Funding.class)
                .example("initiative_ref", "SB-2014-07", "name", "Natteravne i Nordvest", "department", Departments.CODES.get(0),
                        "focus_area", "1", "year", "2014", "budget_type", BudgetType.values()[0].name(), "amount_dkk", "250000",
                        "funding", Funding.values()[0].name(), "note", ""));
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ANALYST", "ADMIN");
    }

    /** A valid row of the file. */
    public record Line(long line, String ref, String name, String department, Integer focusArea, int year, BudgetType type,
                BigDecimal amount, Funding funding, String note) {}

    /** Parses and validates the whole file; throws with every bad row. */
    public static List<Line> parse(InputStream in) {
        CsvFile f = new CsvFile("initiatives", COLUMNS);
        List<Line> lines = new ArrayList<>();
        Map<String, Line> first = new HashMap<>();
        Set<String> keys = new HashSet<>();
        f.read(in, r -> {
            String ref = r.required("initiative_ref");
            if (ref != null && !ref.matches("[A-Za-z0-9ÆØÅæøå._+-]{1,80}")) r.fail("initiative_ref", ImportMessages.text("import.ref.invalid"));
            String name = r.required("name");
            if (name != null && name.length() > 300) r.fail("name", ImportMessages.text("import.name.tooLong", "300"));
            String dept = r.required("department");
            if (dept != null && !Departments.valid(dept)) r.fail("department", ImportMessages.text("import.department", String.join(", ", Departments.CODES)));
            Integer area = r.integer("focus_area", 1, 6, false);
            Integer year = r.integer("year", 1990, 2100, true);
            BudgetType type = r.enumValue("budget_type", BudgetType.class, true);
            BigDecimal amount = r.decimal("amount_dkk", true);
            Funding funding = r.enumValue("funding", Funding.class, false);
            String note = r.text("note");
            if (!r.valid()) return;
            Line l = new Line(r.line(), ref, name, dept, area, year, type, amount, funding, note);
            if (!keys.add(ref + "|" + year + "|" + type)) {
                r.fail("initiative_ref", ImportMessages.text("import.initiative.repeated", String.valueOf(year), String.valueOf(type)));
                return;
            }
            Line f0 = first.putIfAbsent(ref, l);
            if (f0 != null) {
                if (!f0.name().equals(name)) r.fail("name", ImportMessages.text("import.initiative.differs", String.valueOf(f0.line())));
                if (!f0.department().equals(dept)) r.fail("department", ImportMessages.text("import.initiative.differs", String.valueOf(f0.line())));
                if (!Objects.equals(f0.focusArea(), area)) r.fail("focus_area", ImportMessages.text("import.initiative.differs", String.valueOf(f0.line())));
                if (f0.funding() != funding) r.fail("funding", ImportMessages.text("import.initiative.differs", String.valueOf(f0.line())));
                if (!r.valid()) return;
            }
            lines.add(l);
        });
        f.throwIfErrors();
        return lines;
    }

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        List<Line> lines = parse(content);
        Map<String, Line> initiatives = new LinkedHashMap<>();
        for (Line l : lines) initiatives.putIfAbsent(l.ref(), l);
        Map<String, Long> ids = new HashMap<>();
        for (Line l : initiatives.values()) {
            long id = jdbc.sql("""
                    insert into pf_initiative (ref, name, department, focus_area, funding) values (?, ?, ?, ?, ?)
                    on conflict (ref) do update set name = excluded.name, department = excluded.department,
                      focus_area = excluded.focus_area, funding = excluded.funding, version = pf_initiative.version + 1
                    returning id""")
                    .params(l.ref(), l.name(), l.department(), l.focusArea(), l.funding() == null ? null : l.funding().name())
                    .query(Long.class).single();
            ids.put(l.ref(), id);
        }
        int created = 0;
        int updated = 0;
        for (Line l : lines) {
            boolean inserted = jdbc.sql("""
                    insert into pf_budget_line (initiative_id, year, budget_type, amount_dkk, note) values (?, ?, ?, ?, ?)
                    on conflict (initiative_id, year, budget_type) do update set amount_dkk = excluded.amount_dkk,
                      note = excluded.note, version = pf_budget_line.version + 1
                    returning (xmax = 0)""")
                    .params(ids.get(l.ref()), l.year(), l.type().name(), l.amount(), l.note())
                    .query(Boolean.class).single();
            if (inserted) created++;
            else updated++;
        }
        return new ImportSummary(kind(), lines.size(), created, updated);
    }
}
