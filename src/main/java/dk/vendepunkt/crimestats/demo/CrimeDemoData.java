package dk.vendepunkt.crimestats.demo;

import dk.vendepunkt.areas.Area;
import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.crimestats.imports.ChargeImport;
import dk.vendepunkt.crimestats.imports.ReportImport;
import dk.vendepunkt.crimestats.internal.OffenceCategory;
import dk.vendepunkt.platform.DemoData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Five years of generated police reports and charges of young people for the demo city, through the
 * imports: seasonal patterns (violence and vandalism peak in summer, burglary in the dark months), a
 * gentle downward trend with rising burglary, weekend evenings, a few hot districts with a dense
 * cluster each, some reports without coordinates and some outside the city. Synthetic only.
 */
@Component
class CrimeDemoData implements DemoData {

    /** Yearly city-wide reports per category (contract order). */
    static final int[] PER_YEAR = {3000, 800, 4000, 14000, 3500, 1500, 2500, 500, 400, 3000, 4000, 2800};
    /** Indices (by code order) of the demo city's hot districts. */
    static final int[] HOT = {3, 10, 17, 24};
    static final int CHARGES_PER_YEAR = 3200;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReportImport reports;
    private final ChargeImport charges;
    private final AreaDirectory areas;

    CrimeDemoData(ReportImport reports, ChargeImport charges, AreaDirectory areas) {
        this.reports = reports;
        this.charges = charges;
        this.areas = areas;
    }

    @Override
    public int order() {
        return 55;
    }

    /** A district's bounding box in WGS84: {minLon, minLat, maxLon, maxLat}. */
    record Box(double minLon, double minLat, double maxLon, double maxLat) {
        double lon(double u) {
            return minLon + u * (maxLon - minLon);
        }

        double lat(double v) {
            return minLat + v * (maxLat - minLat);
        }
    }

