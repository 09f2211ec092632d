package dk.vendepunkt.casework.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.platform.DemoData;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The plan's demo data over forløb of all ages: every table gets rows, and the data obey the rules. */
@IntegrationTest
class PlanDemoDataIT {

    @Autowired PlanDemoData demo;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired JdbcClient jdbc;

    long count(String sql, Long[] ids) {
        return jdbc.sql(sql).param(ids).query(Long.class).single();
    }

    @Test
    void everyForloebGetsAssessmentsPlanJournalAndPurchasesInEveryState() {
        long team = staff.team("demo");
        staff.user(Role.CASEWORKER, team);
        LocalDate today = LocalDate.now();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long id = enrolments.enrolment(enrolments.person(team), team, "EXIT", "INCLUSION", today.minusDays(30 + 60L * i), null);
            if (i % 3 == 0 && i > 0) enrolments.close(id, today.minusDays(10L * i), "COMPLETED");
            ids.add(id);
        }
        RandomGenerator random = new Random(7);
        demo.generate(new DemoData.DemoContext() {
            public RandomGenerator random() { return random; }
            public void login(String role, String username, String password) {}
            public LocalDate today() { return today; }
        }, ids);
        Long[] a = ids.toArray(Long[]::new);

        assertThat(count("select count(distinct enrolment_id) from cw_assessment where kind = 'BASELINE' and enrolment_id = any(?)", a)).isEqualTo(40);
        assertThat(count("select count(*) from cw_assessment where kind = 'REASSESSMENT' and enrolment_id = any(?)", a)).isPositive();
        assertThat(count("select count(*) from cw_plan_version where number > 1 and enrolment_id = any(?)", a)).isPositive();
        assertThat(count("select count(distinct enrolment_id) from cw_mentor where enrolment_id = any(?)", a)).isGreaterThan(30);
        assertThat(count("select count(*) from cw_journal_note where enrolment_id = any(?)", a)).isPositive();
        assertThat(count("select count(*) from cw_contact where attended is null and enrolment_id = any(?)", a)).isPositive();
        assertThat(count("select count(distinct status) from cw_pool_purchase where enrolment_id = any(?)", a)).isGreaterThanOrEqualTo(3);
        // nothing after the forløb's end, nothing before its start
        assertThat(count("""
                select count(*) from cw_contact c join cw_enrolment e on e.id = c.enrolment_id
                 where e.id = any(?) and (c.contact_date < e.start_date or (e.end_date is not null and c.contact_date > e.end_date))""", a)).isZero();
        assertThat(count("""
                select count(*) from cw_assessment s join cw_enrolment e on e.id = s.enrolment_id
                 where e.id = any(?) and (s.assessed_on < e.start_date or (e.end_date is not null and s.assessed_on > e.end_date))""", a)).isZero();
        // actions long past their due date have been followed up: only recent ones are open
        assertThat(count("""
                select count(*) from cw_plan_version v join cw_enrolment e on e.id = v.enrolment_id
                  join cw_plan_goal g on g.plan_version_id = v.id join cw_plan_action a on a.goal_id = g.id
                 where e.id = any(?) and v.number = (select max(number) from cw_plan_version x where x.enrolment_id = e.id)
                   and a.status in ('PLANNED', 'IN_PROGRESS') and a.due_date < coalesce(e.end_date, current_date) - 44""", a)).isZero();
        // the stored risk level is the instrument's level for the stored domain scores
        assertThat(count("""
                select count(*) from cw_assessment s where s.enrolment_id = any(?)
                   and s.total_score <> (select sum(score) from cw_assessment_domain d where d.assessment_id = s.id)""", a)).isZero();
    }
}
