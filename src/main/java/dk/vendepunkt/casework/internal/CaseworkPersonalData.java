package dk.vendepunkt.casework.internal;

import dk.vendepunkt.people.PersonalDataContributor;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Casework's share of a subject-access answer: the person's referrals and forløb with everything recorded in them, and
 * the §115 reviews that discussed them with the decisions.
 */
@Component
class CaseworkPersonalData implements PersonalDataContributor {

    /** The cases of the families the person belongs or belonged to (the subject-access query asks people's membership table). */
    static final String FAMILY_CASES =
            "select id from cw_family_case where family_id in (select family_id from ppl_family_member where person_id = :person)";

    private static final String ENROLMENTS = "enrolment_id in (select id from cw_enrolment where person_id = :person)";

    @Override
    public String module() {
        return "casework";
    }

    @Override
    public List<PersonTable> tables() {
        return List.of(
                new PersonTable("cw_referral", "person_id = :person"),
                new PersonTable("cw_enrolment", "person_id = :person"),
                new PersonTable("cw_phase_change", ENROLMENTS),
                new PersonTable("cw_closure_amendment", ENROLMENTS),
                new PersonTable("cw_assessment", ENROLMENTS),
                new PersonTable("cw_assessment_domain", "assessment_id in (select id from cw_assessment where " + ENROLMENTS + ")"),
                new PersonTable("cw_plan_version", ENROLMENTS),
                new PersonTable("cw_plan_goal", "plan_version_id in (select id from cw_plan_version where " + ENROLMENTS + ")"),
                new PersonTable("cw_plan_action", "goal_id in (select g.id from cw_plan_goal g join cw_plan_version v on v.id = g.plan_version_id"
                        + " where v." + ENROLMENTS + ")"),
                new PersonTable("cw_mentor", ENROLMENTS),
                new PersonTable("cw_journal_note", ENROLMENTS),
                new PersonTable("cw_contact", ENROLMENTS),
                new PersonTable("cw_follow_up", ENROLMENTS),
                new PersonTable("cw_follow_up_correction", "follow_up_id in (select id from cw_follow_up where " + ENROLMENTS + ")"),
                new PersonTable("cw_pool_purchase", ENROLMENTS),
                new PersonTable("cw_case_task", ENROLMENTS),
                new PersonTable("cw_family_case", "id in (" + FAMILY_CASES + ")"),
                new PersonTable("cw_family_case_criterion", "family_case_id in (" + FAMILY_CASES + ")"),
                new PersonTable("cw_family_phase_change", "family_case_id in (" + FAMILY_CASES + ")"),
                new PersonTable("cw_progress_measurement", "person_id = :person"),
                new PersonTable("cw_review115_person", "person_id = :person"),
                new PersonTable("cw_review115_decision", "review_person_id in (select id from cw_review115_person where person_id = :person)"),
                // the family model's consent part: the member's own rows, and the contacts they took part in
                new PersonTable("cw_family_involvement_refusal", "person_id = :person"),
                new PersonTable("cw_family_contact", "id in (select contact_id from cw_family_contact_member where person_id = :person)"),
                new PersonTable("cw_family_contact_member", "person_id = :person"),
                new PersonTable("cw_family_handover", "person_id = :person"),
                familyCaseTable("cw_family_assessment"),
                familyCaseTable("cw_family_child_need"),
                familyCaseTable("cw_family_journal_summary"),
                familyCaseTable("cw_family_measure"),
                familyCaseTable("cw_family_part_share"),
                familyCaseTable("cw_family_plan_version"),
                familyCaseTable("cw_family_plan_goal"),
                familyCaseTable("cw_family_plan_agreement"),
                familyCaseTable("cw_family_plan_review"),
                familyCaseTable("cw_family_plan_review_goal"),
                familyCaseTable("cw_family_screening"),
                familyCaseTable("cw_family_screening_domain"));
    }

    /** A table of the family case's assessment or plan (issue 13 parts 5-6): found through the person's families. */
    private static PersonTable familyCaseTable(String table) {
        return new PersonTable(table, "family_case_id in (" + FAMILY_CASES + ")");
    }
}
