package dk.vendepunkt.areas.imports;

import dk.vendepunkt.areas.PopulationChanged;
import dk.vendepunkt.areas.internal.CachedAreaDirectory;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportTemplate;
import dk.vendepunkt.platform.imports.ImportMessages;
import dk.vendepunkt.platform.imports.ImportSummary;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code population.csv} (kind {@code population}): {@code area,year,population} and the optional
 * {@code age_group} ({@code ALL}, the default when the column is absent or empty, or {@code AGE_14_25}:
 * the 14–25-year-olds that effect goal 1 divides by). The area must be a stored district or bydel
 * (import the areas first). Re-importing an area, year and age group updates it.
 */
@Component
public class PopulationImport implements ImportHandler {

    static final List<String> COLUMNS = List.of("area", "year", "population");
    static final List<String> OPTIONAL = List.of("age_group");

    /** population.csv's age groups. */
    enum AgeGroup { ALL, AGE_14_25 }

    private final JdbcClient jdbc;
    private final CachedAreaDirectory directory;
    private final ApplicationEventPublisher events;

    PopulationImport(JdbcClient jdbc, CachedAreaDirectory directory, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.events = events;
    }

    @Override
    public String kind() {
        return "population";
    }

    @Override
    public java.util.Optional<ImportTemplate> template() {
        return java.util.Optional.of(ImportTemplate.of(COLUMNS, OPTIONAL)
                .codes("age_group", AgeGroup.class)
                .example("area", "D12", "year", "2014", "population", "8412", "age_group", AgeGroup.values()[0].name()));
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ANALYST", "ADMIN");
    }

    record Line(String area, int year, long population, AgeGroup group) {}

    List<Line> parse(InputStream in) {
        CsvFile f = new CsvFile(kind(), COLUMNS, OPTIONAL);
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
            AgeGroup given = r.enumValue("age_group", AgeGroup.class, false);
            AgeGroup group = given == null ? AgeGroup.ALL : given;
            if (!r.valid()) return;
            Long earlier = seen.putIfAbsent(area + "|" + year + "|" + group, r.line());
            if (earlier != null) {
                r.fail("year", group == AgeGroup.ALL
                        ? ImportMessages.text("import.population.repeated", String.valueOf(year), String.valueOf(earlier))
                        : ImportMessages.text("import.population.repeatedGroup", String.valueOf(year), group.name(), String.valueOf(earlier)));
                return;
            }
            lines.add(new Line(area, year, pop, group));
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
                    insert into area_population (area, year, population, age_group) values (?, ?, ?, ?)
                    on conflict (area, year, age_group) do update set population = excluded.population, version = area_population.version + 1
                    returning (xmax = 0)""")
                    .params(l.area(), l.year(), l.population(), l.group().name()).query(Boolean.class).single();
            if (inserted) created++;
        }
        directory.invalidateAfterCommit();
        events.publishEvent(new PopulationChanged(lines.size()));
        return new ImportSummary(kind(), lines.size(), created, lines.size() - created);
    }
}
