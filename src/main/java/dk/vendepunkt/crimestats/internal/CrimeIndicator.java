package dk.vendepunkt.crimestats.internal;

import dk.vendepunkt.portfolio.IndicatorFeed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Feeds the Sikker By indicator {@code kriminalitet_anmeldelser} (002 Tabel 2: the number of reports)
 * with the reports of each completed calendar quarter, after every crime-reports import — when an
 * analyst has defined that indicator.
 */
@Component
public class CrimeIndicator {

    public static final String REF = "kriminalitet_anmeldelser";

    private final IndicatorFeed feed;
    private final JdbcClient jdbc;
    private final Clock clock;

    CrimeIndicator(IndicatorFeed feed, JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.feed = feed;
        this.jdbc = jdbc;
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
}
