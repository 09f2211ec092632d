package dk.vendepunkt.casework.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.platform.DemoData;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.support.CaseworkEvents;
import dk.vendepunkt.support.IntegrationTest;
import java.time.LocalDate;
import dk.vendepunkt.organisation.Role;
import java.util.List;
import java.util.Set;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The casework demo data covers what the pages need: every phase, channel and closure reason, follow-ups in every state;
 * and the DPO's demo (disclosures on each kind of basis, consents with their giver, a withdrawn consent and its task).
 */
@IntegrationTest
class CaseworkDemoDataIT {

    @Autowired CaseworkDemoData demo;
    @Autowired PrivacyDemoData privacyDemo;
    @Autowired StaffAdministration admin;
    @Autowired StaffDirectory staff;
    @Autowired JdbcClient jdbc;
    @Autowired CaseworkEvents events;

    List<String> strings(String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void demoDataCoversEveryPhaseChannelReasonAndFollowUpState() {
        for (String name : List.of("Exit-teamet", "SSP+ Nord", "SSP+ Syd")) {
            if (staff.teams().stream().noneMatch(t -> t.name().equals(name))) admin.createTeam(name, "SOF", null);
        }
        // the demo caseworkers, as the organisation demo makes them (coordinators of the forløb; the privacy demo acts as them)
        long exitTeam = staff.teams().stream().filter(t -> t.name().equals("Exit-teamet")).findFirst().orElseThrow().id();
        long sspTeam = staff.teams().stream().filter(t -> t.name().equals("SSP+ Nord")).findFirst().orElseThrow().id();
        for (var u : List.of(new String[] {"exit", "Emil Exitkoordinator"}, new String[] {"ssp", "Sara SSP-konsulent"})) {
            if (staff.findByUsername(u[0]).isEmpty()) {
                admin.createUser(new StaffAdministration.NewUser(u[0], u[1], u[0] + "@demo.vendepunkt.invalid", "Demo-kodeord-" + u[0] + "-2026!",
                        Set.of(Role.CASEWORKER), Set.of(), Set.of(u[0].equals("exit") ? exitTeam : sspTeam)));
            }
        }
        LocalDate today = LocalDate.now(Zones.ZONE);
        RandomGenerator random = new Random(7);
        demo.load(new DemoData.DemoContext() {
            public RandomGenerator random() { return random; }
            public void login(String role, String username, String password) { }
            public LocalDate today() { return today; }
        });

        assertThat(count("select count(distinct person_id) from cw_referral where created_by = 'demo'")).isGreaterThanOrEqualTo(195);
        // the family demo's children's forløb (family_case_id) are the family demo's (FamilyDemoDataIT)
        String demo = " from cw_enrolment where created_by = 'demo' and family_case_id is null";
        assertThat(strings("select distinct phase" + demo + " and programme = 'EXIT' and end_date is null"))
                .containsExactlyInAnyOrder("IDENTIFICATION", "COORDINATION", "INCLUSION", "CLOSING");
        assertThat(strings("select distinct closure_reason" + demo + " and end_date is not null"))
                .containsExactlyInAnyOrder("COMPLETED", "DROPPED_OUT", "MOVED", "IMPRISONED", "TRANSFERRED", "DECEASED", "OTHER");
        assertThat(strings("select distinct channel from cw_referral where created_by = 'demo'")).hasSize(11);
        assertThat(strings("select distinct status from cw_referral where created_by = 'demo'"))
                .containsExactlyInAnyOrder("RECEIVED", "WAITING", "ACCEPTED", "REJECTED");
        assertThat(count("select min(extract(year from start_date))::bigint" + demo)).isEqualTo(2015);
        assertThat(strings("select distinct programme" + demo)).containsExactlyInAnyOrder("EXIT", "RAMMEMODEL", "SSP_PLUS");

        String followUps = " from cw_follow_up f join cw_enrolment e on e.id = f.enrolment_id where e.created_by = 'demo'";
        assertThat(count("select count(*)" + followUps + " and f.status is not null")).isPositive();
        assertThat(count("select count(*)" + followUps + " and f.status is null and f.due_date < current_date - 29")).isPositive();
        assertThat(count("select count(*)" + followUps + " and f.status is null and f.due_date between current_date - 29 and current_date + 30")).isPositive();
        // every closure published its event
        long closed = count("select count(*)" + demo + " and end_date is not null");
        long firstClosed = count("select min(id)" + demo + " and end_date is not null");
        assertThat(events.closed(firstClosed)).hasSize(1);
        assertThat(closed).isGreaterThan(100);

        // the DPO's demo: disclosures on consent (the consent's giver and recipients recorded), on §115 and on §49 b
        privacyDemo.load(new DemoData.DemoContext() {
            public RandomGenerator random() { return random; }
            public void login(String role, String username, String password) { }
            public LocalDate today() { return today; }
        });
        String disclosures = " from ppl_disclosure d where d.created_by in ('exit', 'ssp')";
        assertThat(strings("select distinct legal_basis" + disclosures)).containsExactlyInAnyOrder("CONSENT", "RPL_115", "SEL_49B");
        assertThat(count("select count(*)" + disclosures + " and legal_basis = 'CONSENT'")).isGreaterThanOrEqualTo(5);
        assertThat(count("""
                select count(*) from ppl_disclosure d join ppl_consent c on c.id = d.consent_id
                 where d.created_by in ('exit', 'ssp') and c.given_by = 'GUARDIAN' and c.guardian_custody and c.recipients is not null""")).isOne();
        assertThat(count("""
                select count(*) from ppl_disclosure d join ppl_consent c on c.id = d.consent_id
                 where d.created_by in ('exit', 'ssp') and c.given_by = 'PERSON' and c.recipients is not null""")).isGreaterThanOrEqualTo(5);
        // a withdrawn consent an ongoing forløb rests on, and the task it gave the forløb's owner
        assertThat(count("""
                select count(*) from cw_case_task t join cw_enrolment e on e.id = t.enrolment_id
                  join ppl_consent c on c.id = t.consent_id
                 where t.kind = 'CONSENT_WITHDRAWN' and t.resolution is null and e.created_by = 'demo' and e.end_date is null
                   and c.withdrawn_on is not null and c.given_by = 'PERSON'""")).isOne();
    }
}
