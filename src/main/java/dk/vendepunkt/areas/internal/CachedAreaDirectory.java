package dk.vendepunkt.areas.internal;

import dk.vendepunkt.areas.Area;
import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.areas.AreaLevel;
import dk.vendepunkt.areas.Kvadratnet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The {@link AreaDirectory} over the {@code area_} tables, cached in memory until an import invalidates it. */
@Service
public class CachedAreaDirectory implements AreaDirectory {

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    CachedAreaDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One district in the spatial index. */
    private record Indexed(Area area, PreparedGeometry geometry) {}

    private record Snapshot(List<Area> bydele, List<Area> districts, Map<String, Area> byCode,
                            Map<String, String> geometryJson, Map<String, Long> geoPopulation,
                            Map<String, NavigableMap<Integer, Long>> population, STRtree index,
                            java.util.SortedSet<String>[] cellsHolder) {
        java.util.SortedSet<String> cells() {
            return cellsHolder[0];
        }
    }

    @Override
    public List<Area> bydele() {
        return snapshot().bydele();
    }

    @Override
    public List<Area> districts() {
        return snapshot().districts();
    }

    @Override
    public List<Area> districtsOf(String bydelCode) {
        return districts().stream().filter(d -> d.parentCode().equals(bydelCode)).toList();
    }

    @Override
    public Optional<Area> byCode(String code) {
        return Optional.ofNullable(snapshot().byCode().get(code));
    }

    @Override
    public OptionalLong population(String code, int year) {
        Snapshot s = snapshot();
        Area a = s.byCode().get(code);
        if (a == null) return OptionalLong.empty();
        OptionalLong own = ownPopulation(s, code, year);
        if (own.isPresent() || a.level() == AreaLevel.DISTRICT) return own;
        long sum = 0;
        boolean any = false;
        for (Area d : s.districts()) {
            if (d.parentCode().equals(code)) {
                OptionalLong p = ownPopulation(s, d.code(), year);
                if (p.isPresent()) {
                    sum += p.getAsLong();
                    any = true;
                }
            }
        }
        return any ? OptionalLong.of(sum) : OptionalLong.empty();
    }

