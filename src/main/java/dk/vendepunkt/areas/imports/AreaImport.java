package dk.vendepunkt.areas.imports;

import dk.vendepunkt.areas.internal.CachedAreaDirectory;
import dk.vendepunkt.areas.AreaLevel;
import dk.vendepunkt.areas.AreasChanged;
import dk.vendepunkt.areas.internal.GeoJsonGeometry;
import dk.vendepunkt.platform.imports.ImportError;
import dk.vendepunkt.platform.imports.ImportFailedException;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportMessages;
import dk.vendepunkt.platform.imports.ImportSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code areas.geojson} (kind {@code areas}): a GeoJSON FeatureCollection in WGS84 whose features have
 * the properties {@code code} (unique), {@code name}, {@code level} ({@code BYDEL}/{@code DISTRICT}),
 * {@code parent} (a bydel's code, for a district) and an optional {@code population}; geometry
 * Polygon or MultiPolygon. All-or-nothing; re-importing a code updates that area. Areas not in the
 * file are kept. In error reports the "line" is the feature's number in the file (1 = the first).
 */
@Component
public class AreaImport implements ImportHandler {

    static final String UNKNOWN = "UNKNOWN";
    private static final String CODE_PATTERN = "[A-Za-z0-9ÆØÅæøå._-]{1,40}";

    private final JdbcClient jdbc;
    private final CachedAreaDirectory directory;
    private final ApplicationEventPublisher events;

    AreaImport(JdbcClient jdbc, CachedAreaDirectory directory, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.events = events;
    }

    @Override
    public String kind() {
        return "areas";
    }

    @Override
    public Set<String> allowedRoles() {
        return Set.of("ANALYST", "ADMIN");
    }

    /** A valid feature. */
    public record Feature(int number, String code, String name, AreaLevel level, String parent, Long population, String geometryJson) {}

    /** Parses and validates the whole file against the areas already stored; throws with every problem. */
    public List<Feature> parse(InputStream in) {
        List<ImportError> errors = new ArrayList<>();
        JsonNode root;
        try {
            root = GeoJsonGeometry.JSON.readTree(in.readAllBytes());
        } catch (JacksonException e) {
            throw new ImportFailedException(kind(), List.of(new ImportError(0, null, null, ImportMessages.text("import.area.json", e.getOriginalMessage()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asString("")) || !root.path("features").isArray()) {
            throw new ImportFailedException(kind(), List.of(new ImportError(0, "type", null, ImportMessages.text("import.area.collection"))));
        }
        List<Feature> features = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int n = 0;
        for (JsonNode f : root.path("features")) {
            n++;
            int size = errors.size();
            JsonNode props = f.path("properties");
            if (!"Feature".equals(f.path("type").asString("")) || !props.isObject()) {
                errors.add(new ImportError(n, null, null, ImportMessages.text("import.area.feature")));
                continue;
            }
            String code = text(props, "code");
            if (code == null) {
                errors.add(new ImportError(n, "code", null, ImportMessages.text("import.value.required")));
            } else if (!code.matches(CODE_PATTERN)) {
                errors.add(new ImportError(n, "code", code, ImportMessages.text("import.area.code")));
            } else if (code.equals(UNKNOWN)) {
                errors.add(new ImportError(n, "code", code, ImportMessages.text("import.area.reserved")));
            } else if (seen.putIfAbsent(code, n) != null) {
                errors.add(new ImportError(n, "code", code, ImportMessages.text("import.area.repeated", String.valueOf(seen.get(code)))));
            }
            String name = text(props, "name");
            if (name == null) errors.add(new ImportError(n, "name", null, ImportMessages.text("import.value.required")));
            else if (name.length() > 200) errors.add(new ImportError(n, "name", name, ImportMessages.text("import.name.tooLong", "200")));
            String levelText = text(props, "level");
            AreaLevel level = null;
            if (levelText == null) {
                errors.add(new ImportError(n, "level", null, ImportMessages.text("import.value.required")));
            } else {
                try {
                    level = AreaLevel.valueOf(levelText);
                } catch (IllegalArgumentException e) {
                    errors.add(new ImportError(n, "level", levelText, ImportMessages.text("import.value.choice", "BYDEL, DISTRICT")));
                }
            }
            String parent = text(props, "parent");
            if (level == AreaLevel.DISTRICT && parent == null) errors.add(new ImportError(n, "parent", null, ImportMessages.text("import.area.parent.required")));
            if (level == AreaLevel.BYDEL && parent != null) errors.add(new ImportError(n, "parent", parent, ImportMessages.text("import.area.parent.none")));
            Long population = null;
            JsonNode pop = props.path("population");
            if (!pop.isMissingNode() && !pop.isNull()) {
                if (pop.isIntegralNumber() && pop.asLong() >= 0) population = pop.asLong();
                else if (pop.isString() && pop.asString().matches("\\d{1,12}")) population = Long.parseLong(pop.asString());
                else errors.add(new ImportError(n, "population", pop.toString(), ImportMessages.text("import.area.population")));
            }
            String geometryJson = null;
            try {
                Geometry g = GeoJsonGeometry.parse(f.get("geometry"));
                String invalid = GeoJsonGeometry.invalidReason(g);
                if (invalid != null) errors.add(new ImportError(n, "geometry", null, invalid));
                else geometryJson = GeoJsonGeometry.JSON.writeValueAsString(f.get("geometry"));
            } catch (IllegalArgumentException e) {
                errors.add(new ImportError(n, "geometry", null, e.getMessage()));
            }
            if (errors.size() == size) {
                features.add(new Feature(n, code, name, level, parent, population, geometryJson));
            }
        }
        if (n == 0) errors.add(new ImportError(0, "features", null, ImportMessages.text("import.area.none")));
        checkHierarchy(features, errors);
        if (!errors.isEmpty()) throw new ImportFailedException(kind(), errors);
        return features;
    }

    /** Every district's parent must be a bydel once the file is applied to the stored areas. */
    private void checkHierarchy(List<Feature> features, List<ImportError> errors) {
        Map<String, AreaLevel> level = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        jdbc.sql("select code, level, parent from area_area").query(rs -> {
            level.put(rs.getString(1), AreaLevel.valueOf(rs.getString(2)));
            parent.put(rs.getString(1), rs.getString(3));
        });
        Map<String, Feature> inFile = new LinkedHashMap<>();
        for (Feature f : features) {
            inFile.put(f.code(), f);
            level.put(f.code(), f.level());
            parent.put(f.code(), f.parent());
        }
        for (Feature f : features) {
            if (f.level() != AreaLevel.DISTRICT) continue;
            AreaLevel p = level.get(f.parent());
            if (p == null) errors.add(new ImportError(f.number(), "parent", f.parent(), ImportMessages.text("import.area.parent.unknown")));
            else if (p != AreaLevel.BYDEL) errors.add(new ImportError(f.number(), "parent", f.parent(), ImportMessages.text("import.area.parent.level")));
        }
        // stored districts whose bydel the file turns into a district
        for (var e : parent.entrySet()) {
            String child = e.getKey();
            if (e.getValue() == null || inFile.containsKey(child)) continue;
            Feature p = inFile.get(e.getValue());
            if (p != null && p.level() != AreaLevel.BYDEL) {
                errors.add(new ImportError(p.number(), "level", p.level().name(), ImportMessages.text("import.area.parent.child", String.valueOf(child))));
            }
        }
    }

    private static String text(JsonNode props, String name) {
        JsonNode v = props.get(name);
        if (v == null || v.isNull()) return null;
        String s = v.isString() ? v.asString().trim() : v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    @Override
    @Transactional
    public ImportSummary importFile(InputStream content) {
        List<Feature> features = parse(content);
        int created = 0;
        int updated = 0;
        for (AreaLevel pass : AreaLevel.values()) {
            for (Feature f : features) {
                if (f.level() != pass) continue;
                boolean inserted = jdbc.sql("""
                        insert into area_area (code, name, level, parent, geometry, population) values (?, ?, ?, ?, ?, ?)
                        on conflict (code) do update set name = excluded.name, level = excluded.level, parent = excluded.parent,
                          geometry = excluded.geometry, population = excluded.population, version = area_area.version + 1
                        returning (xmax = 0)""")
                        .params(f.code(), f.name(), f.level().name(), f.parent(), f.geometryJson(), f.population())
                        .query(Boolean.class).single();
                if (inserted) created++;
                else updated++;
            }
        }
        directory.invalidateAfterCommit();
        events.publishEvent(new AreasChanged(features.size()));
        return new ImportSummary(kind(), features.size(), created, updated);
    }
}
