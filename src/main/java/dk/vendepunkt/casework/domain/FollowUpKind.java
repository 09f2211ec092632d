package dk.vendepunkt.casework.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;

/**
 * The follow-ups scheduled at closure: 3 months, 1 year and 2 years after the end date (Sikker By 2010, docs/sources.md: "Der følges
 * op efter 2 år"; the contract's 3-month measure). A task is <em>open</em> (shown as a form in the caseload) from
 * {@link #OPENS_BEFORE_DAYS} days before its due date, and <em>overdue</em> when it is still not recorded more than
 * {@link #GRACE_DAYS} days after it: for the 3-month follow-up that is the end of the contract's measurement window
 * (end + 120 days).
 */
public enum FollowUpKind {
    MONTHS_3(Period.ofMonths(3)), YEAR_1(Period.ofYears(1)), YEARS_2(Period.ofYears(2));

    public static final int OPENS_BEFORE_DAYS = 30;
    public static final int GRACE_DAYS = 29;

    private final Period after;

    FollowUpKind(Period after) {
        this.after = after;
    }

    public LocalDate dueDate(LocalDate endDate) {
        return endDate.plus(after);
    }

    public record Task(FollowUpKind kind, LocalDate dueDate) {}

    /** The tasks a closure on {@code endDate} creates (none after a death). */
    public static List<Task> schedule(LocalDate endDate, ClosureReason reason) {
        if (!reason.schedulesFollowUps()) return List.of();
        return Arrays.stream(values()).map(k -> new Task(k, k.dueDate(endDate))).toList();
    }

    public static boolean isOpen(LocalDate dueDate, LocalDate today) {
        return !today.isBefore(dueDate.minusDays(OPENS_BEFORE_DAYS));
    }

    public static boolean isOverdue(LocalDate dueDate, LocalDate today) {
        return today.isAfter(dueDate.plusDays(GRACE_DAYS));
    }
}
