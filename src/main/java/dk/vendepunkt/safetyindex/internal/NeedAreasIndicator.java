package dk.vendepunkt.safetyindex.internal;

import dk.vendepunkt.portfolio.IndicatorFeed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Feeds Sikker By's Tabel 2 indicator {@code udsatte_boligomraader} ("Antallet af udsatte boligområder"; 002
 * counts an area as udsat with markant or intensiveret behov in the Tryghedsindeks): for every survey year the
 * districts in category MARKANT or INTENSIVERET, for the whole city and per bydel (every bydel with a surveyed
 * district, zeros included). Run after each survey import, like effect goal 3's indicator; nothing happens
 * when the indicator is not defined.
 */
@Component
public class NeedAreasIndicator {

    public static final String REF = "udsatte_boligomraader";

    private final IndicatorFeed feed;
    private final SafetyIndexService service;

    NeedAreasIndicator(IndicatorFeed feed, SafetyIndexService service) {
        this.feed = feed;
        this.service = service;
    }

    public void refresh() {
        if (!feed.defined(REF)) return;
        for (int y : service.years()) record(REF, y);
    }

    /** Records the year's values (city and each bydel) under {@code ref}; returns how many values were recorded. */
    public int record(String ref, int year) {
        var index = service.index(year);
        Map<String, Integer> byBydel = new TreeMap<>();
        int city = 0;
        for (var d : index.districts()) {
            boolean need = d.category() == Category.MARKANT || d.category() == Category.INTENSIVERET;
            if (d.bydel() != null) byBydel.merge(d.bydel(), need ? 1 : 0, Integer::sum);
            if (need) city++;
        }
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        String source = "Tryghedsindeks " + year + " (Vendepunkt): distrikter med markant eller intensiveret behov";
        feed.record(ref, start, end, BigDecimal.valueOf(city), source);
        for (var b : byBydel.entrySet()) feed.record(ref, start, end, b.getKey(), BigDecimal.valueOf(b.getValue()), source);
        return 1 + byBydel.size();
    }
}
