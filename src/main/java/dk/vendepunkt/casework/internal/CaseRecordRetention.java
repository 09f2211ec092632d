package dk.vendepunkt.casework.internal;

import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.RetentionHandler;
import dk.vendepunkt.people.RetentionRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Category CASE_RECORD: a forløb's content (journal notes, contacts, assessments, plans, mentors, phase history,
 * follow-ups, amendments) is deleted when the period has passed since the forløb ended; a referral that led to
 * no forløb goes the same period after its decision. The forløb and referral rows themselves stay without
 * identity (no person, no free text), and pool purchases without their purpose, so capacity, referral and pool
 * figures do not change. Progress measurements of a family case (no forløb id) go the period after they were taken once
 * the person has no forløb that is open or ended within the period.
 */
@Component
@Order(10)
class CaseRecordRetention implements RetentionHandler {

    static final String CATEGORY = "CASE_RECORD";
    private static final String ENROLMENTS = "enrolment_id in (:ids)";

    private final JdbcClient jdbc;
    private final RetentionRules rules;
    private final Families families;

    CaseRecordRetention(JdbcClient jdbc, RetentionRules rules, Families families) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.families = families;
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
        return Set.of("cw_referral", "cw_enrolment", "cw_phase_change", "cw_closure_amendment", "cw_assessment", "cw_assessment_domain",
                "cw_plan_version", "cw_plan_goal", "cw_plan_action", "cw_mentor", "cw_journal_note", "cw_contact", "cw_follow_up",
                "cw_follow_up_correction", "cw_pool_purchase", "cw_case_task", "cw_family_case", "cw_family_case_criterion",
                "cw_family_phase_change", "cw_family_involvement_refusal", "cw_family_contact", "cw_family_contact_member",
                "cw_family_handover", "cw_progress_measurement",
                "cw_family_assessment", "cw_family_child_need", "cw_family_journal_summary", "cw_family_measure",
                "cw_family_part_share", "cw_family_plan_version", "cw_family_plan_goal", "cw_family_plan_agreement", "cw_family_plan_review",
                "cw_family_plan_review_goal", "cw_family_screening", "cw_family_screening_domain");
    }

    /**
     * A family case's own tables, each with a {@code family_case_id} column (their child tables go by cascade): deleted
     * the period after the case ended; the case row stays without identity (no family, no free text), so the family
     * programme's figures do not change. The children's forløb go as every forløb.
     */
    static final List<String> FAMILY_CASE_CONTENT = List.of("cw_family_screening_domain", "cw_family_screening", "cw_family_case_criterion", "cw_family_phase_change",
            "cw_family_involvement_refusal", "cw_family_contact", "cw_family_handover",
            "cw_family_plan_review_goal", "cw_family_plan_review", "cw_family_plan_agreement", "cw_family_plan_goal", "cw_family_plan_version",
            "cw_family_part_share", "cw_family_measure", "cw_family_journal_summary", "cw_family_child_need", "cw_family_assessment");

    @Override
    public List<Item> due(LocalDate asOf) {
        LocalDate cutoff = cutoff(asOf);
        return jdbc.sql("""
                select 'cw_enrolment', id, person_id from cw_enrolment where person_id is not null and end_date <= :cutoff
                union all
                select 'cw_referral', id, person_id from cw_referral
                 where person_id is not null and enrolment_id is null and status = 'REJECTED'
                   and coalesce(screened_on, referred_on) <= :cutoff
                union all
                select 'cw_family_case', id, null from cw_family_case where family_id is not null and end_date <= :cutoff
                union all
                select 'cw_progress_measurement', id, person_id from cw_progress_measurement m
                 where measured_on <= :cutoff and not exists (select 1 from cw_enrolment e where e.person_id = m.person_id
                                                                and (e.end_date is null or e.end_date > :cutoff))
                order by 1, 2""").param("cutoff", cutoff)
                .query((rs, i) -> new Item(rs.getString(1), rs.getLong(2), (Long) rs.getObject(3))).list();
    }

    @Override
    public void erase(List<Item> items) {
        List<Long> familyCases = ids(items, "cw_family_case");
        if (!familyCases.isEmpty()) {
            for (String table : FAMILY_CASE_CONTENT) {
                jdbc.sql("delete from " + table + " where family_case_id in (:ids)").param("ids", familyCases).update();
            }
            jdbc.sql("update cw_family_case set family_id = null, reason = '', closure_summary = null, version = version + 1 where id in (:ids)")
                    .param("ids", familyCases).update();
        }
        List<Long> enrolments = ids(items, "cw_enrolment");
        List<Long> referrals = new ArrayList<>(ids(items, "cw_referral"));
        List<Long> measurements = ids(items, "cw_progress_measurement");
        if (!measurements.isEmpty()) jdbc.sql("delete from cw_progress_measurement where id in (:ids)").param("ids", measurements).update();
        if (!enrolments.isEmpty()) {
            for (String sql : List.of(
                    "delete from cw_journal_note where " + ENROLMENTS,
                    "delete from cw_case_task where " + ENROLMENTS,
                    "delete from cw_contact where " + ENROLMENTS,
                    "delete from cw_assessment_domain where assessment_id in (select id from cw_assessment where " + ENROLMENTS + ")",
                    "delete from cw_assessment where " + ENROLMENTS,
                    "delete from cw_plan_action where goal_id in (select g.id from cw_plan_goal g join cw_plan_version v on v.id = g.plan_version_id where v." + ENROLMENTS + ")",
                    "delete from cw_plan_goal where plan_version_id in (select id from cw_plan_version where " + ENROLMENTS + ")",
                    "delete from cw_plan_version where " + ENROLMENTS,
                    "delete from cw_mentor where " + ENROLMENTS,
                    "delete from cw_phase_change where " + ENROLMENTS,
                    "delete from cw_closure_amendment where " + ENROLMENTS,
                    "delete from cw_follow_up_correction where follow_up_id in (select id from cw_follow_up where " + ENROLMENTS + ")",
                    "delete from cw_follow_up where " + ENROLMENTS,
                    "update cw_pool_purchase set purpose = '', supplier = '', decision_note = null where " + ENROLMENTS)) {
                jdbc.sql(sql).param("ids", enrolments).update();
            }
            referrals.addAll(jdbc.sql("select referral_id from cw_enrolment where id in (:ids) and referral_id is not null"
                    + " union select id from cw_referral where enrolment_id in (:ids)")
                    .param("ids", enrolments).query(Long.class).list());
            jdbc.sql("""
                    update cw_enrolment set person_id = null, coordinator_id = null, closure_summary = null, baseline = null,
                           version = version + 1 where id in (:ids)""").param("ids", enrolments).update();
        }
        if (!referrals.isEmpty()) {
            jdbc.sql("""
                    update cw_referral set person_id = null, referrer = null, reason = '', consent_on = null, decision_reason = null,
                           assigned_to = null, version = version + 1 where id in (:ids)""").param("ids", referrals).update();
        }
    }

    @Override
    public List<Expiry> expiries(long personId) {
        var period = rules.required(CATEGORY);
        List<Expiry> all = new ArrayList<>(familyCaseExpiries(personId));
        all.addAll(jdbc.sql("""
                select 'forløb ' || programme || ' ' || start_date, end_date from cw_enrolment where person_id = ?
                union all
                select 'henvisning ' || programme || ' ' || referred_on,
                       case when status = 'REJECTED' then coalesce(screened_on, referred_on) end
                  from cw_referral where person_id = ? and enrolment_id is null
                union all
                select 'fremskridtsmålinger', max(measured_on) from cw_progress_measurement where person_id = ? having count(*) > 0
                order by 1""").params(personId, personId, personId)
                .query((rs, i) -> {
                    LocalDate from = rs.getObject(2, LocalDate.class);
                    return new Expiry(CATEGORY, rs.getString(1), from == null ? null : from.plus(period));
                }).list());
        return all;
    }

    /** The cases of the families the person belongs or belonged to (membership asked of the people module). */
    private List<Expiry> familyCaseExpiries(long personId) {
        var period = rules.required(CATEGORY);
        List<Long> familyIds = families.familiesOf(personId).stream().map(Families.FamilyLine::familyId).toList();
        if (familyIds.isEmpty()) return List.of();
        return jdbc.sql("select 'familiesag ' || opened_on, end_date from cw_family_case where family_id in (:f) order by opened_on")
                .param("f", familyIds)
                .query((rs, i) -> {
                    LocalDate end = rs.getObject(2, LocalDate.class);
                    return new Expiry(CATEGORY, rs.getString(1), end == null ? null : end.plus(period));
                }).list();
    }

    @Override
    public Set<Long> holding(Collection<Long> personIds, LocalDate asOf) {
        if (personIds.isEmpty()) return Set.of();
        Set<Long> held = new HashSet<>();
        for (long p : personIds) {
            List<Long> familyIds = families.familiesOf(p).stream().map(Families.FamilyLine::familyId).toList();
            if (!familyIds.isEmpty() && jdbc.sql(
                    "select exists(select 1 from cw_family_case where family_id in (:f) and (end_date is null or end_date > :cutoff))")
                    .param("f", familyIds).param("cutoff", cutoff(asOf)).query(Boolean.class).single()) held.add(p);
        }
        held.addAll(jdbc.sql("""
                select person_id from cw_enrolment where person_id in (:persons) and (end_date is null or end_date > :cutoff)
                union
                select person_id from cw_referral where person_id in (:persons) and enrolment_id is null
                   and (status <> 'REJECTED' or coalesce(screened_on, referred_on) > :cutoff)
                union
                select person_id from cw_progress_measurement where person_id in (:persons) and measured_on > :cutoff""")
                .param("persons", personIds).param("cutoff", cutoff(asOf)).query(Long.class).list());
        return held;
    }

    private LocalDate cutoff(LocalDate asOf) {
        return asOf.minus(rules.required(CATEGORY));
    }

    private static List<Long> ids(List<Item> items, String table) {
        return items.stream().filter(i -> i.table().equals(table)).map(Item::id).toList();
    }
}
