package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccupancyTest {

    static Occupancy.Span span(String start, String end) {
        return new Occupancy.Span(LocalDate.parse(start), end == null ? null : LocalDate.parse(end));
    }

    @Test
    void aWholeYearIsOneYearPlace() {
        Occupancy o = Occupancy.of(List.of(span("2020-06-01", null)), 2025, LocalDate.parse("2026-03-01"), 55);
        assertThat(o.forlobDays()).isEqualTo(365);
        assertThat(o.yearPlacesUsed()).isEqualTo(1.0);
        assertThat(o.averageOccupied()).isEqualTo(1.0);
        assertThat(o.utilisation()).isCloseTo(1.0 / 55, within(1e-12));
        assertThat(o.activeOnAsOf()).isEqualTo(1);
    }

    @Test
    void daysAreCountedInclusiveAndClippedToTheYear() {
        // 2024 is a leap year: 366 days
        Occupancy o = Occupancy.of(List.of(
                span("2023-12-01", "2024-01-10"),   // 10 days in 2024
                span("2024-03-01", "2024-03-01"),   // 1 day
                span("2024-12-31", "2025-05-01"),   // 1 day, active on 31 December
                span("2022-01-01", "2023-06-30"),   // none
                span("2025-01-01", null)),          // none
                2024, LocalDate.parse("2025-06-01"), 10);
        assertThat(o.forlobDays()).isEqualTo(12);
        assertThat(o.daysInYear()).isEqualTo(366);
        assertThat(o.daysElapsed()).isEqualTo(366);
        assertThat(o.yearPlacesUsed()).isCloseTo(12.0 / 366, within(1e-12));
        assertThat(o.activeOnAsOf()).isEqualTo(1);
    }

    @Test
    void theCurrentYearCountsUpToAsOfAndAveragesOverElapsedDays() {
        LocalDate asOf = LocalDate.parse("2025-01-10");   // 10 days elapsed
        Occupancy o = Occupancy.of(List.of(span("2024-05-01", null), span("2025-01-06", null), span("2025-01-02", "2025-01-03")),
                2025, asOf, 55);
        assertThat(o.forlobDays()).isEqualTo(10 + 5 + 2);
        assertThat(o.daysElapsed()).isEqualTo(10);
        assertThat(o.averageOccupied()).isCloseTo(1.7, within(1e-12));
        assertThat(o.yearPlacesUsed()).isCloseTo(17.0 / 365, within(1e-12));
        assertThat(o.activeOnAsOf()).isEqualTo(2);
    }

    @Test
    void noCapacityNoUtilisationAndAFutureYearIsEmpty() {
        Occupancy o = Occupancy.of(List.of(span("2020-01-01", null)), 2030, LocalDate.parse("2025-01-01"), null);
        assertThat(o.forlobDays()).isZero();
        assertThat(o.utilisation()).isNull();
        assertThat(o.activeOnAsOf()).isZero();
    }
}