    @Override
    public OptionalLong population14to25(String code, int year) {
        return jdbc.sql("select population from area_population where area = ? and year = ? and age_group = 'AGE_14_25'")
                .params(code, year).query(Long.class).optional().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static OptionalLong ownPopulation(Snapshot s, String code, int year) {
        NavigableMap<Integer, Long> byYear = s.population().get(code);
        if (byYear != null) {
            Map.Entry<Integer, Long> e = byYear.floorEntry(year);
            if (e != null) return OptionalLong.of(e.getValue());
        }
        Long geo = s.geoPopulation().get(code);
        return geo == null ? OptionalLong.empty() : OptionalLong.of(geo);
    }

    @Override
    public Optional<Area> districtAt(double lat, double lon) {
        return districtAt(snapshot(), lat, lon);
    }

    @Override
    public Locator locator() {
        Snapshot s = snapshot();
        Map<Long, Optional<Area>> boxes = new HashMap<>();
        return (lat, lon) -> {
            if (!Double.isFinite(lat) || !Double.isFinite(lon)) return Optional.empty();
            long i = (long) Math.floor(lat * BOXES_PER_DEGREE);
            long j = (long) Math.floor(lon * BOXES_PER_DEGREE);
            Optional<Area> box = boxes.computeIfAbsent(i * 400_000 + j + 200_000, k -> wholeBox(s, i, j));
            return box != null ? box : districtAt(s, lat, lon);
        };
    }

    private static final double BOXES_PER_DEGREE = 1000;
    /** Widens a box beyond the rounding error of floor(lat × 1000), so that every point put in it is inside. */
    private static final double BOX_EPSILON = 1e-9;

    /** The district of every point of the box (empty: none), or null when that differs within the box. */
    private static Optional<Area> wholeBox(Snapshot s, long i, long j) {
        Envelope env = new Envelope(j / BOXES_PER_DEGREE - BOX_EPSILON, (j + 1) / BOXES_PER_DEGREE + BOX_EPSILON,
                i / BOXES_PER_DEGREE - BOX_EPSILON, (i + 1) / BOXES_PER_DEGREE + BOX_EPSILON);
        Geometry box = GeoJsonGeometry.FACTORY.toGeometry(env);
        Area covering = null;
        @SuppressWarnings("unchecked")
        List<Indexed> candidates = s.index().query(env);
        for (Indexed c : candidates) {
            if (covering == null && c.geometry().covers(box)) {
                covering = c.area();
            } else if (c.geometry().intersects(box)) {
                return null;
            }
        }
        return Optional.ofNullable(covering);
    }

    private static Optional<Area> districtAt(Snapshot s, double lat, double lon) {
        if (!Double.isFinite(lat) || !Double.isFinite(lon)) return Optional.empty();
        Coordinate c = new Coordinate(lon, lat);
        Point p = GeoJsonGeometry.FACTORY.createPoint(c);
        Area best = null;
        @SuppressWarnings("unchecked")
        List<Indexed> candidates = s.index().query(new Envelope(c));
        for (Indexed i : candidates) {
            if ((best == null || i.area().code().compareTo(best.code()) < 0) && i.geometry().covers(p)) {
                best = i.area();
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public java.util.SortedSet<String> cells1km() {
        Snapshot s = snapshot();
        java.util.SortedSet<String> cells = s.cells();
        if (cells == null) {
            cells = new java.util.TreeSet<>();
            for (Object o : allIndexed(s)) {
                Indexed i = (Indexed) o;
                Envelope env = i.geometry().getGeometry().getEnvelopeInternal();
                long minN = Long.MAX_VALUE, maxN = Long.MIN_VALUE, minE = Long.MAX_VALUE, maxE = Long.MIN_VALUE;
                for (double[] c : new double[][] {{env.getMinY(), env.getMinX()}, {env.getMinY(), env.getMaxX()}, {env.getMaxY(), env.getMinX()},
                        {env.getMaxY(), env.getMaxX()}, {env.getMinY(), (env.getMinX() + env.getMaxX()) / 2}, {env.getMaxY(), (env.getMinX() + env.getMaxX()) / 2}}) {
                    Kvadratnet.Utm u = Kvadratnet.toUtm(c[0], c[1]);
                    minN = Math.min(minN, (long) Math.floor(u.northing() / 1000));
                    maxN = Math.max(maxN, (long) Math.floor(u.northing() / 1000));
                    minE = Math.min(minE, (long) Math.floor(u.easting() / 1000));
                    maxE = Math.max(maxE, (long) Math.floor(u.easting() / 1000));
                }
                // the grid covers non-negative kilometres of EPSG:25832 (easting < 1000 km); elsewhere there are no cells
                minN = Math.max(minN, 0);
                minE = Math.max(minE, 0);
                maxN = Math.min(maxN, Kvadratnet.MAX_NORTH_KM - 1);
                maxE = Math.min(maxE, Kvadratnet.MAX_EAST_KM - 1);
                if (minN > maxN || minE > maxE || (maxN - minN + 1) * (maxE - minE + 1) > 250_000) continue; // not a city district
                for (long n = minN; n <= maxN; n++) {
                    for (long e = minE; e <= maxE; e++) {
                        String id = Kvadratnet.cellId(n, e);
                        if (cells.contains(id)) continue;
                        List<Kvadratnet.LatLon> ring = new Kvadratnet.Cell(n, e).polygon();
                        Coordinate[] cs = ring.stream().map(p -> new Coordinate(p.lon(), p.lat())).toArray(Coordinate[]::new);
                        if (i.geometry().intersects(GeoJsonGeometry.FACTORY.createPolygon(cs))) cells.add(id);
                    }
                }
            }
            cells = java.util.Collections.unmodifiableSortedSet(cells);
            s.cellsHolder()[0] = cells;
        }
        return cells;
    }

    private static List<?> allIndexed(Snapshot s) {
        return s.index().query(new Envelope(-180, 180, -90, 90));
    }

    @Override
    public String geoJson(AreaLevel level) {
        Snapshot s = snapshot();
        JsonNodeFactory nf = JsonNodeFactory.instance;
        ObjectNode fc = nf.objectNode().put("type", "FeatureCollection");
        var features = fc.putArray("features");
        for (Area a : level == AreaLevel.BYDEL ? s.bydele() : s.districts()) {
            ObjectNode f = features.addObject().put("type", "Feature");
            ObjectNode props = f.putObject("properties").put("code", a.code()).put("name", a.name()).put("level", a.level().name());
            if (a.parentCode() != null) props.put("parent", a.parentCode());
            OptionalLong pop = population(a.code(), Integer.MAX_VALUE);
            if (pop.isPresent()) props.put("population", pop.getAsLong());
            f.set("geometry", GeoJsonGeometry.JSON.readTree(s.geometryJson().get(a.code())));
        }
        return GeoJsonGeometry.JSON.writeValueAsString(fc);
    }

    @Override
    public Optional<String> geometry(String code) {
        return Optional.ofNullable(snapshot().geometryJson().get(code));
    }

    /** Drops the cached areas once the current transaction commits (immediately without one). */
    public void invalidateAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshot = null;
                }
            });
        }
        snapshot = null;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                s = snapshot;
                if (s == null) {
                    s = load();
                    snapshot = s;
                }
            }
        }
        return s;
    }

    private Snapshot load() {
        record Row(Area area, String geometry, Long population) {}
        List<Row> rows = jdbc.sql("select code, name, level, parent, geometry, population from area_area order by code")
                .query((rs, i) -> new Row(new Area(rs.getString("code"), rs.getString("name"), AreaLevel.valueOf(rs.getString("level")),
                        rs.getString("parent")), rs.getString("geometry"), (Long) rs.getObject("population", Long.class)))
                .list();
        List<Area> bydele = new ArrayList<>();
        List<Area> districts = new ArrayList<>();
        Map<String, Area> byCode = new LinkedHashMap<>();
        Map<String, String> geometryJson = new HashMap<>();
        Map<String, Long> geoPopulation = new HashMap<>();
        STRtree index = new STRtree();
        for (Row r : rows) {
            Area a = r.area();
            byCode.put(a.code(), a);
            geometryJson.put(a.code(), r.geometry());
            if (r.population() != null) geoPopulation.put(a.code(), r.population());
            if (a.level() == AreaLevel.BYDEL) {
                bydele.add(a);
            } else {
                districts.add(a);
                Geometry g = GeoJsonGeometry.parse(r.geometry());
                index.insert(g.getEnvelopeInternal(), new Indexed(a, PreparedGeometryFactory.prepare(g)));
            }
        }
        index.build();
        Map<String, NavigableMap<Integer, Long>> population = new HashMap<>();
        jdbc.sql("select area, year, population from area_population where age_group = 'ALL'").query(rs -> {
            population.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getInt(2), rs.getLong(3));
        });
        bydele.sort(Comparator.comparing(Area::code));
        districts.sort(Comparator.comparing(Area::code));
        @SuppressWarnings("unchecked")
        java.util.SortedSet<String>[] cells = new java.util.SortedSet[1];
        return new Snapshot(List.copyOf(bydele), List.copyOf(districts), byCode, geometryJson, geoPopulation, population, index, cells);
    }
}
