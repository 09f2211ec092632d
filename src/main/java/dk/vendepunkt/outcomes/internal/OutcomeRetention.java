package dk.vendepunkt.outcomes.internal;

import dk.vendepunkt.people.RetentionHandler;
import dk.vendepunkt.people.RetentionRules;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Category OUTCOME: an outcome person is pseudonymised when the period has passed since the last date known of
 * them (the end of the last forløb, an index date, a register event or a follow-up status) and no forløb of
 * theirs is open. Every row stays with its cohort, dates and results, so the effect figures do not change; what
 * goes is what ties it to someone: the CPR blind index, the link to the people module, register and import
 * references and the link to the case-work forløb.
 */
@Component
@Order(20)
class OutcomeRetention implements RetentionHandler {

    static final String CATEGORY = "OUTCOME";
    /** The blind index of a pseudonymised outcome person: not a hash of any CPR number, so no import matches it. */
    static final String PSEUDONYM = "anon:";

    /** Per outcome person not yet pseudonymised: the last date known, null while a forløb of theirs is open. */
    private static final String LAST_DATE = """
            select p.id, p.person_id,
                   case when exists (select 1 from out_enrolment e where e.person = p.id and e.end_date is null) then null
                        else greatest((select max(end_date) from out_enrolment e where e.person = p.id),
                                      (select max(index_date) from out_reference_member m where m.person = p.id),
                                      (select max(event_date) from out_register_event r where r.person = p.id),
                                      (select max(status_date) from out_follow_up f where f.person = p.id)) end as last_date
              from out_person p where p.person_hash not like 'anon:%'""";

    private final JdbcClient jdbc;
    private final RetentionRules rules;

    OutcomeRetention(JdbcClient jdbc, RetentionRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    @Override
    public String category() {
        return CATEGORY;
    }

    @Override
    public String action() {
        return "PSEUDONYMISE";
    }

    @Override
    public Set<String> tables() {
        return Set.of("out_person", "out_enrolment", "out_register_event", "out_follow_up", "out_reference_member");
    }

    @Override
    public List<Item> due(LocalDate asOf) {
        return jdbc.sql("select id, person_id from (" + LAST_DATE + ") x where last_date <= :cutoff order by id")
                .param("cutoff", cutoff(asOf))
                .query((rs, i) -> new Item("out_person", rs.getLong(1), (Long) rs.getObject(2))).list();
    }

    @Override
    public void erase(List<Item> items) {
        if (items.isEmpty()) return;
        List<Long> ids = items.stream().map(Item::id).toList();
        jdbc.sql("update out_person set person_hash = '" + PSEUDONYM + "' || id, person_id = null where id in (:ids)").param("ids", ids).update();
        jdbc.sql("update out_enrolment set enrolment_ref = '" + PSEUDONYM + "' || id, casework_enrolment_id = null where person in (:ids)")
                .param("ids", ids).update();
        jdbc.sql("update out_register_event set event_ref = '" + PSEUDONYM + "' || gen_random_uuid() where person in (:ids)").param("ids", ids).update();
        jdbc.sql("update out_follow_up set casework_enrolment_id = null where person in (:ids)").param("ids", ids).update();
    }

    @Override
    public List<Expiry> expiries(long personId) {
        var period = rules.required(CATEGORY);
        return jdbc.sql("select last_date from (" + LAST_DATE + ") x where person_id = ?").param(personId)
                .query((rs, i) -> {
                    LocalDate last = rs.getObject(1, LocalDate.class);
                    return new Expiry(CATEGORY, "effektdata", last == null ? null : last.plus(period));
                }).list();
    }

    @Override
    public Set<Long> holding(Collection<Long> personIds, LocalDate asOf) {
        if (personIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select person_id from (" + LAST_DATE + ") x where person_id in (:persons)"
                        + " and (last_date is null or last_date > :cutoff)")
                .param("persons", personIds).param("cutoff", cutoff(asOf)).query(Long.class).list());
    }

    private LocalDate cutoff(LocalDate asOf) {
        return asOf.minus(rules.required(CATEGORY));
    }
}
