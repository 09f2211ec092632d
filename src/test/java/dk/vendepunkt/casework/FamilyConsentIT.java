package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.casework.internal.FamilyCaseService;
import dk.vendepunkt.casework.internal.FamilyConsentService;
import dk.vendepunkt.casework.internal.FamilyConsentService.NewFamilyConsent;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.SignedIn;
import dk.vendepunkt.support.TestClock;
import dk.vendepunkt.support.TestFamilies;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Consent to take part in a family case (issue 13 part 3, ADR 0024): the giver rules with the family's recorded parental
 * authority, an adult's refusal of the parents' involvement, the Udredning gate, and a withdrawal's task on the child's
 * forløb.
 */
@IntegrationTest
class FamilyConsentIT {

    @Autowired TestFamilies testFamilies;
    @Autowired FamilyConsentService consents;
    @Autowired FamilyCaseService cases;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    private static String code(ValidationException e) {
        return e.problems().getFirst().field() + " " + e.problems().getFirst().code();
    }

    @Test
    void theGiverRulesUseTheFamilysRecordedParentalAuthority() {
        var c = testFamilies.open("consent-rules");
        LocalDate today = LocalDate.now(clock);
        // the father has no recorded authority over the 12-year-old
        assertThatThrownBy(() -> consents.record(c.id(), new NewFamilyConsent(c.child12(), "GUARDIAN", c.father(), today, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(code(e)).isEqualTo("guardianId familyconsent.guardian.noAuthority"));
        // nor can the 12-year-old consent alone
        assertThatThrownBy(() -> consents.record(c.id(), new NewFamilyConsent(c.child12(), "PERSON", null, today, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(code(e)).isEqualTo("givenBy familyconsent.givenBy.child"));
        long forBo = consents.record(c.id(), new NewFamilyConsent(c.child12(), "GUARDIAN", c.mother(), today, null, null, null));
        // the 15-year-old's own consent is accepted
        long forIda = consents.record(c.id(), new NewFamilyConsent(c.young15(), "PERSON", null, today, null, null, null));
        // the mother, with no authority over an adult, cannot consent for the 19-year-old
        assertThatThrownBy(() -> consents.record(c.id(), new NewFamilyConsent(c.adult19(), "GUARDIAN", c.mother(), today, null, null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(code(e)).isEqualTo("givenBy familyconsent.givenBy.adult"));

        var overview = consents.read(c.id());
        var bo = overview.members().stream().filter(m -> m.personId() == c.child12()).findFirst().orElseThrow();
        assertThat(bo.current().id()).isEqualTo(forBo);
        assertThat(bo.current().givenBy()).isEqualTo("GUARDIAN");
        assertThat(bo.current().guardianName()).contains("Mette");
        assertThat(bo.current().recipients()).as("the core team by default").isEqualTo(overview.part().team());
        assertThat(jdbc.sql("select purpose || '|' || reference from ppl_consent where id = ?").param(forIda).query(String.class).single())
                .isEqualTo(FamilyConsentService.PURPOSE + "|cw_family_case:" + c.id());
        // the demo data's system variant keeps the same rules
        SignedIn.clear();
        assertThatThrownBy(() -> consents.recordSystem(c.id(), new NewFamilyConsent(c.child12(), "GUARDIAN", c.father(), today, null, null, null), "demo"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(code(e)).isEqualTo("guardianId familyconsent.guardian.noAuthority"));
        long adam = consents.recordSystem(c.id(), new NewFamilyConsent(c.adult19(), "PERSON", null, today, null, null, null), "demo");
        assertThat(jdbc.sql("select created_by || '|' || reference from ppl_consent where id = ?").param(adam).query(String.class).single())
                .isEqualTo("demo|cw_family_case:" + c.id());
    }

    @Test
    void anAdultMemberMayRefuseTheParentsInvolvementAndAMinorMayNot() {
        var c = testFamilies.open("consent-refusal");
        assertThatThrownBy(() -> consents.refuseParents(c.id(), new FamilyConsentService.NewRefusal(c.young15(), null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(code(e)).isEqualTo("personId familyconsent.refusal.notAdult"));
        consents.refuseParents(c.id(), new FamilyConsentService.NewRefusal(c.adult19(), null, "Vil ikke have forældrene med"));
        assertThat(consents.parentsNotInvolved(c.id())).containsExactly(c.adult19());
        var overview = consents.read(c.id());
        assertThat(overview.parentsNotInvolvedAbout()).containsExactly("Adam " + c.surname());
        assertThat(jdbc.sql("select count(*) from aud_event where person_id = ? and subject like ?")
                .params(c.adult19(), "familiesag " + c.id() + ": forældrenes inddragelse frabedt").query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> consents.refuseParents(c.id(), new FamilyConsentService.NewRefusal(c.adult19(), null, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(code(e)).isEqualTo("personId familyconsent.refusal.exists"));
    }

    @Test
    void theCaseEntersUdredningOnlyWithAConsentForEveryChildAndAWithdrawalGivesTheForlobATask() {
        var c = testFamilies.open("consent-gate");
        LocalDate today = LocalDate.now(clock);
        consents.record(c.id(), new NewFamilyConsent(c.child12(), "GUARDIAN", c.mother(), today.minusDays(10), null, null, null));
        long forIda = consents.record(c.id(), new NewFamilyConsent(c.young15(), "PERSON", null, today.minusDays(10), null, null, null));
        int version = cases.read(c.id()).version();
        assertThatThrownBy(() -> cases.changePhase(c.id(), "UDREDNING", "Samtykke givet", today.minusDays(5), version))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(code(e)).isEqualTo("toPhase familyconsent.udredning.missing");
                    assertThat(e.problems().getFirst().args()).containsExactly("Adam " + c.surname());
                });
        assertThat(cases.read(c.id()).phase()).isEqualTo("OPSPORING");
        // a consent given after the day of the change does not count
        consents.record(c.id(), new NewFamilyConsent(c.adult19(), "PERSON", null, today, null, null, null));
        assertThatThrownBy(() -> cases.changePhase(c.id(), "UDREDNING", "Samtykke givet", today.minusDays(5), version))
                .isInstanceOf(ValidationException.class);
        var view = cases.changePhase(c.id(), "UDREDNING", "Samtykke givet", today, version);
        assertThat(view.children()).extracting(FamilyCaseService.ChildForlob::personId)
                .containsExactlyInAnyOrder(c.child12(), c.young15(), c.adult19());

        consents.withdraw(c.id(), forIda, today);
        long enrolment = view.children().stream().filter(ch -> ch.personId() == c.young15()).findFirst().orElseThrow().enrolmentId();
        assertThat(jdbc.sql("select due_date from cw_case_task where enrolment_id = ? and consent_id = ? and kind = 'CONSENT_WITHDRAWN'")
                .params(enrolment, forIda).query(LocalDate.class).single()).isEqualTo(today.plusDays(14));
        var ida = consents.read(c.id()).members().stream().filter(m -> m.personId() == c.young15()).findFirst().orElseThrow();
        assertThat(ida.current()).isNull();
        assertThat(ida.consents()).extracting(r -> r.withdrawnOn()).containsExactly(today);
    }
}
