package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PhaseChangePolicyTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    @Test
    void aPhaseChangeNamesItsTarget() {
        assertThat(PhaseChangePolicy.targetRequired(" ")).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("enrolment.phase.required"));
        assertThat(PhaseChangePolicy.targetRequired("COORDINATION")).isEmpty();
    }

    @Test
    void aPhaseChangeGivesAReason() {
        assertThat(PhaseChangePolicy.reasonRequired(null)).hasValueSatisfying(p -> assertThat(p.field()).isEqualTo("reason"));
        assertThat(PhaseChangePolicy.reasonRequired("Motiveret")).isEmpty();
    }

    @Test
    void aPhaseChangeIsNotDatedInTheFuture() {
        assertThat(PhaseChangePolicy.notInTheFuture(TODAY.plusDays(1), TODAY)).isPresent();
        assertThat(PhaseChangePolicy.notInTheFuture(TODAY, TODAY)).isEmpty();
    }

    @Test
    void aPhaseChangeIsNotDatedBeforeTheLatestOne() {
        assertThat(PhaseChangePolicy.notBeforeLastChange(TODAY.minusDays(1), TODAY))
                .hasValueSatisfying(p -> assertThat(p.args()).containsExactly(TODAY));
        assertThat(PhaseChangePolicy.notBeforeLastChange(TODAY, TODAY)).isEmpty();
    }

    @Test
    void onlyTheProgrammesTransitionsAreAllowed() {
        Programme exit = ProgrammeTest.exit(null);
        assertThat(PhaseChangePolicy.allowedTransition(exit, "IDENTIFICATION", "COORDINATION")).isEmpty();
        assertThat(PhaseChangePolicy.allowedTransition(exit, "IDENTIFICATION", "INCLUSION")).hasValueSatisfying(p -> {
            assertThat(p.code()).isEqualTo("enrolment.phase.notAllowed");
            assertThat(p.args()).containsExactly("Identifikation", "Inklusion");
        });
        assertThat(PhaseChangePolicy.allowedTransition(exit, "IDENTIFICATION", "NOPE"))
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("enrolment.phase.unknown"));
    }
}
