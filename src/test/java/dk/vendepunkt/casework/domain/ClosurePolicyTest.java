package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ClosurePolicyTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    @Test
    void aClosedForlobIsReadOnly() {
        assertThat(ClosurePolicy.closedIsReadOnly(true)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("enrolment.closed"));
        assertThat(ClosurePolicy.closedIsReadOnly(false)).isEmpty();
    }

    @Test
    void aClosureNamesAKnownReason() {
        assertThat(ClosurePolicy.reasonRequired("NOPE")).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("closure.reason.required"));
        assertThat(ClosurePolicy.reasonRequired(null)).isPresent();
        assertThat(ClosurePolicy.reasonRequired("COMPLETED")).isEmpty();
    }

    @Test
    void aClosureHasAnEndDate() {
        assertThat(ClosurePolicy.endDateRequired(null)).isPresent();
        assertThat(ClosurePolicy.endDateRequired(TODAY)).isEmpty();
    }

    @Test
    void theEndIsNotBeforeTheStart() {
        assertThat(ClosurePolicy.endDateNotBeforeStart(TODAY.minusDays(1), TODAY))
                .hasValueSatisfying(p -> assertThat(p.args()).containsExactly(TODAY));
        assertThat(ClosurePolicy.endDateNotBeforeStart(TODAY, TODAY)).isEmpty();
    }

    @Test
    void theEndIsNotInTheFuture() {
        assertThat(ClosurePolicy.endDateNotInTheFuture(TODAY.plusDays(1), TODAY)).isPresent();
        assertThat(ClosurePolicy.endDateNotInTheFuture(TODAY, TODAY)).isEmpty();
    }

    @Test
    void aClosureHasASummary() {
        assertThat(ClosurePolicy.summaryRequired(" ")).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("closure.summary.required"));
        assertThat(ClosurePolicy.summaryRequired("Selvhjulpen")).isEmpty();
    }

    @Test
    void onlyAClosedForlobIsAmended() {
        assertThat(ClosurePolicy.onlyAClosedForlobIsAmended(false)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("closure.amend.notClosed"));
        assertThat(ClosurePolicy.onlyAClosedForlobIsAmended(true)).isEmpty();
    }

    @Test
    void anAmendmentSaysWhy() {
        assertThat(ClosurePolicy.amendmentNeedsWhy("")).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("closure.amend.why.required"));
        assertThat(ClosurePolicy.amendmentNeedsWhy("Forkert dato")).isEmpty();
    }

    @Test
    void everyChangeNamesItsVersion() {
        assertThat(VersionPolicy.required(null)).hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("common.version.required"));
        assertThat(VersionPolicy.required(0)).isEmpty();
    }
}
