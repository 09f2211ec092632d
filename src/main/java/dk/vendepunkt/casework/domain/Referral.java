package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A referral as its screening sees it. {@link #screen} decides accept (the forløb starts in the programme's initial
 * phase with a coordinator), waiting list or reject, or refuses the screening with its problems; it writes nothing.
 */
public record Referral(long id, Programme programme, ReferralStatus status, LocalDate referredOn) {

    /**
     * The screening's result: the decision, the referral's new status, what was assessed (gang-related, eligibility at
     * the age on the screening day) and, for ACCEPT, the coordinator and the forløb's start date (null otherwise).
     */
    public record Screened(ScreeningDecision decision, ReferralStatus status, boolean gangRelated, Eligibility eligibility, int age,
                           LocalDate screenedOn, String decisionReason, Coordinator coordinator, LocalDate startDate) {}

    /**
     * Screens the referral.
     *
     * @param decisionCode  ACCEPT, WAITING_LIST or REJECT
     * @param coordinatorId the chosen coordinator (needed for ACCEPT)
     * @param coordinator   that staff member when they may coordinate, null otherwise
     * @param startDate     the forløb's start for ACCEPT (today when not given)
     * @param age           the person's age today
     */
    public Decision<Screened> screen(String decisionCode, Boolean gangRelated, String decisionReason, Long coordinatorId,
                                     Coordinator coordinator, LocalDate startDate, Integer basedOn, int age, LocalDate today) {
        ScreeningDecision decision = Enums.parseOrNull(ScreeningDecision.class, decisionCode);
        Eligibility eligibility = programme.eligibility(age);
        LocalDate start = startDate == null ? today : startDate;
        List<FieldProblem> problems = new ArrayList<>(Rules.problems(
                ScreeningPolicy.onlyAnOpenReferralIsScreened(status),
                ScreeningPolicy.decisionRequired(decision),
                ScreeningPolicy.gangRelatedRequired(gangRelated),
                VersionPolicy.required(basedOn)));
        if (decision == ScreeningDecision.ACCEPT) {
            problems.addAll(Rules.problems(
                    ScreeningPolicy.acceptOnlyEligible(eligibility, age),
                    ScreeningPolicy.acceptNeedsCoordinator(coordinatorId, coordinator),
                    ScreeningPolicy.gangRelatedNeedsExitExpert(gangRelated, coordinator),
                    ScreeningPolicy.startNotBeforeReferral(start, referredOn),
                    ScreeningPolicy.startNotInTheFuture(start, today)));
        }
        ScreeningPolicy.rejectNeedsReason(decision, decisionReason).ifPresent(problems::add);
        if (!problems.isEmpty()) return Decision.reject(problems);
        boolean accepted = decision == ScreeningDecision.ACCEPT;
        return Decision.accept(new Screened(decision, decision.status(), gangRelated, eligibility, age, today, Texts.blankToNull(decisionReason),
                accepted ? coordinator : null, accepted ? start : null), List.of());
    }
}
