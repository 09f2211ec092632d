package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** One test per rule of the §115 review. */
class Review115PolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void aMeetingHasADate() {
        assertThat(Review115Policy.meetingDateRequired(null)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("review115.meetingDate.required"));
        assertThat(Review115Policy.meetingDateRequired(TODAY)).isEmpty();
    }

    @Test
    void aMeetingIsRecordedWhenHeldNotAhead() {
        assertThat(Review115Policy.meetingNotInTheFuture(TODAY.plusDays(1), TODAY)).hasValueSatisfying(p -> assertThat(p.field()).isEqualTo("meetingDate"));
        assertThat(Review115Policy.meetingNotInTheFuture(TODAY, TODAY)).isEmpty();
    }

    @Test
    void theLegalBasisIsAKnownBasisOtherThanConsent() {
        assertThat(Review115Policy.legalBasisKnownAndNotConsent(false, false)).isPresent();
        assertThat(Review115Policy.legalBasisKnownAndNotConsent(true, true)).isPresent();
        assertThat(Review115Policy.legalBasisKnownAndNotConsent(true, false)).isEmpty();
    }

    @Test
    void thePoliceTakePartByNameAndUnit() {
        assertThat(Review115Policy.policeParticipantRequired("Kim Berg", " ")).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("review115.police.required"));
        assertThat(Review115Policy.policeParticipantRequired(null, "Forebyggelse")).isPresent();
        assertThat(Review115Policy.policeParticipantRequired("Kim Berg", "Forebyggelse")).isEmpty();
    }

    @Test
    void theMunicipalityTakesPart() {
        assertThat(Review115Policy.staffParticipantRequired(0)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("review115.staff.required"));
        assertThat(Review115Policy.staffParticipantRequired(1)).isEmpty();
    }

    @Test
    void aPersonIsDiscussedOncePerMeeting() {
        assertThat(Review115Policy.discussedOncePerMeeting(true)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("review115.person.duplicate"));
        assertThat(Review115Policy.discussedOncePerMeeting(false)).isEmpty();
    }

    @Test
    void theNoteIsALineNotANarrative() {
        assertThat(Review115Policy.noteIsShort("x".repeat(Review115Policy.SHORT_TEXT + 1)))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("text.tooLong"));
        assertThat(Review115Policy.noteIsShort("x".repeat(Review115Policy.SHORT_TEXT))).isEmpty();
        assertThat(Review115Policy.noteIsShort(null)).isEmpty();
    }

    @Test
    void aDecisionNamesAnOutcome() {
        assertThat(Review115Policy.outcomeRequired(null)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("review115.outcome.required"));
        assertThat(Review115Policy.outcomeRequired(Review115Outcome.NO_ACTION)).isEmpty();
    }

    @Test
    void aDecisionSaysWhy() {
        assertThat(Review115Policy.reasonRequired(" ")).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("review115.reason.required"));
        assertThat(Review115Policy.reasonRequired("Ingen bekymring ud over anmeldelsen")).isEmpty();
    }

    @Test
    void theReasonIsShort() {
        assertThat(Review115Policy.reasonIsShort("x".repeat(Review115Policy.SHORT_TEXT + 1))).hasValueSatisfying(p -> assertThat(p.field()).isEqualTo("reason"));
        assertThat(Review115Policy.reasonIsShort("kort")).isEmpty();
    }

    @Test
    void aRecordedDecisionIsNotRecordedOver() {
        assertThat(Review115Policy.decidedOnce(true)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("review115.decision.recorded"));
        assertThat(Review115Policy.decidedOnce(false)).isEmpty();
    }

    @Test
    void onlyARecordedDecisionIsAmended() {
        assertThat(Review115Policy.amendOnlyWhatIsRecorded(false)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("review115.amendment.nothing"));
        assertThat(Review115Policy.amendOnlyWhatIsRecorded(true)).isEmpty();
    }

    @Test
    void onlyTheDecisionInForceIsAmended() {
        assertThat(Review115Policy.amendTheDecisionInForce(7, 8)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("review115.amendment.notInForce"));
        assertThat(Review115Policy.amendTheDecisionInForce(8, 8)).isEmpty();
    }

    @Test
    void anAmendmentSaysWhy() {
        assertThat(Review115Policy.amendmentNeedsReason("")).hasValueSatisfying(p -> assertThat(p.field()).isEqualTo("amendmentReason"));
        assertThat(Review115Policy.amendmentNeedsReason("Forkert person valgt")).isEmpty();
    }

    @Test
    void theAmendmentReasonIsShort() {
        assertThat(Review115Policy.amendmentReasonIsShort("x".repeat(Review115Policy.SHORT_TEXT + 1))).isPresent();
        assertThat(Review115Policy.amendmentReasonIsShort("Ny viden")).isEmpty();
    }
}
