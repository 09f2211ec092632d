package dk.vendepunkt.casework.domain;

import dk.vendepunkt.casework.ReferredToCoreTeam;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision in force on a person discussed at a §115 review. The log is immutable (ADR 0022): {@link #first}
 * records the meeting's decision once, {@link #amend} supersedes the decision in force by a new one with a reason;
 * neither writes anything — they answer with the row to append and, when the person is referred to the core team,
 * the event {@link ReferredToCoreTeam}.
 */
public record Review115Decision(long id, Review115Outcome outcome, String reason, LocalDate decidedOn) {

    /** Whom a decision is about: a person discussed at a team's meeting. */
    public record Discussed(long meetingId, long personId, long teamId, LocalDate meetingDate) {}

    /** The row to append: what and why, the date it takes effect, and the decision it supersedes (with why), null for the first. */
    public record NewDecision(Review115Outcome outcome, String reason, LocalDate decidedOn, Long amends, String amendmentReason) {}

    /**
     * The decision the request asks for: the first when {@code amends} is null, else an amendment of the decision in
     * force ({@code inForce}, null when none is recorded).
     */
    public static Decision<NewDecision> decide(Discussed who, Review115Decision inForce, Long amends, String outcomeCode, String reason,
                                               String amendmentReason, Integer basedOn, LocalDate today) {
        if (amends == null) return first(who, inForce, outcomeCode, reason, basedOn);
        if (inForce == null) return Decision.reject(Rules.problems(Review115Policy.amendOnlyWhatIsRecorded(false)));
        return inForce.amend(who, amends, outcomeCode, reason, amendmentReason, basedOn, today);
    }

    /** The meeting's decision on the person, taking effect on the meeting's date; refused when one is recorded already. */
    public static Decision<NewDecision> first(Discussed who, Review115Decision inForce, String outcomeCode, String reason, Integer basedOn) {
        Review115Outcome outcome = Enums.parseOrNull(Review115Outcome.class, outcomeCode);
        List<FieldProblem> problems = new ArrayList<>(Rules.problems(
                Review115Policy.decidedOnce(inForce != null),
                Review115Policy.outcomeRequired(outcome),
                Review115Policy.reasonRequired(reason),
                Review115Policy.reasonIsShort(reason),
                VersionPolicy.required(basedOn)));
        if (!problems.isEmpty()) return Decision.reject(problems);
        NewDecision d = new NewDecision(outcome, reason.strip(), who.meetingDate(), null, null);
        return Decision.accept(d, events(who, d, null));
    }

    /**
     * A new decision that supersedes this one (which must be the one {@code amends} names), taking effect today; refused
     * without a reason for the amendment. The superseded decision stays in the log.
     */
    public Decision<NewDecision> amend(Discussed who, long amends, String outcomeCode, String reason, String amendmentReason,
                                       Integer basedOn, LocalDate today) {
        Review115Outcome newOutcome = Enums.parseOrNull(Review115Outcome.class, outcomeCode);
        List<FieldProblem> problems = new ArrayList<>(Rules.problems(
                Review115Policy.amendTheDecisionInForce(amends, id),
                Review115Policy.amendmentNeedsReason(amendmentReason),
                Review115Policy.amendmentReasonIsShort(amendmentReason),
                Review115Policy.outcomeRequired(newOutcome),
                Review115Policy.reasonRequired(reason),
                Review115Policy.reasonIsShort(reason),
                VersionPolicy.required(basedOn)));
        if (!problems.isEmpty()) return Decision.reject(problems);
        NewDecision d = new NewDecision(newOutcome, reason.strip(), today, id, Texts.blankToNull(amendmentReason));
        return Decision.accept(d, events(who, d, outcome));
    }

    /** A referral to the core team is announced when the person is referred, not again when a referral is only reworded. */
    private static List<Object> events(Discussed who, NewDecision d, Review115Outcome before) {
        if (d.outcome() != Review115Outcome.REFER_CORE_TEAM || before == Review115Outcome.REFER_CORE_TEAM) return List.of();
        return List.of(new ReferredToCoreTeam(who.meetingId(), who.personId(), who.teamId(), d.decidedOn()));
    }
}
