package dk.vendepunkt.crimestats.internal;

import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.portfolio.IndicatorFeed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Feeds Sikker By indicators with the figures of each completed calendar quarter, when an analyst has
 * defined them: {@code kriminalitet_anmeldelser} (002 Tabel 2: the number of reports) after every
 * crime-reports import, and {@code sigtelser_unge} (charges of young people aged up to 25) after every
 * charges import — for the whole city and per bydel of the charged person's residence (charges without a
 * known residence count in the city's figure only).
 */
@Component
public class CrimeIndicator {

    public static final String REF = "kriminalitet_anmeldelser";
    public static final String CHARGES_REF = "sigtelser_unge";

    private final IndicatorFeed feed;
    private final JdbcClient jdbc;
    private final AreaDirectory areas;
    private final Clock clock;

    CrimeIndicator(IndicatorFeed feed, JdbcClient jdbc, AreaDirectory areas, Clock clock) {
        this.feed = feed;
        this.jdbc = jdbc;
        this.areas = areas;
        this.clock = clock;
    }

    /** @return the number of quarters recorded */
    public int update() {
        if (!feed.defined(REF)) return 0;
        LocalDate today = LocalDate.now(clock);
        int[] n = {0};
        jdbc.sql("select date_trunc('quarter', month)::date as q, sum(n) as n from cs_report_cat_district_month group by 1 order by 1")
                .query(rs -> {
                    LocalDate q = rs.getObject("q", LocalDate.class);
                    LocalDate end = q.plusMonths(3).minusDays(1);
                    if (end.isBefore(today)) {
                        feed.record(REF, q, end, BigDecimal.valueOf(rs.getLong("n")), "Politiets anmeldelser (Vendepunkt, kriminalitetsnøgletal)");
                        n[0]++;
                    }
                });
        return n[0];
    }

    /** @return the number of values recorded (city and bydele over the completed quarters) */
    public int updateCharges() {
        if (!feed.defined(CHARGES_REF)) return 0;
        LocalDate today = LocalDate.now(clock);
        Map<LocalDate, Long> city = new TreeMap<>();
        Map<LocalDate, Map<String, Long>> byBydel = new TreeMap<>();
        jdbc.sql("""
                select date_trunc('quarter', charged_on)::date as q, residence_area, count(*) as n
                from cs_charge where age <= 25 group by 1, 2""")
                .query(rs -> {
                    LocalDate q = rs.getObject("q", LocalDate.class);
                    if (!q.plusMonths(3).minusDays(1).isBefore(today)) return;
                    long count = rs.getLong("n");
                    city.merge(q, count, Long::sum);
                    String district = rs.getString("residence_area");
                    var bydel = district == null ? null : areas.byCode(district).map(a -> a.parentCode()).orElse(null);
                    if (bydel != null) byBydel.computeIfAbsent(q, k -> new TreeMap<>()).merge(bydel, count, Long::sum);
                });
        int n = 0;
        String source = "Sigtelser af unge op til 25 år (Vendepunkt, kriminalitetsnøgletal)";
        for (var e : city.entrySet()) {
            LocalDate end = e.getKey().plusMonths(3).minusDays(1);
            feed.record(CHARGES_REF, e.getKey(), end, BigDecimal.valueOf(e.getValue()), source);
            n++;
            for (var b : byBydel.getOrDefault(e.getKey(), Map.of()).entrySet()) {
                feed.record(CHARGES_REF, e.getKey(), end, b.getKey(), BigDecimal.valueOf(b.getValue()), source + ", bopæl i bydelen");
                n++;
            }
        }
        return n;
    }
}
