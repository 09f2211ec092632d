package dk.vendepunkt.incidents.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.areas.Area;
import dk.vendepunkt.areas.AreaLevel;
import dk.vendepunkt.incidents.internal.Cause;
import dk.vendepunkt.incidents.internal.EffectGoal4;
import dk.vendepunkt.incidents.internal.Incident;
import dk.vendepunkt.incidents.internal.IncidentKind;
import dk.vendepunkt.platform.DemoData;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo tells the seeds' story: no closure during unrest or crisis in 2010–2013, reduced service and staff incidents during unrest. */
@IntegrationTest
class IncidentDemoDataIT {

    @Autowired IncidentDemoData demo;
    @Autowired JdbcClient jdbc;

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    static List<Incident> parse(String csv) {
        List<Incident> out = new ArrayList<>();
        String[] lines = csv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] c = lines[i].split(",", -1);
            out.add(new Incident(i, c[0], at(c[1]), c[2].isEmpty() ? null : at(c[2]), IncidentKind.valueOf(c[3]), Cause.valueOf(c[4]), c[5],
                    c[6].replace("\"", ""), c[7].isEmpty() ? null : c[7], null, "demo", at(c[1]), 0));
        }
        return out;
    }

    static OffsetDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(Zones.ZONE).toOffsetDateTime();
    }

    @Test
    void goal4IsMetForTheProgrammePeriodWhileStaffIncidentsOccurDuringUnrest() {
        List<Area> districts = List.of(new Area("D01", "Et", AreaLevel.DISTRICT, "B1"), new Area("D02", "To", AreaLevel.DISTRICT, "B1"));
        List<Incident> incidents = parse(IncidentDemoData.csv(districts, TODAY, new Random(7)));
        EffectGoal4 g = EffectGoal4.of(LocalDate.of(2010, 1, 1), LocalDate.of(2013, 12, 31), incidents);
        assertThat(g.goalMet()).isTrue();
        assertThat(g.staffIncidents().stream().mapToInt(EffectGoal4.KindCount::count).sum()).isPositive();
        assertThat(incidents).anyMatch(i -> i.kind() == IncidentKind.REDUCED_SERVICE && i.cause() == Cause.UNREST);
        assertThat(incidents).anyMatch(i -> i.kind() == IncidentKind.CLOSURE && i.cause() == Cause.OTHER);
        assertThat(incidents).allMatch(i -> i.startedAt().getYear() < TODAY.getYear());
    }

    @Test
    void theLoadImportsTheIncidentsAndAttachesTheAnalysis() {
        demo.load(new DemoData.DemoContext() {
            @Override
            public RandomGenerator random() {
                return new Random(3);
            }

            @Override
            public void login(String role, String username, String password) {}

            @Override
            public LocalDate today() {
                return TODAY;
            }
        });
        assertThat(jdbc.sql("select count(*) from inc_incident where ref like 'DEMO-%'").query(Long.class).single()).isGreaterThan(16 * 4);
        assertThat(jdbc.sql("select count(*) from inc_action a join inc_incident i on i.id = a.incident_id where i.ref = 'DEMO-2011-UNREST-HARASS'")
                .query(Long.class).single()).isEqualTo(3);
    }
}
