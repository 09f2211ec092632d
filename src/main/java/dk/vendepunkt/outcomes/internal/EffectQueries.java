package dk.vendepunkt.outcomes.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL behind the effect report: one scan over the forløb of a programme (or the members of a reference
 * group) using the per-forløb derived columns (first serious charge and conviction after the end date, the
 * follow-up closest to end + 91 in [end + 60, end + 120], tie: the later; see {@link OutcomeDerivation}),
 * aggregated per discharge cohort and in total in the database. See docs/outcomes.md for the definitions.
 */
@Component
public class EffectQueries {

    public static final String[] MEASURES = {"no_new_serious_charge_1y", "no_serious_conviction_2y_completed", "education_or_employment_3m"};
    static final int CHARGE_WINDOW = 365, CONVICTION_WINDOW = 730, FOLLOW_UP_WINDOW = 120;
    static final int FOLLOW_UP_FROM = 60, FOLLOW_UP_TARGET = 91;
    public static final int SURVIVAL_HORIZON = 3650;

    private final JdbcClient jdbc;

    EffectQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts of one measure in one cohort (or the total when cohort is null). */
    record Counts(long eligible, long successes, long missing, long notYetEligible) {}

    /**
     * One row per cohort (year of end date) plus the total (cohort null); counts in {@link #MEASURES} order, and
     * {@code conviction18to25}: {@code no_serious_conviction_2y_completed} among the forløb of persons aged 18–25
     * at the end date (effect goal 2's group), {@code missing} = eligible forløb whose person's age is unknown.
     */
    record CohortCounts(Integer cohort, long ended, List<Counts> measures, Counts conviction18to25) {}

    /**
     * The population: one row per forløb (or reference-group member) with end_date, completed and the derived
     * outcome columns kept by {@link OutcomeDerivation}.
     */
    private static String population(boolean reference) {
        return reference
                ? """
                  select m.index_date as end_date, true as completed, m.first_serious_charge, m.first_serious_conviction, m.follow_up_status,
                         null::int as age_at_end
                    from out_reference_member m where m.label = :key and m.index_date <= :asOf"""
                : """
                  select en.end_date, en.closure_reason = 'COMPLETED' as completed, en.first_serious_charge, en.first_serious_conviction,
                         en.follow_up_status, date_part('year', age(en.end_date, p.birth_date))::int as age_at_end
                    from out_enrolment en join out_person p on p.id = en.person
                   where en.programme = :key and en.end_date is not null and en.end_date <= :asOf and en.closure_reason <> 'DECEASED'""";
    }

    List<CohortCounts> counts(String key, LocalDate asOf, boolean reference) {
        String sql = """
                with e as (%s)
                select extract(year from end_date)::int as cohort, count(*) as ended,
                  count(*) filter (where end_date <= :d365) as c_elig,
                  count(*) filter (where end_date <= :d365 and (first_serious_charge is null or first_serious_charge > end_date + 365)) as c_succ,
                  count(*) filter (where end_date > :d365) as c_wait,
                  count(*) filter (where completed and end_date <= :d730) as v_elig,
                  count(*) filter (where completed and end_date <= :d730
                                     and (first_serious_conviction is null or first_serious_conviction > end_date + 730)) as v_succ,
                  count(*) filter (where completed and end_date > :d730) as v_wait,
                  count(*) filter (where completed and end_date <= :d730 and age_at_end between 18 and 25) as y_elig,
                  count(*) filter (where completed and end_date <= :d730 and age_at_end between 18 and 25
                                     and (first_serious_conviction is null or first_serious_conviction > end_date + 730)) as y_succ,
                  count(*) filter (where completed and end_date <= :d730 and age_at_end is null) as y_unknown,
                  count(*) filter (where end_date <= :d120 and follow_up_status is not null) as f_elig,
                  count(*) filter (where end_date <= :d120 and follow_up_status in ('EDUCATION', 'EMPLOYMENT', 'ACTIVATION')) as f_succ,
                  count(*) filter (where end_date <= :d120 and follow_up_status is null) as f_missing,
                  count(*) filter (where end_date > :d120) as f_wait
                from e group by rollup(extract(year from end_date)::int) order by 1 nulls last"""
                .formatted(population(reference));
        // eligible when end_date + window <= asOf, i.e. end_date <= asOf - window: compared with constants
        List<CohortCounts> rows = new ArrayList<>(jdbc.sql(sql).param("key", key).param("asOf", Date.valueOf(asOf))
                .param("d365", Date.valueOf(asOf.minusDays(CHARGE_WINDOW))).param("d730", Date.valueOf(asOf.minusDays(CONVICTION_WINDOW)))
                .param("d120", Date.valueOf(asOf.minusDays(FOLLOW_UP_WINDOW))).query((rs, i) -> {
            Integer cohort = rs.getObject("cohort") == null ? null : rs.getInt("cohort");
            return new CohortCounts(cohort, rs.getLong("ended"), List.of(
                    new Counts(rs.getLong("c_elig"), rs.getLong("c_succ"), 0, rs.getLong("c_wait")),
                    new Counts(rs.getLong("v_elig"), rs.getLong("v_succ"), 0, rs.getLong("v_wait")),
                    new Counts(rs.getLong("f_elig"), rs.getLong("f_succ"), rs.getLong("f_missing"), rs.getLong("f_wait"))),
                    new Counts(rs.getLong("y_elig"), rs.getLong("y_succ"), rs.getLong("y_unknown"), 0));
        }).list());
        if (rows.isEmpty() || rows.getLast().cohort() != null) {
            // rollup gives no total row over an empty set
            Counts zero = new Counts(0, 0, 0, 0);
            rows.add(new CohortCounts(null, 0, List.of(zero, zero, zero), zero));
        }
        return rows;
    }

    /**
     * Follow-up time per forløb for the Kaplan–Meier curve: time to the first serious charge after end_date,
     * censored at asOf or at {@link #SURVIVAL_HORIZON} days, whichever comes first.
     */
    NavigableMap<Integer, EffectStatistics.DayCount> survivalTimes(String key, LocalDate asOf, boolean reference) {
        String sql = """
                with e as (%s),
                h as (select end_date, first_serious_charge, least(:asOf - end_date, :horizon) as horizon from e),
                t as (select first_serious_charge is not null and first_serious_charge - end_date <= horizon as event,
                             case when first_serious_charge is not null and first_serious_charge - end_date <= horizon
                                  then first_serious_charge - end_date else horizon end as day from h)
                select day, count(*) filter (where event) as events, count(*) filter (where not event) as censored
                  from t group by day order by day"""
                .formatted(population(reference));
        NavigableMap<Integer, EffectStatistics.DayCount> out = new TreeMap<>();
        jdbc.sql(sql).param("key", key).param("asOf", Date.valueOf(asOf)).param("horizon", SURVIVAL_HORIZON)
                .query((rs, i) -> out.put(rs.getInt("day"), new EffectStatistics.DayCount(rs.getLong("events"), rs.getLong("censored")))).list();
        return out;
    }

    List<String> referenceLabels() {
        return jdbc.sql("select distinct label from out_reference_member order by label").query(String.class).list();
    }
}
