package dk.vendepunkt.portfolio.imports;

import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportTemplate;
import dk.vendepunkt.platform.imports.ImportMessages;
import dk.vendepunkt.platform.imports.ImportSummary;
import dk.vendepunkt.portfolio.internal.IndicatorService;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code indicator-values.csv} (kind {@code indicator-values}):
 * {@code indicator_ref,period_start,period_end,value,source,note} and the optional {@code area} (a stored
 * district or bydel code; empty or absent = the whole city). The indicator must exist; a value of the same
 * indicator, period and area is replaced. All-or-nothing.
 */
@Component
class IndicatorValueImport implements ImportHandler {

    static final List<String> COLUMNS = List.of("indicator_ref", "period_start", "period_end", "value", "source", "note");
    static final List<String> OPTIONAL = List.of("area");

    private final JdbcClient jdbc;
    private final AreaDirectory areas;

    IndicatorValueImport(JdbcClient jdbc, AreaDirectory areas) {
        this.jdbc = jdbc;
        this.areas = areas;
    }

    @Override
    public String kind() {
        return "indicator-values";
    }

    @Override
    public java.util.Optional<ImportTemplate> template() {
        return java.util.Optional.of(ImportTemplate.of(COLUMNS, OPTIONAL)
                .example("indicator_ref", "IND-1", "period_start", "01-01-2014", "period_end", "31-12-2014", "value", "12,5",
                        "source", "Politiets statistik", "note", "", "area", "D12"));
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ANALYST", "ADMIN");
    }

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select ref, id from pf_indicator").query((rs, i) -> ids.put(rs.getString(1), rs.getLong(2))).list();
        CsvFile f = new CsvFile(kind(), COLUMNS, OPTIONAL);
        record Line(long id, IndicatorService.NewValue v) {}
        List<Line> lines = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        f.read(content, r -> {
            String ref = r.required("indicator_ref");
            if (ref != null && !ids.containsKey(ref)) r.fail("indicator_ref", ImportMessages.text("import.indicator.unknown"));
            LocalDate start = r.date("period_start", true);
            LocalDate end = r.date("period_end", true);
            if (start != null && end != null && end.isBefore(start)) r.fail("period_end", ImportMessages.text("import.indicator.period"));
            BigDecimal value = r.decimal("value", true);
            String source = r.text("source");
            String note = r.text("note");
            String area = r.text("area");
            if (area != null && areas.byCode(area).isEmpty()) r.fail("area", ImportMessages.text("import.indicator.area"));
            if (!r.valid()) return;
            if (!keys.add(ref + "|" + start + "|" + end + "|" + area)) {
                r.fail("period_start", ImportMessages.text("import.indicator.repeated"));
                return;
            }
            lines.add(new Line(ids.get(ref), new IndicatorService.NewValue(start, end, value, source, note, area)));
        });
        f.throwIfErrors();
        int created = 0;
        for (Line l : lines) if (IndicatorService.upsertValue(jdbc, l.id(), l.v())) created++;
        return new ImportSummary(kind(), lines.size(), created, lines.size() - created);
    }
}
