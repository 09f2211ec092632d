package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The rules of the §115 review, each a named function that answers with the problem it finds, or none (tested one by
 * one in {@code Review115PolicyTest}). The log of decisions is immutable: a decision is recorded once per person and
 * meeting, and changed only by an amendment that names the decision it supersedes and says why (ADR 0022). Only the
 * minimum is kept: short texts, no police narrative.
 */
public final class Review115Policy {

    /** The longest note on a person or reason of a decision: a line, not a narrative. */
    public static final int SHORT_TEXT = 300;

    private Review115Policy() {}

    // ---- the meeting ----------------------------------------------------------------------------------------

    public static Optional<FieldProblem> meetingDateRequired(LocalDate date) {
        return Rules.when(date == null, "meetingDate", "review115.meetingDate.required");
    }

    /** A meeting is recorded when it has been held (or is held today), not planned ahead. */
    public static Optional<FieldProblem> meetingNotInTheFuture(LocalDate date, LocalDate today) {
        return Rules.when(date != null && date.isAfter(today), "meetingDate", "review115.meetingDate.future");
    }

    /** The legal basis is one of people's legal bases, and not consent: the police's list is shared without it. */
    public static Optional<FieldProblem> legalBasisKnownAndNotConsent(boolean known, boolean consent) {
        return Rules.when(!known || consent, "legalBasis", "review115.legalBasis.required");
    }

    /** The police take part: the list is theirs. */
    public static Optional<FieldProblem> policeParticipantRequired(String name, String unit) {
        return Rules.when(Texts.isBlank(name) || Texts.isBlank(unit), "policeName", "review115.police.required");
    }

    /** At least one of the municipality's staff takes part. */
    public static Optional<FieldProblem> staffParticipantRequired(int staffParticipants) {
        return Rules.when(staffParticipants == 0, "staff", "review115.staff.required");
    }

    // ---- a person discussed ---------------------------------------------------------------------------------

    /** A person is discussed once per meeting (their decision may be amended, the person is not added twice). */
    public static Optional<FieldProblem> discussedOncePerMeeting(boolean alreadyDiscussed) {
        return Rules.when(alreadyDiscussed, "cpr", "review115.person.duplicate");
    }

    /** The note is short: the minimum, no police narrative. */
    public static Optional<FieldProblem> noteIsShort(String note) {
        return Optional.ofNullable(Texts.problem("note", note, SHORT_TEXT));
    }

    // ---- decisions ------------------------------------------------------------------------------------------

    public static Optional<FieldProblem> outcomeRequired(Review115Outcome outcome) {
        return Rules.when(outcome == null, "outcome", "review115.outcome.required");
    }

    /** A decision says briefly why. */
    public static Optional<FieldProblem> reasonRequired(String reason) {
        return Rules.when(Texts.isBlank(reason), "reason", "review115.reason.required");
    }

    public static Optional<FieldProblem> reasonIsShort(String reason) {
        return Optional.ofNullable(Texts.problem("reason", reason, SHORT_TEXT));
    }

    /** A recorded decision is never recorded over: it is amended. */
    public static Optional<FieldProblem> decidedOnce(boolean decided) {
        return Rules.when(decided, "amends", "review115.decision.recorded");
    }

    /** An amendment needs a decision to amend. */
    public static Optional<FieldProblem> amendOnlyWhatIsRecorded(boolean decided) {
        return Rules.when(!decided, "amends", "review115.amendment.nothing");
    }

    /** Only the decision in force is amended; a superseded one is history. */
    public static Optional<FieldProblem> amendTheDecisionInForce(long amends, long inForce) {
        return Rules.when(amends != inForce, "amends", "review115.amendment.notInForce");
    }

    /** An amendment states why the decision is changed. */
    public static Optional<FieldProblem> amendmentNeedsReason(String amendmentReason) {
        return Rules.when(Texts.isBlank(amendmentReason), "amendmentReason", "review115.amendment.reason.required");
    }

    public static Optional<FieldProblem> amendmentReasonIsShort(String amendmentReason) {
        return Optional.ofNullable(Texts.problem("amendmentReason", amendmentReason, SHORT_TEXT));
    }
}
