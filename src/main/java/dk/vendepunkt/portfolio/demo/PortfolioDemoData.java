package dk.vendepunkt.portfolio.demo;

import dk.vendepunkt.platform.DemoData;
import dk.vendepunkt.platform.imports.CsvFile;
import dk.vendepunkt.portfolio.imports.InitiativeImport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Sikker By programme from the seeds' own public tables (no invented figures): vision, the four
 * effect goals and the focus areas' visions of 002; Bilag 3's 85 initiatives with 2010 budgets, Bilag 4's
 * new initiatives for 2011 and 004's Table 1 (2012-2015) from {@code demo/portfolio-initiatives.csv}
 * through the initiatives import; the indicators of 002's Tabel 2 (empty series) and 004's success criteria.
 */
@Component
public class PortfolioDemoData implements DemoData {

    public static final String INITIATIVES = "demo/portfolio-initiatives.csv";

    private final InitiativeImport initiatives;
    private final JdbcClient jdbc;

    PortfolioDemoData(InitiativeImport initiatives, JdbcClient jdbc) {
        this.initiatives = initiatives;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 40;
    }

    public static InputStream resource(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void load(DemoContext ctx) {
        jdbc.sql("update pf_programme set vision = ? where id = 1").param(VISION).update();
        String[] areaVisions = {
                "Vi hjælper udsatte og kriminelle unge til at forlade kriminelle miljøer og indgå i samfundsmæssige fællesskaber.",
                "Vi tager sammen med forældrene tidligt ansvar for udsatte børn og unge, så de får en god start på livet uden kriminalitet.",
                "Vi sikrer individuelt tilpassede uddannelses- og beskæftigelsesforløb for udsatte børn og unge.",
                "Vi er til stede lokalt og har fokus på tryghed og koordination sammen med de lokale kræfter.",
                "Vi har rammer for et attraktivt fritids- og byliv, således at så mange børn så tidligt som muligt får en meningsfuld fritid som del af en tidlig indsats.",
                "Vi tager hånd om medarbejdernes tryghed i byrummet og sikrer den fortsatte drift på kommunens institutioner i tilfælde af uro."};
        for (int i = 0; i < 6; i++) {
            jdbc.sql("update pf_focus_area set description = ? where number = ?").params(areaVisions[i], i + 1).update();
        }
        try (InputStream in = resource(INITIATIVES)) {
            initiatives.importFile(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loadIndicators();
        loadDetails();
        loadCriteria();
        goal(1, "Andelen af 14–25-årige i udsatte boligområder, der sigtes for personfarlig kriminalitet, skal falde med 2 % frem mod 2013.",
                "SOF", "Fald på 2 % frem mod 2013", new BigDecimal("-2"), "CHANGE_PCT", "DOWN", LocalDate.of(2013, 12, 31), "effektmaal1_sigtede_14_25", null);
        goal(2, "Minimum 60 % af alle 18-25-årige, som har gennemført kommunens exit-forløb, er inden for en periode på 2 år efter forløbets afslutning ikke dømt for alvorlig eller personfarlig kriminalitet.",
                "SOF", "Mindst 60 % uden dom for alvorlig eller personfarlig kriminalitet inden for 2 år", new BigDecimal("0.60"), "LEVEL", "UP",
                LocalDate.of(2013, 12, 31), null, "no_serious_conviction_2y_completed");
        goal(3, "Der opnås en stigning i tryghed i udvalgte områder, som i Tryghedsindekset 2010 er markeret med behov for en markant tryghedsskabende indsats. Tryghedsniveauet i de udvalgte områder skal således gå fra at have et markant behov for indsats til at have et ordinært behov for indsats, jf. Tryghedsindekset. Målet skal være nået senest i 2015.",
                "BIF", "Ingen af de udvalgte områder har markant behov for indsats", BigDecimal.ZERO, "LEVEL", "DOWN", LocalDate.of(2015, 12, 31), "effektmaal3_markante_omraader", null);
        goal(4, "Ingen institutioner og serviceydelser i Kommunen skal lukke ned ved episoder med uro eller krise i et område. Målet gælder for hele perioden 2010-2013.",
                "OKF", "Ingen lukninger i perioden 2010-2013", BigDecimal.ZERO, "LEVEL", "DOWN", LocalDate.of(2013, 12, 31), "effektmaal4_lukninger", null);
    }

    static final String VISION = """
            Sikker By - gør København tryggere. København er en tryg, attraktiv og mangfoldig storby med plads til både erhvervsliv, \
            børnefamilier, en blomstrende kultur – og dermed også både liv og larm. Selvom København er en tryg by at leve i, er der borgere, \
            som oplever utryghed. Vi arbejder for en god og tryg hverdag for alle, og tager hånd om udsatte københavnere. Vi samarbejder på \
            tværs og i helheder for at give alle børn og unge den bedste start på livet. Og vi indretter byen som en tryg ramme for \
            fællesskabet - et fællesskab, der tager afstand fra kriminelle handlinger. Vi skaber løsninger til københavnernes behov, og \
            evaluerer og udvikler til stadighed vores arbejde. Vi er en stærk og engageret samarbejdspartner for Københavns Politi og for \
            byens mange lokale og frivillige kræfter.""";

    private void goal(int n, String text, String dept, String targetText, BigDecimal target, String kind, String direction, LocalDate deadline,
                      String indicatorRef, String measure) {
        Long indicator = indicatorRef == null ? null
                : jdbc.sql("select id from pf_indicator where ref = ?").param(indicatorRef).query(Long.class).single();
        jdbc.sql("""
                insert into pf_effect_goal (number, text, department, target_text, target_value, target_kind, direction, deadline, indicator_id, effect_measure)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (number) do nothing""")
                .params(n, text, dept, targetText, target, kind, direction, deadline, indicator, measure).update();
    }

    private void loadIndicators() {
        CsvFile f = new CsvFile("demo-indicators", List.of("ref", "name", "unit", "department", "direction", "focus_area", "definition", "personal_data"));
        f.read(resource("demo/portfolio-indicators.csv"), r -> jdbc.sql("""
                        insert into pf_indicator (ref, name, unit, department, direction, focus_area, definition, personal_data)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (ref) do nothing""")
                .params(r.required("ref"), r.required("name"), r.required("unit"), r.required("department"), r.required("direction"),
                        r.integer("focus_area", 1, 6, false), r.text("definition"), r.bool("personal_data", true))
                .update());
        f.throwIfErrors();
    }

    private void loadDetails() {
        CsvFile f = new CsvFile("demo-details", List.of("initiative_ref", "age_10_15", "age_15_18", "age_18_25", "citizens", "geography", "methods"));
        f.read(resource("demo/portfolio-initiative-details.csv"), r -> jdbc.sql("""
                        update pf_initiative set age_10_15 = ?, age_15_18 = ?, age_18_25 = ?, citizens = ?, geography = ?, methods = ? where ref = ?""")
                .params(r.bool("age_10_15", true), r.bool("age_15_18", true), r.bool("age_18_25", true), r.integer("citizens", 0, 1_000_000, false),
                        r.text("geography"), r.text("methods"), r.required("initiative_ref"))
                .update());
        f.throwIfErrors();
    }

    private void loadCriteria() {
        CsvFile f = new CsvFile("demo-criteria", List.of("initiative_ref", "criterion", "target", "measurement_source"));
        f.read(resource("demo/portfolio-success-criteria.csv"), r -> jdbc.sql("""
                        insert into pf_success_criterion (initiative_id, position, criterion, target, measurement_source)
                        select i.id, (select coalesce(max(position), 0) + 1 from pf_success_criterion where initiative_id = i.id), ?, ?, ?
                        from pf_initiative i where i.ref = ?
                          and not exists (select 1 from pf_success_criterion c where c.initiative_id = i.id and c.criterion = ?)""")
                .params(r.required("criterion"), r.required("target"), r.required("measurement_source"), r.required("initiative_ref"), r.required("criterion"))
                .update());
        f.throwIfErrors();
    }
}
