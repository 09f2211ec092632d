package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.util.Optional;

/** The rules of screening a referral (visitation). */
public final class ScreeningPolicy {

    private ScreeningPolicy() {}

    /** A referral is screened once; one on the waiting list (or not yet screened) is still open. */
    public static Optional<FieldProblem> onlyAnOpenReferralIsScreened(ReferralStatus status) {
        return Rules.when(!status.open(), "decision", "screening.alreadyDecided");
    }

    public static Optional<FieldProblem> decisionRequired(ScreeningDecision decision) {
        return Rules.when(decision == null, "decision", "screening.decision.required");
    }

    /** The screener says whether the crime is gang-related (it decides who may coordinate and the waiting-list priority). */
    public static Optional<FieldProblem> gangRelatedRequired(Boolean gangRelated) {
        return Rules.when(gangRelated == null, "gangRelated", "screening.gangRelated.required");
    }

    /** Accepting needs an age within the programme's limits (computed from the CPR's birth date on the day of screening). */
    public static Optional<FieldProblem> acceptOnlyEligible(Eligibility eligibility, int age) {
        return Rules.when(!eligibility.eligible(), "decision", "screening.notEligible." + eligibility.name(), age);
    }

    /**
     * Accepting needs a coordinator who may coordinate: an enabled caseworker or programme manager
     * ({@code coordinator} is null when the chosen one is not).
     */
    public static Optional<FieldProblem> acceptNeedsCoordinator(Long coordinatorId, Coordinator coordinator) {
        if (coordinatorId == null) return Optional.of(FieldProblem.of("coordinatorId", "screening.coordinator.required"));
        return mayCoordinate(coordinatorId, coordinator);
    }

    /**
     * A chosen coordinator ({@code coordinatorId}, none is allowed) is one who may coordinate: an enabled caseworker or
     * programme manager ({@code coordinator} is null when they are not). Also holds when a forløb's coordinator changes.
     */
    public static Optional<FieldProblem> mayCoordinate(Long coordinatorId, Coordinator coordinator) {
        return Rules.when(coordinatorId != null && coordinator == null, "coordinatorId", "screening.coordinator.invalid");
    }

    /** A gang-related case is coordinated by an exit expert. */
    public static Optional<FieldProblem> gangRelatedNeedsExitExpert(Boolean gangRelated, Coordinator coordinator) {
        return Rules.when(Boolean.TRUE.equals(gangRelated) && coordinator != null && !coordinator.exitExpert(),
                "coordinatorId", "screening.coordinator.exitExpert");
    }

    public static Optional<FieldProblem> startNotBeforeReferral(LocalDate start, LocalDate referredOn) {
        return Rules.when(start.isBefore(referredOn), "startDate", "screening.startDate.beforeReferral");
    }

    public static Optional<FieldProblem> startNotInTheFuture(LocalDate start, LocalDate today) {
        return Rules.when(start.isAfter(today), "startDate", "screening.startDate.future");
    }

    public static Optional<FieldProblem> rejectNeedsReason(ScreeningDecision decision, String reason) {
        return Rules.when(decision == ScreeningDecision.REJECT && Texts.isBlank(reason), "decisionReason", "screening.reason.required");
    }

    /**
     * The programme's årspladser are reached by its ongoing forløb: a warning on the screening page that suggests the
     * waiting list, never a block (docs/adr/0008-capacity-as-a-warning.md). No capacity, no warning.
     */
    public static boolean capacityReached(long ongoing, Integer capacityPerYear) {
        return capacityPerYear != null && ongoing >= capacityPerYear;
    }
}