    static Box box(String geometryJson) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        walk(JSON.readTree(geometryJson).path("coordinates"), b);
        return new Box(b[0], b[1], b[2], b[3]);
    }

    private static void walk(JsonNode n, double[] b) {
        if (n.isArray() && n.size() >= 2 && n.get(0).isNumber()) {
            b[0] = Math.min(b[0], n.get(0).doubleValue());
            b[1] = Math.min(b[1], n.get(1).doubleValue());
            b[2] = Math.max(b[2], n.get(0).doubleValue());
            b[3] = Math.max(b[3], n.get(1).doubleValue());
        } else if (n.isArray()) {
            for (JsonNode c : n) walk(c, b);
        }
    }

    /** Poisson sample (Knuth for small means, normal approximation above 30). */
    static int poisson(RandomGenerator r, double mean) {
        if (mean > 30) return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /** Seasonal factor for a category in a month (1 = average). */
    static double season(OffenceCategory c, int month) {
        double summer = Math.cos((month - 7) / 12.0 * 2 * Math.PI); // +1 in July, −1 in January
        return switch (c) {
            case VIOLENCE, VANDALISM, ROBBERY -> 1 + 0.25 * summer;
            case BURGLARY -> 1 - 0.3 * summer;
            case THEFT -> 1 + 0.1 * summer;
            default -> 1.0;
        };
    }

    /** Yearly trend: a slow decline, burglary rising. */
    static double trend(OffenceCategory c, int yearsAgo) {
        return c == OffenceCategory.BURGLARY ? Math.pow(0.92, yearsAgo) : Math.pow(1.04, yearsAgo);
    }

    @Override
    public void load(DemoContext ctx) {
        RandomGenerator r = ctx.random();
        LocalDate today = ctx.today();
        LocalDate start = today.minusYears(5).withDayOfYear(1);
        List<Area> districts = areas.districts();
        List<Box> boxes = new ArrayList<>();
        double[] weight = new double[districts.size()];
        double total = 0;
        for (int i = 0; i < districts.size(); i++) {
            boxes.add(box(areas.geometry(districts.get(i).code()).orElseThrow()));
            weight[i] = 0.6 + r.nextDouble();
            for (int h : HOT) if (h == i) weight[i] *= 3.5;
            total += weight[i];
        }
        double[] hotU = new double[districts.size()];
        double[] hotV = new double[districts.size()];
        for (int i = 0; i < districts.size(); i++) {
            hotU[i] = 0.25 + 0.5 * r.nextDouble();
            hotV[i] = 0.25 + 0.5 * r.nextDouble();
        }
        Box city = boxes.isEmpty() ? new Box(12.48, 55.63, 12.634, 55.6925) : boxes.stream().reduce((a, b) ->
                new Box(Math.min(a.minLon, b.minLon), Math.min(a.minLat, b.minLat), Math.max(a.maxLon, b.maxLon), Math.max(a.maxLat, b.maxLat))).get();

        StringBuilder csv = new StringBuilder(16 << 20).append("report_ref,reported_at,offence_category,lat,lon\n");
        int seq = 0;
        OffenceCategory[] cats = OffenceCategory.values();
        for (LocalDate d = start; !d.isAfter(today); d = d.plusDays(1)) {
            int yearsAgo = today.getYear() - d.getYear();
            boolean weekend = d.getDayOfWeek().getValue() >= 5;
            for (OffenceCategory c : cats) {
                double mean = PER_YEAR[c.ordinal()] / 365.0 * season(c, d.getMonthValue()) * trend(c, yearsAgo) * (weekend ? 1.2 : 0.92);
                int n = poisson(r, mean);
                for (int k = 0; k < n; k++) {
                    int hour = weekend && r.nextDouble() < 0.4 ? 20 + r.nextInt(8) : 7 + r.nextInt(17);
                    LocalDate day = hour >= 24 ? d.plusDays(1) : d;
                    if (day.isAfter(today)) continue;
                    csv.append(String.format(Locale.ROOT, "DEMO-R-%07d,%sT%02d:%02d,%s,", ++seq, day, hour % 24, r.nextInt(60), c.name()));
                    double u = r.nextDouble();
                    if (u < 0.02 || districts.isEmpty()) {
                        csv.append(",\n"); // no coordinates
                    } else if (u < 0.03) { // just outside the city
                        csv.append(String.format(Locale.ROOT, "%.6f,%.6f%n", city.maxLat + 0.002 + r.nextDouble() * 0.01, city.lon(r.nextDouble())));
                    } else {
                        int i = pick(r, weight, total);
                        Box b = boxes.get(i);
                        double lu;
                        double lv;
                        if (weight[i] > 3 && r.nextDouble() < 0.5) { // the hot district's cluster, about 300 m wide
                            lu = clamp(hotU[i] + r.nextGaussian() * 0.12);
                            lv = clamp(hotV[i] + r.nextGaussian() * 0.12);
                        } else {
                            lu = r.nextDouble();
                            lv = r.nextDouble();
                        }
                        csv.append(String.format(Locale.ROOT, "%.6f,%.6f%n", b.lat(lv), b.lon(lu)));
                    }
                }
            }
        }
        reports.importFile(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));

        StringBuilder ch = new StringBuilder("charge_ref,charged_on,age,offence_category,person_key,residence_area\n");
        DemoPersons persons = new DemoPersons(r);
        OffenceCategory[] chargeCats = {OffenceCategory.THEFT, OffenceCategory.THEFT, OffenceCategory.THEFT, OffenceCategory.VIOLENCE,
                OffenceCategory.VIOLENCE, OffenceCategory.DRUGS, OffenceCategory.DRUGS, OffenceCategory.VANDALISM, OffenceCategory.ROBBERY,
                OffenceCategory.TRAFFIC, OffenceCategory.TRAFFIC, OffenceCategory.WEAPONS, OffenceCategory.THREATS, OffenceCategory.BURGLARY,
                OffenceCategory.FRAUD, OffenceCategory.OTHER};
        int cseq = 0;
        for (LocalDate d = start; !d.isAfter(today); d = d.plusDays(1)) {
            int n = poisson(r, CHARGES_PER_YEAR / 365.0 * (1 + 0.15 * Math.cos((d.getMonthValue() - 7) / 12.0 * 2 * Math.PI)));
            for (int k = 0; k < n; k++) {
                double a = r.nextDouble();
                int age = a < 0.05 ? 10 + r.nextInt(5) : a < 0.2 ? 15 + r.nextInt(3) : 18 + r.nextInt(8);
                OffenceCategory c = chargeCats[r.nextInt(chargeCats.length)];
                if (age < 15 && c == OffenceCategory.TRAFFIC) c = OffenceCategory.VANDALISM;
                // effect goal 1: most charges name the person (a generated CPR number) and the district of residence
                DemoPersons.Person p = r.nextDouble() < 0.9 ? persons.charged(d, age) : null;
                String residence = p == null || districts.isEmpty() ? "" : districts.get(p.district() % districts.size()).code();
                ch.append(String.format(Locale.ROOT, "DEMO-C-%07d,%s,%d,%s,%s,%s%n", ++cseq, d, p == null ? age : p.cpr().ageOn(d), c.name(),
                        p == null ? "" : p.cpr().formatted(), residence));
            }
        }
        charges.importFile(new ByteArrayInputStream(ch.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static double clamp(double v) {
        return Math.max(0.01, Math.min(0.99, v));
    }

    private static int pick(RandomGenerator r, double[] w, double total) {
        double x = r.nextDouble() * total;
        for (int i = 0; i < w.length; i++) {
            x -= w[i];
            if (x <= 0) return i;
        }
        return w.length - 1;
    }
}
