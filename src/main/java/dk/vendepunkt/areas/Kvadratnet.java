package dk.vendepunkt.areas;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Det Danske Kvadratnet: square cells in ETRS89 / UTM zone 32N (EPSG:25832). A 1 km cell's id is
 * {@code 1km_<floor(northing/1000)>_<floor(easting/1000)>}. Projected coordinates are rounded to the
 * millimetre before the floor, so that a point on a kilometre line (after the round trip through
 * WGS84) belongs to the cell north/east of the line, as the grid's definition says.
 */
public final class Kvadratnet {

    private static final Pattern ID = Pattern.compile("1km_(\\d+)_(\\d+)");
    private static final CoordinateReferenceSystem WGS84;
    private static final CoordinateReferenceSystem UTM32;
    private static final ThreadLocal<CoordinateTransform> FORWARD;
    private static final ThreadLocal<CoordinateTransform> INVERSE;

    static {
        CRSFactory crs = new CRSFactory();
        WGS84 = crs.createFromName("EPSG:4326");
        UTM32 = crs.createFromName("EPSG:25832");
        CoordinateTransformFactory f = new CoordinateTransformFactory();
        // transforms keep internal state: one per thread
        FORWARD = ThreadLocal.withInitial(() -> f.createTransform(WGS84, UTM32));
        INVERSE = ThreadLocal.withInitial(() -> f.createTransform(UTM32, WGS84));
    }

    /** The extent of the grid's ids: 0 ≤ northing < 10 000 km, 0 ≤ easting < 1 000 km. */
    public static final long MAX_NORTH_KM = 10_000;
    public static final long MAX_EAST_KM = 1_000;

    private Kvadratnet() {}

    /** Whether a projected point is inside the grid's extent (so it has a cell id). */
    public static boolean onGrid(Utm p) {
        return p.easting() >= 0 && p.easting() < MAX_EAST_KM * 1000 && p.northing() >= 0 && p.northing() < MAX_NORTH_KM * 1000;
    }

    /** A point in EPSG:25832, metres. */
    public record Utm(double easting, double northing) {}

    /** A WGS84 position. */
    public record LatLon(double lat, double lon) {}

    /** WGS84 → EPSG:25832, rounded to the millimetre. */
    public static Utm toUtm(double lat, double lon) {
        ProjCoordinate out = new ProjCoordinate();
        FORWARD.get().transform(new ProjCoordinate(lon, lat), out);
        return new Utm(Math.rint(out.x * 1000) / 1000, Math.rint(out.y * 1000) / 1000);
    }

    /** EPSG:25832 → WGS84. */
    public static LatLon toWgs84(double easting, double northing) {
        ProjCoordinate out = new ProjCoordinate();
        INVERSE.get().transform(new ProjCoordinate(easting, northing), out);
        return new LatLon(out.y, out.x);
    }

    /** The 1 km cell of a WGS84 position. */
    public static String cellId1km(double lat, double lon) {
        Utm p = toUtm(lat, lon);
        return cellId1kmUtm(p.northing(), p.easting());
    }

    /** The 1 km cell of a projected position (metres, EPSG:25832). */
    public static String cellId1kmUtm(double northing, double easting) {
        return cellId(floorKm(northing), floorKm(easting));
    }

    /** The 1 km cell of a projected position. */
    public static Cell cell1km(Utm p) {
        return new Cell(floorKm(p.northing()), floorKm(p.easting()));
    }

    /** The 1 km cell of a WGS84 position, or null where it is outside the grid's extent (ids with non-negative kilometres). */
    public static Cell cell1km(double lat, double lon) {
        Utm p = toUtm(lat, lon);
        return onGrid(p) ? cell1km(p) : null;
    }

    /**
     * The 1 km cells of many points, as {@link #cell1km(double, double)} gives them, with the projection
     * mostly skipped (for one thread's bulk work, e.g. an import). The plane is cut into boxes of
     * 0.001° × 0.001° (about 110 × 60 m in Denmark); a box whose four corners project into one cell, each
     * at least {@value #MARGIN_M} m inside it, lies wholly in that cell (the image of so small a box bends
     * less than a millimetre from the straight lines between its corners). Such a box's cell is
     * remembered; points in any other box — near a kilometre line — are projected exactly.
     * {@link AreaDirectory#locator()} caches districts by the same boxes.
     */
    public static final class Cells {
        static final double MARGIN_M = 1.0;
        /** A box that is not wholly in one cell. */
        private static final Cell MIXED = new Cell(-1, -1);
        private final java.util.Map<Long, Cell> boxes = new java.util.HashMap<>();

        public Cell of(double lat, double lon) {
            long i = (long) Math.floor(lat * 1000);
            long j = (long) Math.floor(lon * 1000);
            Cell box = boxes.computeIfAbsent(i * 400_000 + j + 200_000, k -> wholeBox(i, j));
            return box != MIXED ? box : cell1km(lat, lon);
        }

        private static Cell wholeBox(long i, long j) {
            Cell cell = null;
            for (int di = 0; di <= 1; di++) {
                for (int dj = 0; dj <= 1; dj++) {
                    Utm p = toUtm((i + di) / 1000.0, (j + dj) / 1000.0);
                    if (!onGrid(p)) return MIXED;
                    Cell c = cell1km(p);
                    double inN = p.northing() - c.northKm() * 1000.0;
                    double inE = p.easting() - c.eastKm() * 1000.0;
                    if (inN < MARGIN_M || inN > 1000 - MARGIN_M || inE < MARGIN_M || inE > 1000 - MARGIN_M) return MIXED;
                    if (cell == null) cell = c;
                    else if (!c.equals(cell)) return MIXED;
                }
            }
            return cell;
        }
    }

    public static String cellId(long northKm, long eastKm) {
        return "1km_" + northKm + "_" + eastKm;
    }

    static long floorKm(double metres) {
        return (long) Math.floor(metres / 1000.0);
    }

    /** A parsed 1 km cell id: its south-west corner in kilometres. */
    public record Cell(long northKm, long eastKm) {
        public String id() {
            return cellId(northKm, eastKm);
        }

        /** The cell's corners in WGS84 (SW, SE, NE, NW, SW) — a closed ring for maps. */
        public List<LatLon> polygon() {
            double n = northKm * 1000.0;
            double e = eastKm * 1000.0;
            return List.of(toWgs84(e, n), toWgs84(e + 1000, n), toWgs84(e + 1000, n + 1000), toWgs84(e, n + 1000), toWgs84(e, n));
        }

        /** The cell's centre in WGS84. */
        public LatLon centre() {
            return toWgs84(eastKm * 1000.0 + 500, northKm * 1000.0 + 500);
        }
    }

    /** Parses {@code 1km_<n>_<e>}; throws IllegalArgumentException for anything else. */
    public static Cell parse(String cellId) {
        Matcher m = ID.matcher(cellId == null ? "" : cellId);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a 1 km cell id: " + cellId);
        }
        return new Cell(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
    }

    /** A GeoJSON Polygon geometry of the cell (WGS84, lon/lat order). */
    public static String polygonGeoJson(String cellId) {
        StringBuilder sb = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        boolean first = true;
        for (LatLon p : parse(cellId).polygon()) {
            if (!first) sb.append(',');
            first = false;
            sb.append('[').append(round7(p.lon())).append(',').append(round7(p.lat())).append(']');
        }
        return sb.append("]]}").toString();
    }

    static double round7(double v) {
        return Math.rint(v * 1e7) / 1e7;
    }
}
