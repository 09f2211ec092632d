package dk.vendepunkt.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KvadratnetTest {

    @Test
    void cellIdFloorsProjectedKilometres() {
        assertThat(Kvadratnet.cellId1kmUtm(6176000.0, 724000.0)).isEqualTo("1km_6176_724");
        assertThat(Kvadratnet.cellId1kmUtm(6176999.999, 724999.999)).isEqualTo("1km_6176_724");
        assertThat(Kvadratnet.cellId1kmUtm(6175999.999, 723999.999)).isEqualTo("1km_6175_723");
        assertThat(Kvadratnet.cellId1kmUtm(6177000.0, 725000.0)).isEqualTo("1km_6177_725");
    }

    @Test
    void aPointExactlyOnAKilometreLineBelongsToTheCellNorthAndEastOfIt() {
        // the corner 724000 E / 6176000 N given in WGS84 (as a report's lat/lon would be)
        Kvadratnet.LatLon corner = Kvadratnet.toWgs84(724000, 6176000);
        assertThat(Kvadratnet.cellId1km(corner.lat(), corner.lon())).isEqualTo("1km_6176_724");
        // on the northing line only, in the middle of a cell's southern edge
        Kvadratnet.LatLon edge = Kvadratnet.toWgs84(724500, 6176000);
        assertThat(Kvadratnet.cellId1km(edge.lat(), edge.lon())).isEqualTo("1km_6176_724");
        // on the easting line only
        Kvadratnet.LatLon west = Kvadratnet.toWgs84(724000, 6176500);
        assertThat(Kvadratnet.cellId1km(west.lat(), west.lon())).isEqualTo("1km_6176_724");
        // one millimetre south-west of the corner is the diagonal neighbour
        Kvadratnet.LatLon justOutside = Kvadratnet.toWgs84(723999.999, 6175999.999);
        assertThat(Kvadratnet.cellId1km(justOutside.lat(), justOutside.lon())).isEqualTo("1km_6175_723");
    }

    @Test
    void theCentralMeridianOfZone32HasEasting500000() {
        // UTM zone 32's central meridian is 9° E; there easting is exactly the false easting
        Kvadratnet.Utm p = Kvadratnet.toUtm(56.0, 9.0);
        assertThat(p.easting()).isCloseTo(500000.0, within(0.001));
        // on the central meridian, northing = k0 × the meridian arc length of GRS80 at 56°, k0 = 0.9996
        assertThat(p.northing()).isCloseTo(0.9996 * meridianArc(Math.toRadians(56.0)), within(0.01));
        assertThat(Kvadratnet.cellId1km(56.0, 9.0)).isEqualTo("1km_" + (long) Math.floor(p.northing() / 1000) + "_500");
    }

    /** Meridian arc length on GRS80 (series in e², accurate to well below a millimetre). */
    static double meridianArc(double phi) {
        double a = 6378137.0;
        double f = 1 / 298.257222101;
        double e2 = f * (2 - f);
        double e4 = e2 * e2;
        double e6 = e4 * e2;
        return a * ((1 - e2 / 4 - 3 * e4 / 64 - 5 * e6 / 256) * phi
                - (3 * e2 / 8 + 3 * e4 / 32 + 45 * e6 / 1024) * Math.sin(2 * phi)
                + (15 * e4 / 256 + 45 * e6 / 1024) * Math.sin(4 * phi)
                - (35 * e6 / 3072) * Math.sin(6 * phi));
    }

    @Test
    void copenhagenCityHallSquareIsInTheExpectedCell() {
        Kvadratnet.Utm p = Kvadratnet.toUtm(55.6761, 12.5683);
        // Copenhagen lies around 6 17x km north and 72x km east in EPSG:25832
        assertThat(p.northing()).isBetween(6_170_000.0, 6_180_000.0);
        assertThat(p.easting()).isBetween(720_000.0, 730_000.0);
        Kvadratnet.LatLon back = Kvadratnet.toWgs84(p.easting(), p.northing());
        assertThat(back.lat()).isCloseTo(55.6761, within(1e-7));
        assertThat(back.lon()).isCloseTo(12.5683, within(1e-7));
    }

    @Test
    void aCellsPolygonIsClosedAndItsCornersAreOnTheKilometreLines() {
        Kvadratnet.Cell cell = Kvadratnet.parse("1km_6176_724");
        var ring = cell.polygon();
        assertThat(ring).hasSize(5);
        assertThat(ring.getFirst()).isEqualTo(ring.getLast());
        Kvadratnet.Utm ne = Kvadratnet.toUtm(ring.get(2).lat(), ring.get(2).lon());
        assertThat(ne.easting()).isCloseTo(725000, within(0.002));
        assertThat(ne.northing()).isCloseTo(6177000, within(0.002));
        Kvadratnet.LatLon c = cell.centre();
        assertThat(Kvadratnet.cellId1km(c.lat(), c.lon())).isEqualTo("1km_6176_724");
        assertThat(Kvadratnet.polygonGeoJson("1km_6176_724")).startsWith("{\"type\":\"Polygon\",\"coordinates\":[[[");
    }

    @Test
    void onlyNonNegativeKilometresAreOnTheGrid() {
        assertThat(Kvadratnet.onGrid(Kvadratnet.toUtm(55.68, 12.57))).isTrue();
        assertThat(Kvadratnet.onGrid(new Kvadratnet.Utm(-0.001, 6_000_000))).isFalse();
        assertThat(Kvadratnet.onGrid(new Kvadratnet.Utm(999_999.999, 9_999_999.999))).isTrue();
        assertThat(Kvadratnet.onGrid(new Kvadratnet.Utm(1_000_000, 6_000_000))).isFalse();
        assertThat(Kvadratnet.onGrid(Kvadratnet.toUtm(-20, -170))).isFalse();
    }

    @Test
    void parseRejectsOtherIds() {
        assertThatThrownBy(() -> Kvadratnet.parse("100m_61760_7240")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Kvadratnet.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cachedCellsAreTheCellsOfTheProjection() {
        Kvadratnet.Cells cache = new Kvadratnet.Cells();
        Random r = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            double lat = 54.5 + r.nextDouble() * 3;
            double lon = 8 + r.nextDouble() * 7;
            assertThat(cache.of(lat, lon)).isEqualTo(Kvadratnet.cell1km(lat, lon));
        }
        // points on and a millimetre either side of kilometre lines, the grid's hardest cases
        for (int i = 0; i < 20_000; i++) {
            double offLine = (r.nextInt(3) - 1) * 0.001;
            boolean eastLine = r.nextBoolean();
            double e = (600 + r.nextInt(100)) * 1000.0 + (eastLine ? offLine : r.nextDouble() * 1000);
            double n = (6100 + r.nextInt(100)) * 1000.0 + (eastLine ? r.nextDouble() * 1000 : offLine);
            Kvadratnet.LatLon p = Kvadratnet.toWgs84(e, n);
            assertThat(cache.of(p.lat(), p.lon())).isEqualTo(Kvadratnet.cell1km(p.lat(), p.lon()));
        }
        // outside the grid's extent: no cell
        assertThat(cache.of(-10, -170)).isNull();
    }
}
