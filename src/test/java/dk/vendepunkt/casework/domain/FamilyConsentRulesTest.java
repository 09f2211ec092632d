package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.casework.domain.FamilyConsentRules.ChildConsent;
import dk.vendepunkt.casework.domain.FamilyConsentRules.Giver;
import dk.vendepunkt.casework.domain.FamilyConsentRules.Giving;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The family model's consent rules (ADR 0024), one test per rule. */
class FamilyConsentRulesTest {

    @Test
    void aGuardianWithoutParentalAuthorityCannotConsentForATwelveYearOld() {
        List<FieldProblem> p = FamilyConsentRules.giver(new Giving("Bo", 12, Giver.GUARDIAN, "Frank", false));
        assertThat(p).extracting(FieldProblem::field, FieldProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("guardianId", "familyconsent.guardian.noAuthority"));
        assertThat(p.getFirst().args()).containsExactly("Frank", "Bo");
    }

    @Test
    void aGuardianWithParentalAuthorityConsentsForATwelveYearOld() {
        assertThat(FamilyConsentRules.giver(new Giving("Bo", 12, Giver.GUARDIAN, "Mette", true))).isEmpty();
    }

    @Test
    void aTwelveYearOldCannotConsentAlone() {
        assertThat(FamilyConsentRules.underFifteenOnlyByGuardian(new Giving("Bo", 12, Giver.PERSON, null, false)))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("familyconsent.givenBy.child"));
    }

    @Test
    void aFifteenYearOldsOwnConsentIsAccepted() {
        assertThat(FamilyConsentRules.giver(new Giving("Ida", 15, Giver.PERSON, null, false))).isEmpty();
    }

    @Test
    void anEighteenYearOldsGuardianCannotConsentEvenWithAuthority() {
        assertThat(FamilyConsentRules.adultOnlyOwn(new Giving("Adam", 18, Giver.GUARDIAN, "Mette", true)))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("familyconsent.givenBy.adult"));
        assertThat(FamilyConsentRules.giver(new Giving("Adam", 18, Giver.PERSON, null, false))).isEmpty();
    }

    @Test
    void aGuardianMustBeNamed() {
        assertThat(FamilyConsentRules.guardianNamed(new Giving("Bo", 12, Giver.GUARDIAN, null, false))).isPresent();
        assertThat(FamilyConsentRules.giverRequired(new Giving("Bo", 12, null, null, false))).isPresent();
    }

    @Test
    void onlyAMemberOfEighteenOrMoreMayRefuseTheParentsInvolvement() {
        assertThat(FamilyConsentRules.refusalOnlyByAdult("Ida", 17))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("familyconsent.refusal.notAdult"));
        assertThat(FamilyConsentRules.refusalOnlyByAdult("Adam", 18)).isEmpty();
    }

    @Test
    void udredningNeedsAConsentForEveryChildAndNamesThoseWithout() {
        assertThat(FamilyConsentRules.consentForEveryChild(List.of(new ChildConsent("Bo", true), new ChildConsent("Ida", true)))).isEmpty();
        assertThat(FamilyConsentRules.consentForEveryChild(List.of(new ChildConsent("Bo", false), new ChildConsent("Ida", true),
                new ChildConsent("Adam", false))))
                .hasValueSatisfying(p -> {
                    assertThat(p.field()).isEqualTo("toPhase");
                    assertThat(p.args()).containsExactly("Bo, Adam");
                });
    }
}
