package dk.vendepunkt.areas.demo;

import dk.vendepunkt.areas.imports.AreaImport;
import dk.vendepunkt.areas.imports.PopulationImport;
import dk.vendepunkt.platform.DemoData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A clearly synthetic city ("Demoby"): 10 bydele of 3–4 rectangular districts each, 35 districts in a
 * 7 × 5 grid of about 1.4 × 1.4 km placed over Copenhagen's coordinates (so the 1 km grid of Det
 * Danske Kvadratnet is realistic), with populations (all ages and the 14–25-year-olds) for the last six years. Loaded through the
 * {@code areas} and {@code population} imports. Real boundaries can be imported by users.
 */
@Component
public class AreasDemoData implements DemoData {

    static final double LON0 = 12.48;
    static final double LAT0 = 55.63;
    static final double D_LON = 0.022;
    static final double D_LAT = 0.0125;
    static final int COLUMNS = 7;
    static final int ROWS = 5;
    /** Districts 0–3 of a row belong to its west bydel, 4–6 to its east bydel. */
    static final int WEST_WIDTH = 4;
    private static final String[] ROW_NAMES = {"Sydhavn", "Sydby", "Midtby", "Nordby", "Nordmark"};

    private final AreaImport areas;
    private final PopulationImport population;

    AreasDemoData(AreaImport areas, PopulationImport population) {
        this.areas = areas;
        this.population = population;
    }

    @Override
    public int order() {
        return 50;
    }

    static String bydelCode(int row, boolean west) {
        return String.format(Locale.ROOT, "B%02d", row * 2 + (west ? 1 : 2));
    }

    static String districtCode(int row, int col) {
        return String.format(Locale.ROOT, "D%02d", row * COLUMNS + col + 1);
    }

    /** The demo city's areas.geojson. */
    public static String geoJson(java.util.random.RandomGenerator random) {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (int row = 0; row < ROWS; row++) {
            for (boolean west : new boolean[] {true, false}) {
                int c0 = west ? 0 : WEST_WIDTH;
                int c1 = west ? WEST_WIDTH : COLUMNS;
                if (!first) sb.append(',');
                first = false;
                feature(sb, bydelCode(row, west), "Demo " + ROW_NAMES[row] + (west ? " Vest" : " Øst"), "BYDEL", null, null, c0, c1, row);
            }
        }
        for (int row = 0; row < ROWS; row++) {
            for (int col = 0; col < COLUMNS; col++) {
                boolean west = col < WEST_WIDTH;
                long pop = 6000 + random.nextInt(10000);
                sb.append(',');
                feature(sb, districtCode(row, col), "Demo " + ROW_NAMES[row] + " " + (col + 1), "DISTRICT", bydelCode(row, west), pop, col, col + 1, row);
            }
        }
        return sb.append("]}").toString();
    }

    private static void feature(StringBuilder sb, String code, String name, String level, String parent, Long pop, int c0, int c1, int row) {
        double w = LON0 + c0 * D_LON;
        double e = LON0 + c1 * D_LON;
        double s = LAT0 + row * D_LAT;
        double n = s + D_LAT;
        sb.append("{\"type\":\"Feature\",\"properties\":{\"code\":\"").append(code).append("\",\"name\":\"").append(name)
                .append("\",\"level\":\"").append(level).append('"');
        if (parent != null) sb.append(",\"parent\":\"").append(parent).append('"');
        if (pop != null) sb.append(",\"population\":").append(pop);
        sb.append("},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[")
                .append(String.format(Locale.ROOT, "[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f],[%.5f,%.5f]", w, s, e, s, e, n, w, n, w, s))
                .append("]]}}");
    }

    @Override
    public void load(DemoContext ctx) {
        areas.importFile(new ByteArrayInputStream(geoJson(ctx.random()).getBytes(StandardCharsets.UTF_8)));
        StringBuilder csv = new StringBuilder("area,year,population,age_group\n");
        int thisYear = ctx.today().getYear();
        for (int row = 0; row < ROWS; row++) {
            for (int col = 0; col < COLUMNS; col++) {
                long base = 6000 + ctx.random().nextInt(10000);
                double young = 0.13 + 0.06 * ctx.random().nextDouble(); // the 14–25-year-olds' share (effect goal 1)
                for (int y = thisYear - 5; y <= thisYear; y++) {
                    base += Math.round(base * (ctx.random().nextDouble() * 0.03 - 0.005));
                    csv.append(districtCode(row, col)).append(',').append(y).append(',').append(base).append(",ALL\n");
                    csv.append(districtCode(row, col)).append(',').append(y).append(',').append(Math.round(base * young)).append(",AGE_14_25\n");
                }
            }
        }
        population.importFile(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
