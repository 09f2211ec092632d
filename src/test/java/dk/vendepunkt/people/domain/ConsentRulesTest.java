package dk.vendepunkt.people.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.people.ConsentGiver;
import dk.vendepunkt.people.domain.ConsentRules.ConsentFacts;
import dk.vendepunkt.people.domain.ConsentRules.Refusal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each consent rule with its named scenarios (ADR 0011). */
class ConsentRulesTest {

    static final LocalDate GIVEN = LocalDate.of(2026, 3, 1);

    static LocalDate bornYearsBefore(int years, LocalDate on) {
        return on.minusYears(years);
    }

    static String code(Optional<Refusal> r) {
        return r.map(Refusal::code).orElse(null);
    }

    @Test
    void underFifteenOnlyAGuardianWithParentalAuthority() {
        LocalDate birth = bornYearsBefore(14, GIVEN).plusDays(1); // 13 on the day
        assertThat(code(ConsentRules.giver(birth, GIVEN, ConsentGiver.PERSON, null, null))).isEqualTo("consent.givenBy.child");
        assertThat(code(ConsentRules.giver(birth, GIVEN, ConsentGiver.GUARDIAN, "Far", false))).isEqualTo("consent.givenBy.noCustody");
        assertThat(ConsentRules.giver(birth, GIVEN, ConsentGiver.GUARDIAN, "Mor", true)).isEmpty();
    }

    @Test
    void fifteenToSeventeenTheYoungPersonOrAGuardianWithParentalAuthority() {
        LocalDate fifteenToday = bornYearsBefore(15, GIVEN);
        assertThat(ConsentRules.giver(fifteenToday, GIVEN, ConsentGiver.PERSON, null, null)).as("15 on the day").isEmpty();
        assertThat(ConsentRules.giver(fifteenToday.plusDays(1), GIVEN, ConsentGiver.PERSON, null, null)).as("14, 15 tomorrow")
                .map(Refusal::code).contains("consent.givenBy.child");
        LocalDate seventeen = bornYearsBefore(17, GIVEN);
        assertThat(ConsentRules.giver(seventeen, GIVEN, ConsentGiver.GUARDIAN, "Mor", true)).isEmpty();
        assertThat(code(ConsentRules.giver(seventeen, GIVEN, ConsentGiver.GUARDIAN, "Onkel", false))).isEqualTo("consent.givenBy.noCustody");
    }

    @Test
    void fromEighteenOnlyThePersonThemself() {
        LocalDate eighteenToday = bornYearsBefore(18, GIVEN);
        assertThat(ConsentRules.giver(eighteenToday, GIVEN, ConsentGiver.PERSON, null, null)).isEmpty();
        assertThat(code(ConsentRules.giver(eighteenToday, GIVEN, ConsentGiver.GUARDIAN, "Mor", true))).isEqualTo("consent.givenBy.adult");
        // the age on the day the consent was given counts, not today's
        assertThat(ConsentRules.giver(eighteenToday.plusDays(1), GIVEN, ConsentGiver.GUARDIAN, "Mor", true)).as("17 on the day").isEmpty();
    }

    @Test
    void aConsentWhoseGiverIsNotRecordedCarriesNothing() {
        assertThat(code(ConsentRules.giver(bornYearsBefore(30, GIVEN), GIVEN, null, null, null))).isEqualTo("consent.givenBy.unknown");
    }

    static ConsentFacts consent(LocalDate expires, LocalDate withdrawn, String recipients) {
        return new ConsentFacts(true, "Samarbejde med skolen", GIVEN, expires, withdrawn, ConsentGiver.PERSON, null, null, recipients,
                bornYearsBefore(20, GIVEN));
    }

    @Test
    void aConsentInForceThatNamesTheRecipientCarriesTheDisclosure() {
        assertThat(ConsentRules.carriesDisclosure(consent(GIVEN.plusYears(1), null, "Skolen;\nKøbenhavns Politi"), " københavns politi ",
                GIVEN.plusDays(10))).isEmpty();
        assertThat(ConsentRules.carriesDisclosure(consent(GIVEN.plusDays(10), null, "Skolen"), "Skolen", GIVEN.plusDays(10)))
                .as("on the day it expires").isEmpty();
    }

    @Test
    void aWithdrawnConsentCarriesNothingFromTheDayOfWithdrawal() {
        ConsentFacts c = consent(null, GIVEN.plusDays(5), "Skolen");
        assertThat(code(ConsentRules.carriesDisclosure(c, "Skolen", GIVEN.plusDays(5)))).isEqualTo("disclosure.consent.withdrawn");
        assertThat(ConsentRules.carriesDisclosure(c, "Skolen", GIVEN.plusDays(4))).as("a hand-over before the withdrawal").isEmpty();
    }

    @Test
    void anExpiredConsentCarriesNothing() {
        assertThat(code(ConsentRules.carriesDisclosure(consent(GIVEN.plusDays(10), null, "Skolen"), "Skolen", GIVEN.plusDays(11))))
                .isEqualTo("disclosure.consent.expired");
    }

    @Test
    void aConsentForAnotherPurposeCarriesNothing() {
        assertThat(code(ConsentRules.carriesDisclosure(consent(null, null, "Skolen"), "Jobcentret", GIVEN.plusDays(1))))
                .isEqualTo("disclosure.consent.wrongPurpose");
        assertThat(code(ConsentRules.carriesDisclosure(consent(null, null, null), "Skolen", GIVEN.plusDays(1))))
                .as("a consent that names no recipient (e.g. to a referral)").isEqualTo("disclosure.consent.wrongPurpose");
        ConsentFacts basis = new ConsentFacts(false, "§115-møde", GIVEN, null, null, null, null, null, "Skolen", bornYearsBefore(20, GIVEN));
        assertThat(code(ConsentRules.carriesDisclosure(basis, "Skolen", GIVEN))).isEqualTo("disclosure.consent.notConsent");
        assertThat(code(ConsentRules.carriesDisclosure(consent(null, null, "Skolen"), "Skolen", GIVEN.minusDays(1))))
                .isEqualTo("disclosure.consent.notYetGiven");
    }

    @Test
    void aChildsConsentGivenWithoutParentalAuthorityCarriesNothing() {
        ConsentFacts c = new ConsentFacts(true, "Samarbejde med skolen", GIVEN, null, null, ConsentGiver.GUARDIAN, "Onkel", false, "Skolen",
                bornYearsBefore(12, GIVEN));
        assertThat(code(ConsentRules.carriesDisclosure(c, "Skolen", GIVEN))).isEqualTo("consent.givenBy.noCustody");
    }
}
