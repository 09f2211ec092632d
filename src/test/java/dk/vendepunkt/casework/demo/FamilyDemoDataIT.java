package dk.vendepunkt.casework.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.casework.FamilyProgramme;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.platform.DemoData;
import dk.vendepunkt.platform.Zones;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The family demo reproduces seed 003's profile: about 20 children and 21-23 parents per cohort, 53 % of the children
 * aged 15-17 at the start, 41 % of the first cohort and 16 % of the last charged before the start; a core team of five
 * working in pairs from different departments; families in every phase now.
 */
@IntegrationTest
class FamilyDemoDataIT {

    @Autowired ApplicationContext context;
    @Autowired StaffAdministration admin;
    @Autowired StaffDirectory staff;
    @Autowired TestStaff testStaff;
    @Autowired FamilyProgramme programme;
    @Autowired JdbcClient jdbc;

    @Test
    void theDemoFamiliesHaveTheSeedsProfile() {
        long team = staff.teams().stream().filter(t -> t.name().equals(FamilyDemoData.TEAM)).findFirst().map(t -> t.id())
                .orElseGet(() -> admin.createTeam(FamilyDemoData.TEAM, "BUF", null));
        String[] departments = {"BUF", "SOF", "BIF", "BUF", "SOF"};
        for (String d : departments) {
            admin.setDepartment(testStaff.user(Role.CASEWORKER, Set.of(StaffFunction.CORE_TEAM_MEMBER), team).id(), d);
        }
        LocalDate today = LocalDate.now(Zones.ZONE);
        RandomGenerator random = new Random(11);
        DemoData.DemoContext ctx = new DemoData.DemoContext() {
            public RandomGenerator random() { return random; }
            public void login(String role, String username, String password) { }
            public LocalDate today() { return today; }
        };
        context.getBeansOfType(DemoData.class).values().stream()
                .filter(d -> d.getClass().getSimpleName().startsWith("Family"))
                .sorted(java.util.Comparator.comparingInt(DemoData::order)).forEach(d -> d.load(ctx));

        FamilyProgramme.Cohort closed = programme.cohort(LocalDate.of(2023, 12, 31));
        List<FamilyProgramme.Child> children = closed.children().stream().filter(c -> c.enrolledOn().getYear() >= 2019).toList();
        assertThat(children).hasSize(22 + 20 + 19);
        long teens = children.stream().filter(c -> {
            int age = Period.between(c.birthDate(), c.enrolledOn()).getYears();
            return age >= 15 && age <= 17;
        }).count();
        assertThat((double) teens / children.size()).isBetween(0.50, 0.56);
        assertThat(closed.parents().stream().filter(p -> closed.children().stream().anyMatch(c -> c.familyCaseId() == p.familyCaseId()
                && c.enrolledOn().getYear() == 2019)).count()).isBetween(22L, 23L);
        // progress (FamilyProgressDemoData): 37.5 % of the first cohort's parents with a status in ordinary employment
        Set<Long> cases2019 = children.stream().filter(c -> c.enrolledOn().getYear() == 2019).map(FamilyProgramme.Child::familyCaseId)
                .collect(java.util.stream.Collectors.toSet());
        List<FamilyProgramme.Parent> withStatus = closed.parents().stream()
                .filter(p -> cases2019.contains(p.familyCaseId()) && p.employmentStatus() != null).toList();
        assertThat(withStatus).hasSizeGreaterThanOrEqualTo(20);
        assertThat((double) withStatus.stream().filter(p -> p.employmentStatus().equals(FamilyProgramme.ORDINARY_EMPLOYMENT)).count()
                / withStatus.size()).isCloseTo(0.375, org.assertj.core.data.Offset.offset(0.05));
        assertThat(closed.progress()).anySatisfy(change -> {
            assertThat(change.scale()).isEqualTo("WELLBEING");
            assertThat(change.children()).isGreaterThanOrEqualTo(20);
            assertThat(change.meanChange()).isPositive();
        });

        assertThat(chargedBefore(children, 2019)).isEqualTo(9);   // 9 of 22 = 41 %
        assertThat(chargedBefore(children, 2023)).isEqualTo(3);   // 3 of 19 = 16 %

        assertThat(jdbc.sql("select distinct phase from cw_family_case where team_id = ? and end_date is null").param(team).query(String.class).list())
                .containsExactlyInAnyOrder("OPSPORING", "UDREDNING", "INDSATS");
        assertThat(jdbc.sql("""
                select count(*) from cw_family_case c join org_user a on a.id = c.coordinator_1 join org_user b on b.id = c.coordinator_2
                 where c.team_id = ? and a.department_code = b.department_code""").param(team).query(Long.class).single()).isZero();

        // FamilyWorkDemoData: every open case in Indsats has a completed assessment, an agreed plan with a review and a
        // screening of each child from 12; every case in Udredning a draft assessment
        long acting = open(team, "INDSATS");
        assertThat(acting).isPositive();
        assertThat(jdbc.sql("""
                select count(*) from cw_family_case c join cw_family_assessment a on a.family_case_id = c.id
                 where c.team_id = ? and c.end_date is null and c.phase = 'INDSATS' and a.status = 'COMPLETED'
                   and exists (select 1 from cw_family_journal_summary s where s.family_case_id = c.id and s.department = 'BIF')
                   and exists (select 1 from cw_family_measure m where m.family_case_id = c.id)
                   and exists (select 1 from cw_family_plan_version v where v.family_case_id = c.id and v.agreed_on is not null)
                   and exists (select 1 from cw_family_plan_review r where r.family_case_id = c.id)""").param(team).query(Long.class).single())
                .isEqualTo(acting);
        assertThat(jdbc.sql("""
                select count(*) from cw_family_case c join cw_family_assessment a on a.family_case_id = c.id
                 where c.team_id = ? and c.end_date is null and c.phase = 'UDREDNING' and a.status = 'DRAFT'""").param(team)
                .query(Long.class).single()).isEqualTo(open(team, "UDREDNING"));
        assertThat(jdbc.sql("""
                select distinct s.instrument_code from cw_family_screening s join cw_family_case c on c.id = s.family_case_id
                 where c.team_id = ?""").param(team).query(String.class).list()).contains("YLS_CMI");


        // FamilyReview115DemoData: a §115 meeting every month for the last twelve months, 3-6 persons each, every decision kind
        assertThat(jdbc.sql("""
                select count(distinct date_trunc('month', meeting_date)) from cw_review115_meeting where team_id = ? and meeting_date >= ?""")
                .params(team, today.minusMonths(12).withDayOfMonth(1)).query(Long.class).single()).isGreaterThanOrEqualTo(12L);
        assertThat(jdbc.sql("""
                select count(*) from cw_review115_meeting m where m.team_id = ?
                   and (select count(*) from cw_review115_person p where p.meeting_id = m.id) not between 3 and 6""").param(team)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select distinct d.outcome from cw_review115_decision d join cw_review115_person p on p.id = d.review_person_id
                  join cw_review115_meeting m on m.id = p.meeting_id where m.team_id = ?""").param(team).query(String.class).list())
                .containsExactlyInAnyOrder(java.util.Arrays.stream(dk.vendepunkt.casework.domain.Review115Outcome.values()).map(Enum::name)
                        .toArray(String[]::new));
        // the referrals named children whose family already has an open case: no second case
        assertThat(jdbc.sql("select count(*) from cw_family_case where team_id = ? and end_date is null group by family_id having count(*) > 1")
                .param(team).query(Long.class).list()).isEmpty();
    }

    private long open(long team, String phase) {
        return jdbc.sql("select count(*) from cw_family_case where team_id = ? and end_date is null and phase = ?").params(team, phase)
                .query(Long.class).single();
    }

    private long chargedBefore(List<FamilyProgramme.Child> children, int year) {
        return children.stream().filter(c -> c.enrolledOn().getYear() == year).filter(c -> jdbc.sql("""
                select exists(select 1 from out_register_event e join out_person p on p.id = e.person
                               where p.person_id = ? and e.event_date < ?)""").params(c.personId(), c.enrolledOn())
                .query(Boolean.class).single()).count();
    }
}
