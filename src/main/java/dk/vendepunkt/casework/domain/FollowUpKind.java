package dk.vendepunkt.casework.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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

    /**
     * The days after the end date in which a status counts for the 3-month measure (the contract, "Outcomes":
     * {@code education_or_employment_3m} takes the follow-up with a status date in [end + 60, end + 120]).
     */
    public static final int WINDOW_FROM_DAYS = 60;
    public static final int WINDOW_TO_DAYS = 120;

    /** The dates, both included, in which a follow-up's status date counts for the effect measure. */
    public record Window(LocalDate from, LocalDate to) {
        public boolean contains(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /** The measurement window of this follow-up for a forløb ended on {@code endDate}; only the 3-month follow-up is measured. */
    public Optional<Window> measurementWindow(LocalDate endDate) {
        if (this != MONTHS_3 || endDate == null) return Optional.empty();
        return Optional.of(new Window(endDate.plusDays(WINDOW_FROM_DAYS), endDate.plusDays(WINDOW_TO_DAYS)));
    }

    /** Whether a status on {@code statusDate} falls outside the measurement window (false when the follow-up is not measured). */
    public boolean outsideWindow(LocalDate endDate, LocalDate statusDate) {
        return statusDate != null && measurementWindow(endDate).map(w -> !w.contains(statusDate)).orElse(false);
    }

    public static boolean isOpen(LocalDate dueDate, LocalDate today) {
        return !today.isBefore(dueDate.minusDays(OPENS_BEFORE_DAYS));
    }

    public static boolean isOverdue(LocalDate dueDate, LocalDate today) {
        return today.isAfter(dueDate.plusDays(GRACE_DAYS));
    }
}
