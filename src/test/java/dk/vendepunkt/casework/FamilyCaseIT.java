package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.audit.AuditedAccessDenied;
import dk.vendepunkt.casework.internal.FamilyCaseService;
import dk.vendepunkt.casework.internal.FamilyConsentService;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Relation;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.SignedIn;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The family case's spine: a family with members, a case opened by a core team, a coordinator pair from two
 * departments, the children's forløb starting in Udredning and closing with the case; a caseworker outside the team
 * is refused and audited.
 */
@IntegrationTest
class FamilyCaseIT {

    @Autowired TestStaff staff;
    @Autowired StaffAdministration admin;
    @Autowired Families families;
    @Autowired PersonDirectory people;
    @Autowired FamilyCaseService cases;
    @Autowired FamilyConsentService consents;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    private long person(String first, LocalDate birth, long team) {
        String cpr = TestStaff.uniqueCpr(birth);
        return people.registerSystem(CprNumber.parse(cpr).orElseThrow(), first, "Familiesen", null, team);
    }

    @Test
    void aCoreTeamOpensACaseSetsAPairAndTheChildrensForlobFollowTheCase() {
        LocalDate today = LocalDate.now(clock);
        long team = staff.team("kerneteam");
        TestStaff.User buf = staff.user(Role.CASEWORKER, Set.of(StaffFunction.CORE_TEAM_MEMBER), team);
        TestStaff.User bif = staff.user(Role.CASEWORKER, Set.of(StaffFunction.CORE_TEAM_MEMBER), team);
        TestStaff.User alsoBuf = staff.user(Role.CASEWORKER, Set.of(StaffFunction.CORE_TEAM_MEMBER), team);
        admin.setDepartment(buf.id(), "BUF");
        admin.setDepartment(bif.id(), "BIF");
        admin.setDepartment(alsoBuf.id(), "BUF");

        long family = families.createSystem(new Families.NewFamily("Familien Testesen", "VESTERBRO"), "test");
        long mother = person("Mor", today.minusYears(40), team);
        long child = person("Barn", today.minusYears(15), team);
        long toddler = person("Lille", today.minusYears(3), team);
        families.addMemberSystem(family, mother, Relation.MOTHER, today.minusYears(15), "test");
        families.addMemberSystem(family, child, Relation.CHILD, today.minusYears(15), "test");
        families.addMemberSystem(family, toddler, Relation.CHILD, today.minusYears(3), "test");
        families.setParentalAuthoritySystem(family, mother, child, true, "test");
        assertThat(families.find(family).orElseThrow().hasAuthority(mother, child)).isTrue();
        assertThatThrownBy(() -> families.setParentalAuthoritySystem(family, child, toddler, true, "test"))
                .isInstanceOf(ValidationException.class);

        SignedIn.as(buf, Role.CASEWORKER);
        long id = cases.open(new FamilyCaseService.Opening(family, team, "REVIEW_115", "Storebror sigtet, barnet har højt fravær",
                today.minusDays(60), List.of("GANG_RELATION", "RISK_BEHAVIOUR")));
        var view = cases.read(id);
        assertThat(view.phase()).isEqualTo("OPSPORING");
        assertThat(view.criteria()).containsExactly("GANG_RELATION", "RISK_BEHAVIOUR");

        assertThatThrownBy(() -> cases.assignPair(id, buf.id(), alsoBuf.id(), view.version()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().getFirst().code()).isEqualTo("family.pair.sameDepartment"));
        var paired = cases.assignPair(id, buf.id(), bif.id(), view.version());
        assertThat(paired.coordinator2()).isEqualTo(bif.id());

        // the Udredning gate: the mother, with parental authority, consented for the child who gets a forløb (ADR 0024)
        consents.record(id, new FamilyConsentService.NewFamilyConsent(child, "GUARDIAN", mother, today.minusDays(31), null, null, null));
        var inAssessment = cases.changePhase(id, "UDREDNING", "Samtykke givet", today.minusDays(30), paired.version());
        assertThat(inAssessment.children()).extracting(FamilyCaseService.ChildForlob::personId).containsExactly(child);
        long enrolment = inAssessment.children().getFirst().enrolmentId();
        assertThat(jdbc.sql("select programme || ' ' || phase from cw_enrolment where id = ?").param(enrolment).query(String.class).single())
                .isEqualTo("FAMILY UDREDNING");

        var acting = cases.changePhase(id, "INDSATS", "Familiehandleplan aftalt", today.minusDays(20), inAssessment.version());
        assertThat(jdbc.sql("select phase from cw_enrolment where id = ?").param(enrolment).query(String.class).single()).isEqualTo("INDSATS");
        cases.close(id, "COMPLETED", today.minusDays(1), "Målene i familiehandleplanen er nået", acting.version());
        assertThat(jdbc.sql("select end_date from cw_enrolment where id = ?").param(enrolment).query(LocalDate.class).single())
                .isEqualTo(today.minusDays(1));
        assertThat(jdbc.sql("select count(*) from cw_follow_up where enrolment_id = ?").param(enrolment).query(Long.class).single()).isEqualTo(3);

        TestStaff.User outsider = staff.user(Role.CASEWORKER, staff.team("andet-team"));
        SignedIn.as(outsider, Role.CASEWORKER);
        assertThatThrownBy(() -> cases.read(id)).isInstanceOf(AuditedAccessDenied.class);
        assertThat(jdbc.sql("select count(*) from aud_event where action = 'DENIED' and actor = ? and subject like 'familiesag %'")
                .param(outsider.username()).query(Long.class).single()).isEqualTo(1);
    }
}
