package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FollowUpKindTest {

    @Test
    void closureSchedulesThreeMonthsOneYearTwoYears() {
        assertThat(FollowUpKind.schedule(LocalDate.parse("2024-11-30"), ClosureReason.COMPLETED))
                .extracting(FollowUpKind.Task::dueDate)
                .containsExactly(LocalDate.parse("2025-02-28"), LocalDate.parse("2025-11-30"), LocalDate.parse("2026-11-30"));
        assertThat(FollowUpKind.schedule(LocalDate.parse("2024-02-29"), ClosureReason.DROPPED_OUT))
                .extracting(FollowUpKind.Task::dueDate)
                .containsExactly(LocalDate.parse("2024-05-29"), LocalDate.parse("2025-02-28"), LocalDate.parse("2026-02-28"));
    }

    @Test
    void noFollowUpsAfterADeath() {
        assertThat(FollowUpKind.schedule(LocalDate.parse("2024-01-01"), ClosureReason.DECEASED)).isEmpty();
    }

    @Test
    void openThirtyDaysBeforeAndOverdueAfterTwentyNineDaysOfGrace() {
        LocalDate due = LocalDate.parse("2025-04-01");
        assertThat(FollowUpKind.isOpen(due, due.minusDays(31))).isFalse();
        assertThat(FollowUpKind.isOpen(due, due.minusDays(30))).isTrue();
        assertThat(FollowUpKind.isOverdue(due, due.plusDays(29))).isFalse();
        assertThat(FollowUpKind.isOverdue(due, due.plusDays(30))).isTrue();
    }

    @Test
    void threeMonthTaskBecomesOverdueAtTheEndOfTheContractWindow() {
        // the contract's 3-month measure accepts statuses up to end + 120 days
        LocalDate end = LocalDate.parse("2025-01-15");
        LocalDate due = FollowUpKind.MONTHS_3.dueDate(end);
        assertThat(FollowUpKind.isOverdue(due, end.plusDays(119))).isFalse();
        assertThat(FollowUpKind.isOverdue(due, end.plusDays(121))).isTrue();
    }
}
