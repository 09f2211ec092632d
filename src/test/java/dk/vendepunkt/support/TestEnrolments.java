package dk.vendepunkt.support;

import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Creates persons and forløb directly (no user, no audit of the set-up) for tests of the casework module
 * (core and plan). The team gets access to the person, as a referral would grant it.
 */
@Component
public class TestEnrolments {

    private final PersonDirectory people;
    private final JdbcClient jdbc;

    TestEnrolments(PersonDirectory people, JdbcClient jdbc) {
        this.people = people;
        this.jdbc = jdbc;
    }

    /** A new synthetic person whose team has access. */
    public long person(long teamId) {
        return people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr()).orElseThrow(), "Test", "Deltager", "D01", teamId);
    }

    /** An ongoing EXIT forløb in phase IDENTIFICATION, started 30 days ago, for a new person of the team. */
    public long enrolment(long teamId) {
        return enrolment(person(teamId), teamId, "EXIT", "IDENTIFICATION", LocalDate.now().minusDays(30), null);
    }

    /** A forløb of the given person; {@code closureReason} null = ongoing (end date ignored then). */
    public long enrolment(long personId, long teamId, String programme, String phase, LocalDate start, Long coordinatorId) {
        long id = jdbc.sql("""
                insert into cw_enrolment (person_id, programme, team_id, coordinator_id, phase, start_date, gang_related, created_by)
                values (?, ?, ?, ?, ?, ?, false, 'test') returning id""")
                .params(personId, programme, teamId, coordinatorId, phase, start).query(Long.class).single();
        jdbc.sql("insert into cw_phase_change (enrolment_id, from_phase, to_phase, changed_on, reason, changed_by) values (?, null, ?, ?, 'test', 'test')")
                .params(id, phase, start).update();
        return id;
    }

    /** The person of a forløb. */
    public long personOf(long enrolmentId) {
        return jdbc.sql("select person_id from cw_enrolment where id = ?").param(enrolmentId).query(Long.class).single();
    }

    /** Marks a forløb closed (no event, no follow-up tasks): for tests of read-only behaviour. */
    public void close(long enrolmentId, LocalDate end, String reason) {
        jdbc.sql("update cw_enrolment set end_date = ?, closure_reason = ?, version = version + 1 where id = ?")
                .params(end, reason, enrolmentId).update();
    }
}
