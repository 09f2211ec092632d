package dk.vendepunkt.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.outcomes.RegisterEvents.Kind;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Our extension of register-events.csv (docs/outcomes.md): appearances on the §115 list (LIST_115) and decisions of
 * Ungdomskriminalitetsnævnet (UKN_DECISION) import without an SSP level and count per person beside charges and
 * convictions.
 */
@IntegrationTest
class RegisterEventKindsIT {

    static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);
    static final String HEADER = "event_ref,person_key,event_type,event_date,offence_code,ssp_level\n";

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired PersonDirectory people;
    @Autowired RegisterEvents events;
    @Autowired JdbcClient jdbc;

    Api.Response post(String csv) {
        var pm = staff.user(Role.PROGRAMME_MANAGER);
        return Api.at(port).as(pm.username(), pm.password()).postFile("/api/v1/imports/register-events", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    static String ref() {
        return "kinds-" + SEQ.incrementAndGet();
    }

    @Test
    void list115AndUknDecisionsImportWithoutALevelAndCountPerPerson() {
        String cpr = TestStaff.uniqueCpr();
        long person = people.registerSystem(CprNumber.parse(cpr).orElseThrow(), "Test", "Ung", null, null);
        var r = post(HEADER
                + ref() + "," + cpr + ",LIST_115,2025-02-01,,\n"
                + ref() + "," + cpr + ",LIST_115,2025-08-01,,\n"
                + ref() + "," + cpr + ",UKN_DECISION,2025-09-15,,\n"
                + ref() + "," + cpr + ",CHARGE,2025-10-01,,3\n"
                + ref() + "," + cpr + ",LIST_115,2024-12-01,,\n");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String hash = people.blindIndexOf(person).orElseThrow();
        assertThat(jdbc.sql("select count(*) from out_register_event e join out_person p on p.id = e.person where p.person_hash = ? and e.ssp_level is null")
                .param(hash).query(Long.class).single()).isEqualTo(4);

        assertThat(events.counts(person, LocalDate.of(2025, 1, 1), null))
                .isEqualTo(Map.of(Kind.CHARGE, 1, Kind.CONVICTION, 0, Kind.LIST_115, 2, Kind.UKN_DECISION, 1));
        assertThat(events.counts(person, null, LocalDate.of(2025, 8, 1)))
                .as("until is inclusive").containsEntry(Kind.LIST_115, 3).containsEntry(Kind.UKN_DECISION, 0);
        assertThat(events.counts(person, LocalDate.of(2025, 8, 1), LocalDate.of(2025, 9, 30)))
                .as("after is exclusive").containsEntry(Kind.LIST_115, 0).containsEntry(Kind.UKN_DECISION, 1);
    }

    @Test
    void chargesStillNeedALevelAndUnknownKindsAreRefused() {
        String cpr = TestStaff.uniqueCpr();
        var r = post(HEADER
                + ref() + "," + cpr + ",LIST_115,2025-02-01,,\n"
                + ref() + "," + cpr + ",CHARGE,2025-02-01,,\n"
                + ref() + "," + cpr + ",SECTION_115,2025-02-01,,\n");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("\"line\":3", "\"column\":\"ssp_level\"", "\"line\":4", "\"column\":\"event_type\"").doesNotContain("\"line\":2");
    }

    @Test
    void anUnregisteredPersonCountsNothing() {
        assertThat(events.counts(Long.MAX_VALUE - SEQ.incrementAndGet(), null, null)).containsOnlyKeys(Kind.values()).doesNotContainValue(1);
    }
}
