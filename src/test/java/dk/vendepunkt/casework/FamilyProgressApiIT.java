package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.casework.domain.ClosureReason;
import dk.vendepunkt.casework.internal.FamilyCaseService;
import dk.vendepunkt.casework.internal.FamilyProgressService;
import dk.vendepunkt.platform.ValidationException;
import java.math.BigDecimal;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.SignedIn;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestFamilies;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code /api/v1/family-cases/{id}/measurements}: a current member's measurement on a scale for their relation (a child's
 * scale for a child, a parent's for a parent); a person outside the family and a scale not for the member are field
 * errors; a closed case is read-only; a caseworker outside the team gets 403 and a DENIED audit row.
 */
@IntegrationTest
class FamilyProgressApiIT {

    @LocalServerPort int port;
    @Autowired TestFamilies testFamilies;
    @Autowired TestStaff staff;
    @Autowired PersonDirectory people;
    @Autowired FamilyCaseService cases;
    @Autowired FamilyProgressService progress;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    @Test
    void theTeamRecordsMeasurementsOfMembersOnTheirScales() {
        var c = testFamilies.open("progress-api");
        LocalDate today = LocalDate.now(clock);
        Api api = Api.at(port).as(c.worker().username(), c.worker().password());
        String base = "/api/v1/family-cases/" + c.id() + "/measurements";
        assertThat(api.get(base).json().size()).isZero();

        var baseline = api.post(base, Map.of("personId", c.young15(), "scale", "WELLBEING", "measuredOn", today.minusDays(30).toString(),
                "occasion", "BASELINE", "value", 4));
        assertThat(baseline.status()).as(baseline.toString()).isEqualTo(201);
        var later = api.post(base, Map.of("personId", c.young15(), "scale", "WELLBEING", "measuredOn", today.toString(),
                "occasion", "DURING", "value", 7, "note", "Går i skole igen"));
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
        var employment = api.post(base, Map.of("personId", c.mother(), "scale", "PARENT_EMPLOYMENT", "measuredOn", today.toString(),
                "occasion", "BASELINE", "value", 6));
        assertThat(employment.status()).as(employment.toString()).isEqualTo(201);
        assertThat(employment.json().get("optionCode").asString()).isEqualTo("ORDINARY_EMPLOYMENT");

        // a child's scale for a parent, a parent's scale for a child
        var wrongScale = api.post(base, Map.of("personId", c.mother(), "scale", "WELLBEING", "measuredOn", today.toString(),
                "occasion", "BASELINE", "value", 5));
        assertThat(wrongScale.status()).isEqualTo(400);
        assertThat(wrongScale.json().get("errors").get(0).get("field").asString()).isEqualTo("scale");
        assertThat(wrongScale.json().get("errors").get(0).get("message").asString()).isEqualTo("Skalaen „Trivsel (1-10)“ gælder ikke for dette familiemedlem.");
        assertThat(api.post(base, Map.of("personId", c.child12(), "scale", "PARENT_EMPLOYMENT", "measuredOn", today.toString(),
                "occasion", "BASELINE", "value", 2)).status()).isEqualTo(400);

        // a person of the team who is not a member of the family
        long stranger = people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr(today.minusYears(14))).orElseThrow(), "Fremmed", c.surname(),
                null, c.team());
        var notMember = api.post(base, Map.of("personId", stranger, "scale", "WELLBEING", "measuredOn", today.toString(),
                "occasion", "BASELINE", "value", 5));
        assertThat(notMember.status()).isEqualTo(400);
        assertThat(notMember.json().get("errors").findValuesAsString("field")).containsExactly("personId");

        // the scale's own rules still apply
        var outOfRange = api.post(base, Map.of("personId", c.child12(), "scale", "WELLBEING", "measuredOn", today.toString(),
                "occasion", "BASELINE", "value", 11));
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.json().get("errors").findValuesAsString("field")).containsExactly("value");

        // the system path (demo data) keeps the same rules and records who
        assertThatThrownBy(() -> progress.recordSystem(c.id(), new FamilyProgressService.NewCaseMeasurement(c.father(), "OUTCOME_LADDER",
                today, "BASELINE", BigDecimal.ONE, null), "demo"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("scale"));
        var system = progress.recordSystem(c.id(), new FamilyProgressService.NewCaseMeasurement(c.father(), "PARENT_EMPLOYMENT",
                today.minusDays(1), "BASELINE", BigDecimal.TWO, null), "demo");
        assertThat(system.createdBy()).isEqualTo("demo");

        var listed = api.get(base).json();
        assertThat(listed.findValuesAsString("scale")).containsExactly("WELLBEING", "PARENT_EMPLOYMENT", "WELLBEING", "PARENT_EMPLOYMENT");
        assertThat(jdbc.sql("select count(*) from cw_progress_measurement where family_case_id = ?").param(c.id()).query(Long.class).single())
                .as("the refused measurements left nothing").isEqualTo(4);

        // a closed case is read-only
        cases.closeSystem(c.id(), ClosureReason.COMPLETED, today, "Afsluttet", "test");
        var closed = api.post(base, Map.of("personId", c.young15(), "scale", "SCHOOL_ABSENCE", "measuredOn", today.toString(),
                "occasion", "BASELINE", "value", 10));
        assertThat(closed.status()).isEqualTo(400);
        assertThat(closed.json().get("errors").findValuesAsString("field")).containsExactly("familyCase");
        assertThat(api.get(base).json().size()).isEqualTo(4);
        var page = WebSession.signIn(port, c.worker()).get("/family-cases/" + c.id() + "/progress");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("målingerne kan ses, men ikke ændres").contains("Går i skole igen").doesNotContain("Gem målingen");
    }

    @Test
    void aCaseworkerOutsideTheTeamIsRefusedAndAudited() {
        var c = testFamilies.open("progress-api-denied");
        TestStaff.User outsider = staff.user(Role.CASEWORKER, staff.team("progress-api-other"));
        Api api = Api.at(port).as(outsider.username(), outsider.password());
        String base = "/api/v1/family-cases/" + c.id() + "/measurements";
        assertThat(api.get(base).status()).isEqualTo(403);
        assertThat(api.post(base, Map.of("personId", c.young15(), "scale", "WELLBEING", "measuredOn", LocalDate.now(clock).toString(),
                "occasion", "BASELINE", "value", 5)).status()).isEqualTo(403);
        assertThat(jdbc.sql("select subject from aud_event where action = 'DENIED' and actor = ? order by id").param(outsider.username())
                .query(String.class).list())
                .containsExactly("familiesag " + c.id() + ": fremskridtsmålinger", "familiesag " + c.id() + ": fremskridtsmåling");
        assertThat(jdbc.sql("select count(*) from cw_progress_measurement where family_case_id = ?").param(c.id()).query(Long.class).single()).isZero();
    }
}
