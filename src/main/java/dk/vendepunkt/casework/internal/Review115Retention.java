package dk.vendepunkt.casework.internal;

import dk.vendepunkt.people.RetentionHandler;
import dk.vendepunkt.people.RetentionRules;
import dk.vendepunkt.platform.DanishDates;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Category LIST_115: a person discussed at a §115 review, with the decisions on them, is deleted when the period
 * ({@code vendepunkt.retention.periods.LIST_115}, 6 months) has passed since the meeting and every decision was
 * NO_ACTION (a person never decided on counts as no action). When any decision acted on the list (contact, referral,
 * already known, notification), the rows are case records and go the CASE_RECORD period after the meeting. The
 * meeting and its participants (staff and police, category STAFF) stay.
 */
@Component
@Order(20)
class Review115Retention implements RetentionHandler {

    static final String CATEGORY = "LIST_115";

    private static final String DUE = """
            (m.meeting_date <= :noActionCutoff and not exists (select 1 from cw_review115_decision d
                 where d.review_person_id = rp.id and d.outcome <> 'NO_ACTION'))
             or m.meeting_date <= :actedCutoff""";

    private final JdbcClient jdbc;
    private final RetentionRules rules;

    Review115Retention(JdbcClient jdbc, RetentionRules rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    @Override
    public String category() {
        return CATEGORY;
    }

    @Override
    public String action() {
        return "DELETE";
    }

    @Override
    public Set<String> tables() {
        return Set.of("cw_review115_person", "cw_review115_decision");
    }

    @Override
    public List<Item> due(LocalDate asOf) {
        return jdbc.sql("select 'cw_review115_person', rp.id, rp.person_id from cw_review115_person rp"
                        + " join cw_review115_meeting m on m.id = rp.meeting_id where " + DUE + " order by rp.id")
                .param("noActionCutoff", asOf.minus(noAction())).param("actedCutoff", asOf.minus(acted()))
                .query((rs, i) -> new Item(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    @Override
    public void erase(List<Item> items) {
        List<Long> ids = items.stream().filter(i -> i.table().equals("cw_review115_person")).map(Item::id).toList();
        if (ids.isEmpty()) return;
        // a decision and its amendments go in one statement (the amendment's key to the amended row is checked at its end)
        jdbc.sql("delete from cw_review115_decision where review_person_id in (:ids)").param("ids", ids).update();
        jdbc.sql("delete from cw_review115_person where id in (:ids)").param("ids", ids).update();
    }

    @Override
    public List<Expiry> expiries(long personId) {
        Period noAction = noAction();
        Period acted = acted();
        return jdbc.sql("""
                select m.meeting_date, exists (select 1 from cw_review115_decision d where d.review_person_id = rp.id and d.outcome <> 'NO_ACTION')
                  from cw_review115_person rp join cw_review115_meeting m on m.id = rp.meeting_id
                 where rp.person_id = ? order by m.meeting_date, rp.id""").param(personId)
                .query((rs, i) -> {
                    LocalDate meeting = rs.getObject(1, LocalDate.class);
                    return new Expiry(CATEGORY, "§115-møde " + DanishDates.format(meeting), meeting.plus(rs.getBoolean(2) ? acted : noAction));
                }).list();
    }

    @Override
    public Set<Long> holding(Collection<Long> personIds, LocalDate asOf) {
        if (personIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select rp.person_id from cw_review115_person rp join cw_review115_meeting m on m.id = rp.meeting_id"
                        + " where rp.person_id in (:persons) and not (" + DUE + ")")
                .param("persons", personIds).param("noActionCutoff", asOf.minus(noAction())).param("actedCutoff", asOf.minus(acted()))
                .query(Long.class).list());
    }

    private Period noAction() {
        return rules.required(CATEGORY);
    }

    /** Rows on which the review acted are case records. */
    private Period acted() {
        return rules.required(CaseRecordRetention.CATEGORY);
    }
}
