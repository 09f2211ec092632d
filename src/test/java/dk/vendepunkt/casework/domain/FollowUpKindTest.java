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

    @Test
    void theThreeMonthMeasureCountsStatusesFromDay60ToDay120AfterTheEnd() {
        LocalDate end = LocalDate.parse("2025-01-15");
        assertThat(FollowUpKind.MONTHS_3.measurementWindow(end))
                .contains(new FollowUpKind.Window(LocalDate.parse("2025-03-16"), LocalDate.parse("2025-05-15")));
        assertThat(FollowUpKind.MONTHS_3.outsideWindow(end, end.plusDays(59))).isTrue();
        assertThat(FollowUpKind.MONTHS_3.outsideWindow(end, end.plusDays(60))).isFalse();
        assertThat(FollowUpKind.MONTHS_3.outsideWindow(end, end.plusDays(120))).isFalse();
        assertThat(FollowUpKind.MONTHS_3.outsideWindow(end, end.plusDays(121))).isTrue();
        // the later follow-ups are not measured: no window, never outside it
        assertThat(FollowUpKind.YEAR_1.measurementWindow(end)).isEmpty();
        assertThat(FollowUpKind.YEAR_1.outsideWindow(end, end.plusDays(10))).isFalse();
    }
}
