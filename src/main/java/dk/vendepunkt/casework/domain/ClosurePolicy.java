package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.util.Optional;

/** The rules of closing a forløb and of correcting a closure. */
public final class ClosurePolicy {

    private ClosurePolicy() {}

    /** A closed forløb is read-only (follow-ups and closure corrections excepted): it is not closed twice, nor moved on. */
    public static Optional<FieldProblem> closedIsReadOnly(boolean closed) {
        return Rules.when(closed, "enrolment", "enrolment.closed");
    }

    /** A closure names one of the contract's reasons (an unknown code counts as none). */
    public static Optional<FieldProblem> reasonRequired(String reasonCode) {
        return Rules.when(reason(reasonCode).isEmpty(), "reason", "closure.reason.required");
    }

    public static Optional<FieldProblem> endDateRequired(LocalDate endDate) {
        return Rules.when(endDate == null, "endDate", "closure.endDate.required");
    }

    public static Optional<FieldProblem> endDateNotBeforeStart(LocalDate endDate, LocalDate startDate) {
        return Rules.when(endDate != null && endDate.isBefore(startDate), "endDate", "closure.endDate.beforeStart", startDate);
    }

    public static Optional<FieldProblem> endDateNotInTheFuture(LocalDate endDate, LocalDate today) {
        return Rules.when(endDate != null && endDate.isAfter(today), "endDate", "closure.endDate.future");
    }

    /** The summary evaluates the forløb against its baseline. */
    public static Optional<FieldProblem> summaryRequired(String summary) {
        return Rules.when(Texts.isBlank(summary), "summary", "closure.summary.required");
    }

    /** Only a closed forløb has a closure to correct. */
    public static Optional<FieldProblem> onlyAClosedForlobIsAmended(boolean closed) {
        return Rules.when(!closed, "reason", "closure.amend.notClosed");
    }

    /** A correction states why. */
    public static Optional<FieldProblem> amendmentNeedsWhy(String why) {
        return Rules.when(Texts.isBlank(why), "why", "closure.amend.why.required");
    }

    static Optional<ClosureReason> reason(String code) {
        return Optional.ofNullable(Enums.parseOrNull(ClosureReason.class, code));
    }
}
