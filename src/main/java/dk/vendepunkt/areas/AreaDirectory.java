package dk.vendepunkt.areas;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedSet;

/**
 * The city's bydele and districts, their population and a spatial index of the districts. Read from
 * the database once and kept in memory until an import changes the areas.
 */
public interface AreaDirectory {

    /** Every bydel, by code. */
    List<Area> bydele();

    /** Every district, by code. */
    List<Area> districts();

    /** The districts of a bydel, by code. */
    List<Area> districtsOf(String bydelCode);

    Optional<Area> byCode(String code);

    /**
     * Population of an area in a year: population.csv for that year, else the latest earlier year,
     * else the GeoJSON property; for a bydel without any of these, the sum of its districts'
     * populations (empty when none of them is known).
     */
    OptionalLong population(String code, int year);

    /**
     * The 14–25-year-olds of an area in exactly that year (population.csv's rows with {@code age_group}
     * {@code AGE_14_25}); empty when not imported for that year: no earlier year, no estimate.
     */
    OptionalLong population14to25(String code, int year);

    /**
     * The district containing a WGS84 position (boundary included); a point on the common boundary
     * of two districts goes to the one with the lowest code. Empty when the point is in no district.
     */
    Optional<Area> districtAt(double lat, double lon);

    /**
     * The districts as they are now, for many lookups by one thread (e.g. during an import). Answers
     * as {@link #districtAt}, mostly from a cache: the plane is cut into boxes of 0.001° × 0.001°, and a
     * box that one district covers while no other touches it, or that no district touches, answers for
     * every point in it. Points in other boxes (near a boundary) are looked up one by one.
     */
    Locator locator();

    /**
     * The 1 km cells of Det Danske Kvadratnet that overlap any district (the city's grid, for maps and
     * hotspot analysis), sorted by id.
     */
    SortedSet<String> cells1km();

    /** A GeoJSON FeatureCollection of one level for maps; properties code, name, level, parent, population (latest known). */
    String geoJson(AreaLevel level);

    /** The GeoJSON geometry object of an area (WGS84). */
    Optional<String> geometry(String code);

    /** Point-in-polygon against a fixed view of the districts, for bulk work: lookups never touch the database. */
    interface Locator {
        /** As {@link AreaDirectory#districtAt}. */
        Optional<Area> districtAt(double lat, double lon);
    }
}
