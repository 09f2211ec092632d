package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScreeningPolicyTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    static final Coordinator CASEWORKER = new Coordinator(7, false);
    static final Coordinator EXIT_EXPERT = new Coordinator(8, true);

    @Test
    void aReferralIsScreenedOnceButTheWaitingListAgain() {
        assertThat(ScreeningPolicy.onlyAnOpenReferralIsScreened(ReferralStatus.ACCEPTED))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("screening.alreadyDecided"));
        assertThat(ScreeningPolicy.onlyAnOpenReferralIsScreened(ReferralStatus.WAITING)).isEmpty();
    }

    @Test
    void aScreeningDecides() {
        assertThat(ScreeningPolicy.decisionRequired(null)).isPresent();
        assertThat(ScreeningPolicy.decisionRequired(ScreeningDecision.WAITING_LIST)).isEmpty();
    }

    @Test
    void aScreeningSaysWhetherTheCrimeIsGangRelated() {
        assertThat(ScreeningPolicy.gangRelatedRequired(null)).isPresent();
        assertThat(ScreeningPolicy.gangRelatedRequired(false)).isEmpty();
    }

    @Test
    void onlyAnEligibleAgeIsAccepted() {
        assertThat(ScreeningPolicy.acceptOnlyEligible(Eligibility.TOO_YOUNG, 16)).hasValueSatisfying(p -> {
            assertThat(p.code()).isEqualTo("screening.notEligible.TOO_YOUNG");
            assertThat(p.args()).containsExactly(16);
        });
        assertThat(ScreeningPolicy.acceptOnlyEligible(Eligibility.ELIGIBLE, 19)).isEmpty();
    }

    @Test
    void acceptingNeedsACoordinator() {
        assertThat(ScreeningPolicy.acceptNeedsCoordinator(null, null))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("screening.coordinator.required"));
        assertThat(ScreeningPolicy.acceptNeedsCoordinator(7L, CASEWORKER)).isEmpty();
    }

    @Test
    void aCoordinatorIsOneWhoMayCoordinate() {
        assertThat(ScreeningPolicy.mayCoordinate(9L, null)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("screening.coordinator.invalid"));
        assertThat(ScreeningPolicy.mayCoordinate(null, null)).isEmpty();
    }

    @Test
    void aGangRelatedCaseIsCoordinatedByAnExitExpert() {
        assertThat(ScreeningPolicy.gangRelatedNeedsExitExpert(true, CASEWORKER))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("screening.coordinator.exitExpert"));
        assertThat(ScreeningPolicy.gangRelatedNeedsExitExpert(true, EXIT_EXPERT)).isEmpty();
        assertThat(ScreeningPolicy.gangRelatedNeedsExitExpert(false, CASEWORKER)).isEmpty();
    }

    @Test
    void theForlobStartsNotBeforeTheReferral() {
        assertThat(ScreeningPolicy.startNotBeforeReferral(TODAY.minusDays(1), TODAY)).isPresent();
        assertThat(ScreeningPolicy.startNotBeforeReferral(TODAY, TODAY)).isEmpty();
    }

    @Test
    void theForlobStartsNotInTheFuture() {
        assertThat(ScreeningPolicy.startNotInTheFuture(TODAY.plusDays(1), TODAY)).isPresent();
        assertThat(ScreeningPolicy.startNotInTheFuture(TODAY, TODAY)).isEmpty();
    }

    @Test
    void aRejectionGivesAReason() {
        assertThat(ScreeningPolicy.rejectNeedsReason(ScreeningDecision.REJECT, " "))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("screening.reason.required"));
        assertThat(ScreeningPolicy.rejectNeedsReason(ScreeningDecision.WAITING_LIST, null)).isEmpty();
    }

    @Test
    void capacityReachedIsAWarningOnlyWhenThereIsACapacity() {
        assertThat(ScreeningPolicy.capacityReached(55, 55)).isTrue();
        assertThat(ScreeningPolicy.capacityReached(54, 55)).isFalse();
        assertThat(ScreeningPolicy.capacityReached(500, null)).isFalse();
    }
}
