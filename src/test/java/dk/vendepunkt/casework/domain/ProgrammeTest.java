package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.platform.ValidationException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProgrammeTest {

    static Programme exit(Integer maxAge) {
        return new Programme("EXIT", "Exitprogrammet", null, 18, maxAge, 55, true, true, 0,
                List.of(new Phase("INCLUSION", "Inklusion", 3, false, false),
                        new Phase("IDENTIFICATION", "Identifikation", 1, true, false),
                        new Phase("CLOSING", "Afslutning", 4, false, true),
                        new Phase("COORDINATION", "Koordination", 2, false, false)),
                Set.of(new Programme.Transition("IDENTIFICATION", "COORDINATION"),
                        new Programme.Transition("COORDINATION", "INCLUSION"),
                        new Programme.Transition("INCLUSION", "CLOSING"),
                        new Programme.Transition("INCLUSION", "COORDINATION")));
    }

    @Test
    void phasesAreOrderedAndInitialAndClosingFound() {
        Programme p = exit(null);
        assertThat(p.phases()).extracting(Phase::code).containsExactly("IDENTIFICATION", "COORDINATION", "INCLUSION", "CLOSING");
        assertThat(p.initialPhase().code()).isEqualTo("IDENTIFICATION");
        assertThat(p.closingPhase().code()).isEqualTo("CLOSING");
    }

    @Test
    void onlyAllowedTransitions() {
        Programme p = exit(null);
        assertThat(p.canMove("IDENTIFICATION", "COORDINATION")).isTrue();
        assertThat(p.canMove("COORDINATION", "IDENTIFICATION")).isFalse();
        assertThat(p.canMove("IDENTIFICATION", "INCLUSION")).isFalse();
        assertThat(p.nextPhases("INCLUSION")).extracting(Phase::code).containsExactly("COORDINATION", "CLOSING");
        assertThat(p.requireTransition("COORDINATION", "INCLUSION").name()).isEqualTo("Inklusion");
    }

    @Test
    void aSkippedPhaseIsRefusedWithBothPhaseNames() {
        Programme p = exit(null);
        assertThatThrownBy(() -> p.requireTransition("IDENTIFICATION", "CLOSING"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems().getFirst().code()).isEqualTo("enrolment.phase.notAllowed");
                    assertThat(e.problems().getFirst().args()).containsExactly("Identifikation", "Afslutning");
                });
        assertThatThrownBy(() -> p.requireTransition("IDENTIFICATION", "NOPE"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems().getFirst().code()).isEqualTo("enrolment.phase.unknown"));
    }

    @Test
    void eligibilityFromEighteenWithoutUpperLimitByDefault() {
        Programme p = exit(null);
        assertThat(p.eligibility(17)).isEqualTo(Eligibility.TOO_YOUNG);
        assertThat(p.eligibility(18)).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(p.eligibility(64)).isEqualTo(Eligibility.ELIGIBLE);
    }

    @Test
    void configurableUpperLimitIsInclusive() {
        Programme p = exit(25);
        assertThat(p.eligibility(25)).isEqualTo(Eligibility.ELIGIBLE);
        assertThat(p.eligibility(26)).isEqualTo(Eligibility.TOO_OLD);
    }
}
