package dk.vendepunkt.casework.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The waiting list of a programme in priority order: when the programme gives gang-related referrals priority
 * (Sikker By 2010, docs/sources.md: young people with gang ties need "særlig hurtig, koordineret og insisterende kontakt"), those come
 * first; within each group the earliest referral date first, then the earliest registered.
 */
public final class WaitingList {

    private WaitingList() {}

    public record Entry(long referralId, long personId, boolean gangRelated, LocalDate referredOn) {}

    public static Comparator<Entry> priority(boolean gangPriority) {
        Comparator<Entry> byDate = Comparator.comparing(Entry::referredOn).thenComparingLong(Entry::referralId);
        return gangPriority ? Comparator.comparing((Entry e) -> !e.gangRelated()).thenComparing(byDate) : byDate;
    }

    public static List<Entry> order(Collection<Entry> entries, boolean gangPriority) {
        return entries.stream().sorted(priority(gangPriority)).toList();
    }
}
