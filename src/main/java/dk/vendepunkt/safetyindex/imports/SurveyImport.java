package dk.vendepunkt.safetyindex.imports;

import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportTemplate;
import dk.vendepunkt.platform.imports.ImportMessages;
import dk.vendepunkt.platform.imports.ImportSummary;
import dk.vendepunkt.safetyindex.internal.EffectGoal3Indicator;
import dk.vendepunkt.safetyindex.internal.NeedAreasIndicator;
import dk.vendepunkt.safetyindex.internal.SurveyStore;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code survey.csv} (kind {@code survey}): {@code respondent_ref,year,area,weight,feels_unsafe,victimised,crime_big_problem}.
 * Every column is validated: the area must be a known district, the weight &gt; 0 (empty = 1), the
 * answers 1, 0 or empty. All-or-nothing; re-importing the same respondent_ref and year updates the row.
 */
@Component
public class SurveyImport implements ImportHandler {

    static final String KIND = "survey";
    public static final List<String> COLUMNS = List.of("respondent_ref", "year", "area", "weight", "feels_unsafe", "victimised", "crime_big_problem");

    private final AreaDirectory areas;
    private final SurveyStore store;
    private final EffectGoal3Indicator indicator;
    private final NeedAreasIndicator needAreas;

    SurveyImport(AreaDirectory areas, SurveyStore store, EffectGoal3Indicator indicator, NeedAreasIndicator needAreas) {
        this.needAreas = needAreas;
        this.areas = areas;
        this.store = store;
        this.indicator = indicator;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public java.util.Optional<ImportTemplate> template() {
        return java.util.Optional.of(ImportTemplate.of(COLUMNS)
                .example("respondent_ref", "R-2014-0001", "year", "2014", "area", "D12", "weight", "1,0",
                        "feels_unsafe", "false", "victimised", "false", "crime_big_problem", "true"));
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ANALYST", "ADMIN");
    }

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        Set<String> districts = new HashSet<>();
        areas.districts().forEach(d -> districts.add(d.code()));
        List<Line> lines = parse(content, districts);
        int created = store.upsertAll(lines);
        indicator.refresh();
        needAreas.refresh();
        return new ImportSummary(KIND, lines.size(), created, lines.size() - created);
    }

    /** A valid row of the file. */
    public record Line(long line, String ref, int year, String area, BigDecimal weight, Integer feelsUnsafe, Integer victimised,
                Integer crimeBigProblem) {}

    /**
     * Parses and validates the whole file against the known district codes; throws
     * {@link dk.vendepunkt.platform.imports.ImportFailedException} with every bad cell.
     */
    static List<Line> parse(InputStream in, Set<String> districtCodes) {
        CsvFile f = new CsvFile(KIND, COLUMNS);
        List<Line> lines = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        f.read(in, r -> {
            String ref = r.required("respondent_ref");
            if (ref != null && !ref.matches("[A-Za-z0-9ÆØÅæøå._+-]{1,80}")) {
                r.fail("respondent_ref", ImportMessages.text("import.ref.invalid"));
            }
            Integer year = r.integer("year", 1990, 2100, true);
            String area = r.required("area");
            if (area != null && !districtCodes.contains(area)) {
                r.fail("area", ImportMessages.text("import.survey.area"));
            }
            BigDecimal weight = BigDecimal.ONE;
            if (r.text("weight") != null) {
                weight = r.decimal("weight", false);
                if (weight != null && weight.signum() <= 0) {
                    r.fail("weight", ImportMessages.text("import.survey.weight.positive"));
                } else if (weight != null && (weight.precision() - weight.scale() > 8 || weight.scale() > 6)) {
                    r.fail("weight", ImportMessages.text("import.survey.weight.range"));
                }
            }
            Integer feelsUnsafe = answer(r, "feels_unsafe");
            Integer victimised = answer(r, "victimised");
            Integer crimeBigProblem = answer(r, "crime_big_problem");
            if (!r.valid()) return;
            Long first = seen.putIfAbsent(ref + "|" + year, r.line());
            if (first != null) {
                r.fail("respondent_ref", ImportMessages.text("import.survey.repeated", String.valueOf(year), String.valueOf(first)));
                return;
            }
            lines.add(new Line(r.line(), ref, year, area, weight, feelsUnsafe, victimised, crimeBigProblem));
        });
        f.throwIfErrors();
        return lines;
    }

    private static Integer answer(CsvFile.Row r, String column) {
        String v = r.text(column);
        if (v == null) return null;
        return switch (v) {
            case "1" -> 1;
            case "0" -> 0;
            default -> {
                r.fail(column, ImportMessages.text("import.survey.answer"));
                yield null;
            }
        };
    }
}
