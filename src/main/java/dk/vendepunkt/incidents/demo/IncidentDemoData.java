package dk.vendepunkt.incidents.demo;

import dk.vendepunkt.areas.Area;
import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.incidents.imports.IncidentImport;
import dk.vendepunkt.incidents.internal.IncidentStore;
import dk.vendepunkt.platform.DemoData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.random.RandomGenerator;
import org.springframework.stereotype.Component;

/**
 * Generated incidents for the demo city (after the portfolio at 40 and the areas at 50), telling the
 * story of the seeds: Sikker By's focus area 6 starts from episodes of harassment of staff during unrest
 * ("en gruppe unge spyttede efter dem og kastede sten efter deres bil"), and goal 4 demands that no
 * institution closes during unrest or crisis 2010–2013. The seeds report no such closure, so the demo has
 * none: a home-care evening round runs with reduced service during unrest in 2011 (not a closure), a
 * youth club closes in 2011 for water damage (cause OTHER, not counted), and staff incidents occur every
 * year. Goal 4 therefore reads "achieved". One incident has an analysis; some departments have confirmed
 * last month. No real incidents and no names.
 */
@Component
class IncidentDemoData implements DemoData {

    private final IncidentImport incidents;
    private final IncidentStore store;
    private final AreaDirectory areas;

    IncidentDemoData(IncidentImport incidents, IncidentStore store, AreaDirectory areas) {
        this.incidents = incidents;
        this.store = store;
        this.areas = areas;
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void load(DemoContext ctx) {
        List<Area> districts = areas.districts();
        incidents.importFile(new ByteArrayInputStream(csv(districts, ctx.today(), ctx.random()).getBytes(StandardCharsets.UTF_8)));
        store.saveAnalysis(store.idOf("DEMO-2011-UNREST-HARASS"),
                "Aftenplejens biler var ikke tydeligt kendt som kommunens. Medarbejderne vidste ikke, hvem de skulle ringe til under uroen.",
                "Opfølgning efter et halvt år: veste og kontaktnumre er i brug; ingen nye episoder i området.",
                List.of(new IncidentStore.Action("Hvide veste, der markerer kommunens ansatte", "Leder af aftenplejen", LocalDate.of(2011, 9, 1), true),
                        new IncidentStore.Action("Faste kontaktnumre til politiet i alle vagtbiler", "Distriktschef, hjemmeplejen", LocalDate.of(2011, 8, 15), true),
                        new IncidentStore.Action("Afprøvning af alarmsystemet SINE i aftenplejen", "Sikkerhedskoordinator, SUF", LocalDate.of(2012, 3, 1), false)),
                -1, "demo");
        YearMonth last = YearMonth.from(ctx.today()).minusMonths(1);
        for (String d : List.of("BUF", "SOF", "KFF", "TMF")) store.confirm(d, last.atDay(1), "demo");
    }

    static String csv(List<Area> districts, LocalDate today, RandomGenerator random) {
        StringBuilder csv = new StringBuilder(String.join(",", IncidentImport.COLUMNS)).append('\n');
        String unrestArea = districts.isEmpty() ? "" : districts.get(Math.min(3, districts.size() - 1)).code();
        // the seeds' story: harassment of the evening home care during unrest, reduced service that night; no closure
        row(csv, "DEMO-2011-UNREST-HARASS", LocalDateTime.of(2011, 2, 18, 21, 40), LocalDateTime.of(2011, 2, 18, 22, 10),
                "HARASSMENT_OF_STAFF", "UNREST", "SUF", "Aftenplejen, hjemmeplejen", unrestArea);
        row(csv, "DEMO-2011-UNREST-REDUCED", LocalDateTime.of(2011, 2, 18, 22, 0), LocalDateTime.of(2011, 2, 19, 2, 0),
                "REDUCED_SERVICE", "UNREST", "SUF", "Aftenplejen, hjemmeplejen", unrestArea);
        row(csv, "DEMO-2011-WATER", LocalDateTime.of(2011, 9, 5, 7, 0), LocalDateTime.of(2011, 9, 9, 16, 0),
                "CLOSURE", "OTHER", "BUF", "Fritidsklubben (vandskade)", districts.isEmpty() ? "" : districts.getFirst().code());
        String[] kinds = {"THREAT_TO_STAFF", "VIOLENCE_TO_STAFF", "HARASSMENT_OF_STAFF", "VANDALISM"};
        String[] departments = {"SUF", "BUF", "SOF", "BIF", "KFF"};
        String[] institutions = {"Hjemmeplejen", "Fritidsklubben", "Borgerservice", "Jobcentret", "Biblioteket", "Kulturhuset"};
        for (int year = 2010; year < today.getYear(); year++) {
            int n = 4 + random.nextInt(5);
            for (int i = 0; i < n; i++) {
                LocalDateTime start = LocalDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28), 8 + random.nextInt(14), 5 * random.nextInt(12));
                String area = districts.isEmpty() ? "" : districts.get(random.nextInt(districts.size())).code();
                row(csv, "DEMO-" + year + "-" + i, start, start.plusMinutes(15 + random.nextInt(90)), kinds[random.nextInt(kinds.length)],
                        random.nextInt(6) == 0 ? "UNREST" : "OTHER", departments[random.nextInt(departments.length)],
                        institutions[random.nextInt(institutions.length)], area);
            }
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String ref, LocalDateTime start, LocalDateTime end, String kind, String cause, String department,
                            String institution, String area) {
        csv.append(String.join(",", ref, start.toString(), end.toString(), kind, cause, department, '"' + institution + '"', area)).append('\n');
    }
}
