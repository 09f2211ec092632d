package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.casework.ReferredToCoreTeam;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The decision log: recorded once, amended only with a reason; a referral to the core team is announced once. */
class Review115DecisionTest {

    static final LocalDate MEETING = LocalDate.of(2026, 2, 4);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final Review115Decision.Discussed WHO = new Review115Decision.Discussed(5, 42, 3, MEETING);
    static final Review115Decision IN_FORCE = new Review115Decision(11, Review115Outcome.NO_ACTION, "Ingen bekymring", MEETING);

    @Test
    void theFirstDecisionTakesEffectOnTheMeetingsDate() {
        var d = Review115Decision.first(WHO, null, "CONTACT_FAMILY", " Forældrene kontaktes ", 0).orThrow();
        assertThat(d.result()).isEqualTo(new Review115Decision.NewDecision(Review115Outcome.CONTACT_FAMILY, "Forældrene kontaktes", MEETING, null, null));
        assertThat(d.events()).isEmpty();
    }

    @Test
    void aRecordedDecisionIsAmendedNotRecordedAgain() {
        assertThat(codes(Review115Decision.decide(WHO, IN_FORCE, null, "CONTACT_FAMILY", "Ny viden", null, 1, TODAY)))
                .containsExactly("review115.decision.recorded");
    }

    @Test
    void anAmendmentWithoutAReasonIsRefused() {
        assertThat(codes(IN_FORCE.amend(WHO, 11, "CONTACT_FAMILY", "Bekymring for søskende", " ", 1, TODAY)))
                .containsExactly("review115.amendment.reason.required");
    }

    @Test
    void anAmendmentWithAReasonSupersedesTheDecisionInForceFromToday() {
        var d = IN_FORCE.amend(WHO, 11, "CONTACT_FAMILY", "Bekymring for søskende", "Skolen har meldt fravær", 1, TODAY).orThrow();
        assertThat(d.result()).isEqualTo(new Review115Decision.NewDecision(Review115Outcome.CONTACT_FAMILY, "Bekymring for søskende", TODAY, 11L,
                "Skolen har meldt fravær"));
    }

    @Test
    void aSupersededDecisionIsNotAmended() {
        assertThat(codes(IN_FORCE.amend(WHO, 10, "CONTACT_FAMILY", "x", "y", 1, TODAY))).containsExactly("review115.amendment.notInForce");
    }

    @Test
    void nothingRecordedNothingToAmend() {
        assertThat(codes(Review115Decision.decide(WHO, null, 11L, "CONTACT_FAMILY", "x", "y", 0, TODAY))).containsExactly("review115.amendment.nothing");
    }

    @Test
    void aDecisionNamesTheVersionItWasMadeFrom() {
        assertThat(codes(Review115Decision.first(WHO, null, "NO_ACTION", "Ingen bekymring", null))).containsExactly("common.version.required");
    }

    @Test
    void aReferralToTheCoreTeamIsAnnouncedWhenMadeNotWhenReworded() {
        var first = Review115Decision.first(WHO, null, "REFER_CORE_TEAM", "Flere anmeldelser", 0).orThrow();
        assertThat(first.events()).containsExactly(new ReferredToCoreTeam(5, 42, 3, MEETING));
        var amended = IN_FORCE.amend(WHO, 11, "REFER_CORE_TEAM", "Ny anmeldelse", "Ny viden", 1, TODAY).orThrow();
        assertThat(amended.events()).containsExactly(new ReferredToCoreTeam(5, 42, 3, TODAY));
        var referral = new Review115Decision(12, Review115Outcome.REFER_CORE_TEAM, "Flere anmeldelser", MEETING);
        assertThat(referral.amend(WHO, 12, "REFER_CORE_TEAM", "Flere anmeldelser og skolefravær", "Præciseret", 2, TODAY).orThrow().events())
                .isEmpty();
    }

    private static java.util.List<String> codes(Decision<?> d) {
        assertThat(d).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<?>) d).problems().stream().map(FieldProblem::code).toList();
    }
}
