package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.RetentionHandler.Expiry;
import dk.vendepunkt.people.RetentionHandler.Item;
import dk.vendepunkt.people.internal.RetentionService;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention of the §115 list (LIST_115): 6 months after the meeting a person on whom the review decided no action
 * goes with their decisions; a person referred to the core team stays (their rows are case records), and so does one
 * whose decision was amended from an action to no action. The meeting is of 1931, so the run reaches no other test's
 * data; what is left is removed afterwards.
 */
@IntegrationTest
class Review115RetentionIT {

    static final LocalDate MEETING = LocalDate.of(1931, 1, 15);

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestClock clock;
    @Autowired RetentionService retention;
    @Autowired JdbcClient jdbc;

    long meetingId;

    @AfterEach
    void cleanUp() {
        clock.reset();
        jdbc.sql("delete from cw_review115_decision where review_person_id in (select id from cw_review115_person where meeting_id = ?)")
                .param(meetingId).update();
        jdbc.sql("delete from cw_review115_person where meeting_id = ?").param(meetingId).update();
        jdbc.sql("delete from cw_review115_meeting where id = ?").param(meetingId).update();
    }

    @Test
    void sixMonthsAndADayAfterTheMeetingTheNoActionPersonGoesTheReferredOneStays() {
        long team = staff.team("review115-retention");
        var cw = staff.user(Role.CASEWORKER, team);
        Api api = Api.at(port).as(cw.username(), cw.password());
        var m = api.post("/api/v1/reviews-115", Map.of("teamId", team, "meetingDate", MEETING.toString(),
                "staff", List.of(Map.of("kind", "STAFF", "name", "Sara Holm", "unit", "BUF")), "policeName", "Kim Berg", "policeUnit", "Forebyggelse"));
        assertThat(m.status()).as(m.toString()).isEqualTo(201);
        meetingId = m.json().get("id").asLong();
        long noAction = person(api, "Ingen");
        long referred = person(api, "Henvist");
        long amendedToNoAction = person(api, "Rettet");
        decide(api, noAction, Map.of("outcome", "NO_ACTION", "reason", "Ingen bekymring", "version", 0));
        decide(api, referred, Map.of("outcome", "REFER_CORE_TEAM", "reason", "Gentagne anmeldelser", "version", 0));
        long contact = decide(api, amendedToNoAction, Map.of("outcome", "CONTACT_FAMILY", "reason", "Kontakt forældre", "version", 0));
        decide(api, amendedToNoAction, Map.of("outcome", "NO_ACTION", "reason", "Familien er kendt og i gang", "amends", contact,
                "amendmentReason", "Forkert vurderet på mødet", "version", 1));

        // the person page's dates: 6 months after the meeting for no action, the case records' 5 years otherwise
        assertThat(retention.expiries(noAction)).contains(new Expiry("LIST_115", "§115-møde 15-01-1931", LocalDate.of(1931, 7, 15)));
        assertThat(retention.expiries(referred)).contains(new Expiry("LIST_115", "§115-møde 15-01-1931", LocalDate.of(1936, 1, 15)));

        long noActionRow = row(noAction);
        assertThat(list115(LocalDate.of(1931, 7, 14))).doesNotContain(new Item("cw_review115_person", noActionRow, noAction));
        LocalDate asOf = MEETING.plusMonths(6).plusDays(1);
        List<Item> due = list115(asOf);
        assertThat(due).contains(new Item("cw_review115_person", noActionRow, noAction));
        assertThat(due).extracting(Item::personId).doesNotContain(referred, amendedToNoAction);

        clock.setTo(asOf.atTime(12, 0).atZone(Zones.ZONE).toInstant());
        var done = retention.run(asOf);
        clock.reset();
        assertThat(done.categories().stream().filter(c -> c.category().equals("LIST_115")).findFirst().orElseThrow().items()).isEqualTo(due);

        assertThat(count("select count(*) from cw_review115_person where person_id = ? and meeting_id = " + meetingId, noAction)).isZero();
        assertThat(count("select count(*) from cw_review115_decision where review_person_id = ?", noActionRow)).isZero();
        assertThat(count("select count(*) from cw_review115_decision where review_person_id = ?", row(referred))).isOne();
        assertThat(count("select count(*) from cw_review115_decision where review_person_id = ?", row(amendedToNoAction))).isEqualTo(2);
        assertThat(count("select count(*) from aud_event where person_id = ? and action = 'DELETE' and subject = 'sletning LIST_115'", noAction)).isOne();
        // the person's master data follows its own rule (PERSON, from the registration), and the meeting stays
        assertThat(count("select count(*) from ppl_person where id = ?", noAction)).isOne();
        var meeting = api.get("/api/v1/reviews-115/" + meetingId).json();
        assertThat(meeting.get("persons")).hasSize(2);
    }

    private long person(Api api, String firstName) {
        var r = api.post("/api/v1/reviews-115/" + meetingId + "/persons", Map.of("cpr", TestStaff.uniqueCpr(), "firstName", firstName, "lastName", "Listeperson"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return jdbc.sql("select person_id from cw_review115_person where meeting_id = ? order by id desc limit 1").param(meetingId).query(Long.class).single();
    }

    private long decide(Api api, long personId, Map<String, Object> body) {
        var r = api.post("/api/v1/reviews-115/" + meetingId + "/persons/" + personId + "/decisions", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        var decisions = r.json().get("decisions");
        return decisions.get(decisions.size() - 1).get("id").asLong();
    }

    private long row(long personId) {
        return jdbc.sql("select id from cw_review115_person where meeting_id = ? and person_id = ?").params(meetingId, personId).query(Long.class).single();
    }

    private List<Item> list115(LocalDate asOf) {
        return retention.preview(asOf).categories().stream().filter(c -> c.category().equals("LIST_115")).findFirst().orElseThrow().items();
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }
}
