package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitingListTest {

    static WaitingList.Entry e(long id, boolean gang, String date) {
        return new WaitingList.Entry(id, 100 + id, gang, LocalDate.parse(date));
    }

    final List<WaitingList.Entry> entries = List.of(
            e(1, false, "2025-01-01"), e(2, true, "2025-03-01"), e(3, false, "2024-12-01"), e(4, true, "2025-02-01"), e(5, true, "2025-02-01"));

    @Test
    void gangRelatedFirstThenOldestReferralThenRegistration() {
        assertThat(WaitingList.order(entries, true)).extracting(WaitingList.Entry::referralId).containsExactly(4L, 5L, 2L, 3L, 1L);
    }

    @Test
    void withoutPriorityOnlyDateCounts() {
        assertThat(WaitingList.order(entries, false)).extracting(WaitingList.Entry::referralId).containsExactly(3L, 1L, 4L, 5L, 2L);
    }
}
