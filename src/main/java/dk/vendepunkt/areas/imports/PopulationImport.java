package dk.vendepunkt.areas.imports;

import dk.vendepunkt.areas.internal.CachedAreaDirectory;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportMessages;
import dk.vendepunkt.platform.imports.ImportSummary;
import java.io.InputStream;
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
 * {@code population.csv} (kind {@code population}): {@code area,year,population}. The area must be a
 * stored district or bydel (import the areas first). Re-importing an area and year updates it.
 */
@Component
public class PopulationImport implements ImportHandler {

    static final List<String> COLUMNS = List.of("area", "year", "population");

    private final JdbcClient jdbc;
    private final CachedAreaDirectory directory;

    PopulationImport(JdbcClient jdbc, CachedAreaDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @Override
    public String kind() {
        return "population";
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ANALYST", "ADMIN");
    }

    record Line(String area, int year, long population) {}

    List<Line> parse(InputStream in) {
        CsvFile f = new CsvFile(kind(), COLUMNS);
        Set<String> areas = new HashSet<>(jdbc.sql("select code from area_area").query(String.class).list());
        Map<String, Long> seen = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        f.read(in, r -> {
            String area = r.required("area");
            if (area != null && !areas.contains(area)) r.fail("area", ImportMessages.text("import.population.area"));
            Integer year = r.integer("year", 1900, 2200, true);
            String popText = r.required("population");
            Long pop = null;
            if (popText != null) {
                if (popText.matches("\\d{1,12}")) pop = Long.parseLong(popText);
                else r.fail("population", ImportMessages.text("import.population.count"));
            }
            if (!r.valid()) return;
            Long earlier = seen.putIfAbsent(area + "|" + year, r.line());
            if (earlier != null) {
                r.fail("year", ImportMessages.text("import.population.repeated", String.valueOf(year), String.valueOf(earlier)));
                return;
            }
            lines.add(new Line(area, year, pop));
        });
        f.throwIfErrors();
        return lines;
    }

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        List<Line> lines = parse(content);
        int created = 0;
        for (Line l : lines) {
            boolean inserted = jdbc.sql("""
                    insert into area_population (area, year, population) values (?, ?, ?)
                    on conflict (area, year) do update set population = excluded.population, version = area_population.version + 1
                    returning (xmax = 0)""")
                    .params(l.area(), l.year(), l.population()).query(Boolean.class).single();
            if (inserted) created++;
        }
        directory.invalidateAfterCommit();
        return new ImportSummary(kind(), lines.size(), created, lines.size() - created);
    }
}
