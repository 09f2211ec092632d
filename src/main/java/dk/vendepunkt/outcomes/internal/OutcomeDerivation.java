package dk.vendepunkt.outcomes.internal;

import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the per-forløb derived outcome columns (first serious charge and conviction after the end date, the
 * chosen 3-month follow-up status) current for the persons whose data changed, set-based, so the effect
 * report is a single scan (see V5_3). Every write path of the module calls it in its own transaction.
 */
@Component
public class OutcomeDerivation {

    private static final String VALUES = """
            (select min(r.event_date) from out_register_event r
                where r.person = t.person and r.event_type = 'CHARGE' and r.ssp_level >= 3 and r.event_date > t.%1$s) as c,
            (select min(r.event_date) from out_register_event r
                where r.person = t.person and r.event_type = 'CONVICTION' and r.ssp_level >= 3 and r.event_date > t.%1$s) as v,
            (select f.status from out_follow_up f
                where f.person = t.person and f.status_date between t.%1$s + 60 and t.%1$s + 120
                order by abs(f.status_date - (t.%1$s + 91)), f.status_date desc limit 1) as f""";

    /** Computes the values for the selected rows and writes only those that changed (no dead rows on re-imports). */
    private static String update(String table, String dateColumn, String where) {
        return """
                update %1$s u set first_serious_charge = x.c, first_serious_conviction = x.v, follow_up_status = x.f
                  from (select t.id, %2$s from %1$s t where %3$s) x
                 where u.id = x.id and (u.first_serious_charge, u.first_serious_conviction, u.follow_up_status) is distinct from (x.c, x.v, x.f)"""
                .formatted(table, VALUES.formatted(dateColumn), where);
    }

    private final JdbcTemplate jdbc;

    OutcomeDerivation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Refreshes the rows of these out_person ids. */
    public void refresh(Collection<Long> persons) {
        if (persons.isEmpty()) return;
        Long[] ids = persons.stream().distinct().toArray(Long[]::new);
        refreshWhere("t.person = any(?)", (Object) ids);
    }

    /** Refreshes the rows whose person matches a condition on {@code t.person}, e.g. a sub-select. */
    public void refreshWhere(String personCondition, Object... params) {
        jdbc.update(update("out_enrolment", "end_date", "t.end_date is not null and " + personCondition), params);
        jdbc.update("update out_enrolment t set first_serious_charge = null, first_serious_conviction = null, follow_up_status = null"
                + " where t.end_date is null and (t.first_serious_charge is not null or t.first_serious_conviction is not null"
                + " or t.follow_up_status is not null) and " + personCondition, params);
        jdbc.update(update("out_reference_member", "index_date", personCondition), params);
    }
}
