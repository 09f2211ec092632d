package dk.vendepunkt.outcomes.internal;

import dk.vendepunkt.casework.EnrolmentClosed;
import dk.vendepunkt.casework.FollowUpRecorded;
import dk.vendepunkt.outcomes.internal.Codes.FollowUpStatus;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forløb closed and follow-ups recorded in Vendepunkt's own case work become the same rows as imported
 * ones, so every measure counts them alike. Runs synchronously inside the publisher's transaction.
 */
@Component
class CaseworkListener {

    private final JdbcClient jdbc;
    private final OutcomePersons persons;
    private final FollowUps followUps;
    private final OutcomeDerivation derivation;

    CaseworkListener(JdbcClient jdbc, OutcomePersons persons, FollowUps followUps, OutcomeDerivation derivation) {
        this.derivation = derivation;
        this.jdbc = jdbc;
        this.persons = persons;
        this.followUps = followUps;
    }

    @EventListener
    @Transactional
    void on(EnrolmentClosed e) {
        long person = persons.forPerson(e.personId());
        jdbc.sql("""
                insert into out_enrolment (casework_enrolment_id, person, programme, start_date, end_date, closure_reason, gang_related, source)
                values (?, ?, ?, ?, ?, ?, ?, 'CASEWORK')
                on conflict (casework_enrolment_id) do update set person = excluded.person, programme = excluded.programme,
                    start_date = excluded.start_date, end_date = excluded.end_date, closure_reason = excluded.closure_reason,
                    gang_related = excluded.gang_related, updated_at = now()""")
                .params(e.enrolmentId(), person, Codes.Programme.valueOf(e.programme()).name(), e.startDate(), e.endDate(),
                        Codes.ClosureReason.valueOf(e.closureReason()).name(), e.gangRelated())
                .update();
        derivation.refresh(java.util.List.of(person));
    }

    @EventListener
    @Transactional
    void on(FollowUpRecorded e) {
        long person = persons.forPerson(e.personId());
        if (e.replacedStatusDate() != null && !e.replacedStatusDate().equals(e.statusDate())) {
            // a correction moved the date: the status recorded for the old date no longer stands
            followUps.removeFromCasework(person, e.replacedStatusDate(), e.enrolmentId());
        }
        followUps.upsert(person, e.statusDate(), FollowUpStatus.valueOf(e.status()), "CASEWORK", e.enrolmentId());
        derivation.refresh(java.util.List.of(person));
    }
}
