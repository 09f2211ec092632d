package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.casework.ProgressScales.NewMeasurement;
import dk.vendepunkt.casework.ProgressScales.Occasion;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.RetentionHandler;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.SignedIn;
import dk.vendepunkt.support.TestStaff;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Progress measurements are personal data: in the subject-access answer, and deleted by the CASE_RECORD retention
 * rule the period after they were taken when the person has no recent forløb. The retention case uses measurements
 * of 1900 and removes them itself, so RetentionIT (which runs as of 1907) never sees them.
 */
@IntegrationTest
class ProgressPrivacyIT {

    static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @LocalServerPort int port;
    @Autowired ProgressScales progress;
    @Autowired PersonDirectory people;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired List<RetentionHandler> handlers;

    final List<Long> persons = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        SignedIn.clear();
        if (!persons.isEmpty()) jdbc.sql("delete from cw_progress_measurement where person_id in (:p)").param("p", persons).update();
    }

    long measuredChild(long team, LocalDate on) {
        long child = people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr()).orElseThrow(), "Test", "Barn", null, team);
        persons.add(child);
        SignedIn.as(staff.user(Role.CASEWORKER, team), Role.CASEWORKER);
        progress.record(new NewMeasurement(-SEQ.incrementAndGet(), child, "WELLBEING", on, Occasion.BASELINE, BigDecimal.valueOf(3), "Trives dårligt i skolen"));
        SignedIn.clear();
        return child;
    }

    @Test
    void theSubjectAccessAnswerHoldsTheMeasurements() {
        long child = measuredChild(staff.team("progress-sa"), LocalDate.now(clock));
        var dpo = staff.user(Role.DPO);
        var r = Api.at(port).as(dpo.username(), dpo.password()).get("/api/v1/persons/" + child + "/subject-access");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> tables = new ArrayList<>();
        r.json().get("modules").forEach(m -> m.get("tables").forEach(tables::add));
        assertThat(tables).filteredOn(t -> t.get("table").asString().equals("cw_progress_measurement")).singleElement()
                .satisfies(t -> assertThat(t.get("rows")).hasSize(1));
        assertThat(r.body()).contains("Trives dårligt i skolen");
    }

    @Test
    void retentionDeletesAMeasurementThePeriodAfterItWasTaken() {
        long child = measuredChild(staff.team("progress-ret"), LocalDate.of(1900, 3, 1));
        RetentionHandler caseRecords = handlers.stream().filter(h -> h.category().equals("CASE_RECORD")).findFirst().orElseThrow();
        assertThat(caseRecords.tables()).contains("cw_progress_measurement");

        // 1904: within the five years, the person's data is held
        assertThat(caseRecords.due(LocalDate.of(1904, 1, 1))).noneMatch(i -> child == (i.personId() == null ? -1 : i.personId()));
        assertThat(caseRecords.holding(Set.of(child), LocalDate.of(1904, 1, 1))).containsExactly(child);
        assertThat(caseRecords.expiries(child)).anySatisfy(e -> assertThat(e.on()).isEqualTo(LocalDate.of(1905, 3, 1)));

        // 1906: due, and erased
        var mine = caseRecords.due(LocalDate.of(1906, 1, 1)).stream().filter(i -> i.personId() != null && i.personId() == child).toList();
        assertThat(mine).singleElement().satisfies(i -> assertThat(i.table()).isEqualTo("cw_progress_measurement"));
        caseRecords.erase(mine);
        assertThat(jdbc.sql("select count(*) from cw_progress_measurement where person_id = ?").param(child).query(Long.class).single()).isZero();
        assertThat(caseRecords.holding(Set.of(child), LocalDate.of(1906, 1, 1))).isEmpty();
    }
}
