package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReferralTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    static final Referral RECEIVED = new Referral(1, ProgrammeTest.exit(25), ReferralStatus.RECEIVED, TODAY.minusDays(5));
    static final Coordinator EXIT_EXPERT = new Coordinator(8, true);

    @Test
    void acceptingGivesTheCoordinatorAndStart() {
        Referral.Screened s = RECEIVED.screen("ACCEPT", true, null, 8L, EXIT_EXPERT, null, 0, 19, TODAY).orThrow().result();
        assertThat(s.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(s.coordinator()).isEqualTo(EXIT_EXPERT);
        assertThat(s.startDate()).isEqualTo(TODAY);
        assertThat(s.eligibility()).isEqualTo(Eligibility.ELIGIBLE);
    }

    @Test
    void theWaitingListNeedsNeitherCoordinatorNorEligibleAge() {
        Referral.Screened s = RECEIVED.screen("WAITING_LIST", false, " ", 8L, EXIT_EXPERT, null, 0, 30, TODAY).orThrow().result();
        assertThat(s.status()).isEqualTo(ReferralStatus.WAITING);
        assertThat(s.eligibility()).isEqualTo(Eligibility.TOO_OLD);
        assertThat(s.coordinator()).isNull();
        assertThat(s.decisionReason()).isNull();
    }

    @Test
    void anAcceptanceReportsEveryProblemInOrder() {
        Decision<Referral.Screened> d = RECEIVED.screen("ACCEPT", true, null, 7L, new Coordinator(7, false), TODAY.minusDays(6), null, 16, TODAY);
        assertThat(((Decision.Rejected<Referral.Screened>) d).problems()).extracting(FieldProblem::code).containsExactly(
                "common.version.required", "screening.notEligible.TOO_YOUNG", "screening.coordinator.exitExpert",
                "screening.startDate.beforeReferral");
    }

    @Test
    void aDecidedReferralIsNotScreenedAgain() {
        Referral accepted = new Referral(1, ProgrammeTest.exit(25), ReferralStatus.REJECTED, TODAY);
        Decision<Referral.Screened> d = accepted.screen("REJECT", false, "Nej", null, null, null, 1, 19, TODAY);
        assertThat(((Decision.Rejected<Referral.Screened>) d).problems()).extracting(FieldProblem::code).containsExactly("screening.alreadyDecided");
    }
}
