package dk.vendepunkt.support;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.casework.EnrolmentClosed;
import dk.vendepunkt.people.Consents;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person with data in every module that holds personal data (people: master data and a consent; casework: a
 * closed SSP+ forløb with a journal note; outcomes: the closed forløb and a serious charge after it), for the
 * subject-access and retention tests. {@link #remove} deletes what a test left of it.
 */
@Component
public class TestPersonalData {

    /** What was created: the person (people), their forløb (casework) and outcome person (outcomes). */
    public record Created(long personId, String cpr, long enrolmentId, long outcomePersonId) {}

    private final PersonDirectory people;
    private final Consents consents;
    private final TestEnrolments enrolments;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;

    TestPersonalData(PersonDirectory people, Consents consents, TestEnrolments enrolments, ApplicationEventPublisher events, JdbcClient jdbc) {
        this.people = people;
        this.consents = consents;
        this.enrolments = enrolments;
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * A person registered by {@code teamId} with an SSP+ forløb from {@code start} to {@code end} (closed, with the
     * outcomes module told as case work tells it) and a level-3 charge {@code chargeAfterDays} after the end,
     * imported through the API by {@code importer} (a user allowed to import).
     */
    public Created person(long teamId, LocalDate start, LocalDate end, int chargeAfterDays, Api importer) {
        String cpr = TestStaff.uniqueCpr();
        long person = people.registerSystem(CprNumber.parse(cpr).orElseThrow(), "Indsigt", "Testperson", "D01", teamId);
        consents.recordSystem(person, Consents.NewConsent.of("Samarbejde med SSP+", "CONSENT", start, null, null), null, "test");
        long enrolment = enrolments.enrolment(person, teamId, "SSP_PLUS", "CONTACT", start, null);
        jdbc.sql("insert into cw_journal_note (enrolment_id, note_date, text, author) values (?, ?, 'Samtale om skolegang', 'test')")
                .params(enrolment, start.plusDays(3)).update();
        enrolments.close(enrolment, end, "COMPLETED");
        events.publishEvent(new EnrolmentClosed(enrolment, person, "SSP_PLUS", start, end, "COMPLETED", false));
        String csv = "event_ref,person_key,event_type,event_date,offence_code,ssp_level\n"
                + "ret-" + cpr + "," + cpr + ",CHARGE," + end.plusDays(chargeAfterDays) + ",,3\n";
        var r = importer.postFile("/api/v1/imports/register-events", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        long outcomePerson = jdbc.sql("select id from out_person where person_id = ?").param(person).query(Long.class).single();
        return new Created(person, cpr, enrolment, outcomePerson);
    }

    /** A person registered by the team, with no other data. */
    public long registered(long teamId) {
        return people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr()).orElseThrow(), "Indsigt", "Testperson", "D01", teamId);
    }

    /** Deletes every row the persons left in casework, outcomes and people (not the audit log: it is append-only). */
    public void remove(List<Created> created) {
        for (Created c : created) {
            for (String sql : List.of(
                    "delete from cw_journal_note where enrolment_id = ?", "delete from cw_phase_change where enrolment_id = ?",
                    "delete from cw_follow_up where enrolment_id = ?", "delete from cw_enrolment where id = ?")) {
                jdbc.sql(sql).param(c.enrolmentId()).update();
            }
            for (String sql : List.of(
                    "delete from out_register_event where person = ?", "delete from out_follow_up where person = ?",
                    "delete from out_enrolment where person = ?", "delete from out_person where id = ?")) {
                jdbc.sql(sql).param(c.outcomePersonId()).update();
            }
            jdbc.sql("delete from ppl_person where id = ?").param(c.personId()).update();
        }
    }
}
