package dk.vendepunkt.casework.domain;

import dk.vendepunkt.casework.EnrolmentClosed;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The forløb as a value: what its rules need to decide a change. An operation never changes the forløb; it returns
 * a {@link Decision} with the next state and the events the change produces (a phase history row, a closure
 * amendment, follow-ups to schedule, {@link EnrolmentClosed} to publish), or the problems that refuse it.
 *
 * <p>Every operation names the version it was made from ({@code basedOn}); the next state has the version after it,
 * and the store saves it only over that version (a stale change is refused with 409 there).
 *
 * @param lastPhaseChange the date of the latest phase history row (null when there is none)
 * @param closure         null while the forløb is open
 */
public record Enrolment(long id, long personId, Programme programme, long teamId, Long coordinatorId, String phase,
                        LocalDate startDate, LocalDate lastPhaseChange, boolean gangRelated, String baseline, Closure closure,
                        int version) {

    /** How the forløb ended; {@code closedBy} is who closed it (amendments keep it). */
    public record Closure(ClosureReason reason, LocalDate endDate, String summary, String closedBy) {}

    /** A row of the phase history: who moved the forløb from which phase to which, when and why. */
    public record PhaseChanged(String from, String to, LocalDate on, String reason, String by) {}

    /** A correction of the closure with the old and new values and why. */
    public record ClosureAmended(Closure before, Closure after, String why, String by) {}

    /** The follow-ups the closure schedules (3 months, 1 and 2 years after the end; none after a death). */
    public record FollowUpsScheduled(List<FollowUpKind.Task> tasks) {
        public FollowUpsScheduled {
            tasks = List.copyOf(tasks);
        }
    }

    /**
     * The follow-ups a corrected closure schedules: those not yet recorded move to the new due dates, those the new
     * schedule has no longer (a death) are dropped, missing ones are added.
     */
    public record FollowUpsRescheduled(List<FollowUpKind.Task> tasks) {
        public FollowUpsRescheduled {
            tasks = List.copyOf(tasks);
        }
    }

    /** The history reason of the phase change a closure makes. */
    public static final String CLOSING_PHASE_REASON = "Forløbet er afsluttet";

    public boolean closed() {
        return closure != null;
    }

    /** The phase changes may not be dated before this: the latest history row, or the start. */
    public LocalDate lastPhaseChangeOrStart() {
        return lastPhaseChange != null ? lastPhaseChange : startDate;
    }

    /**
     * Moves the forløb to another phase along the programme's allowed transitions, with a reason, dated
     * {@code changedOn} (today when not given).
     */
    public Decision<Enrolment> changePhase(String toPhase, String reason, LocalDate changedOn, Integer basedOn, String by, LocalDate today) {
        if (closed()) return readOnly();
        LocalDate on = changedOn == null ? today : changedOn;
        List<FieldProblem> problems = Rules.problems(
                PhaseChangePolicy.targetRequired(toPhase),
                PhaseChangePolicy.reasonRequired(reason),
                VersionPolicy.required(basedOn),
                PhaseChangePolicy.notInTheFuture(on, today),
                PhaseChangePolicy.notBeforeLastChange(on, lastPhaseChangeOrStart()));
        if (!problems.isEmpty()) return Decision.reject(problems);
        Optional<FieldProblem> transition = PhaseChangePolicy.allowedTransition(programme, phase, toPhase);
        if (transition.isPresent()) return Decision.reject(List.of(transition.get()));
        Enrolment next = new Enrolment(id, personId, programme, teamId, coordinatorId, toPhase, startDate, on, gangRelated, baseline,
                closure, basedOn + 1);
        return Decision.accept(next, List.of(new PhaseChanged(phase, toPhase, on, reason.trim(), by)));
    }

    /**
     * The new coordinator (none allowed) and baseline.
     *
     * @param coordinator the staff member {@code newCoordinatorId} names when they may coordinate, null otherwise
     */
    public Decision<Enrolment> reassign(Long newCoordinatorId, Coordinator coordinator, String newBaseline, Integer basedOn) {
        if (closed()) return readOnly();
        List<FieldProblem> problems = Rules.problems(VersionPolicy.required(basedOn),
                ScreeningPolicy.mayCoordinate(newCoordinatorId, coordinator));
        if (!problems.isEmpty()) return Decision.reject(problems);
        return Decision.accept(new Enrolment(id, personId, programme, teamId, newCoordinatorId, phase, startDate, lastPhaseChange,
                gangRelated, Texts.blankToNull(newBaseline), closure, basedOn + 1), List.of());
    }

    /**
     * Closes the forløb: a reason, an end date (not before the start, not in the future) and a summary. The forløb moves
     * to the programme's closing phase (a history row unless it is there already), the follow-ups are scheduled and
     * {@link EnrolmentClosed} is published.
     */
    public Decision<Enrolment> close(String reasonCode, LocalDate endDate, String summary, Integer basedOn, String by, LocalDate today) {
        if (closed()) return readOnly();
        List<FieldProblem> problems = closureProblems(reasonCode, endDate, summary, basedOn, today);
        if (!problems.isEmpty()) return Decision.reject(problems);
        ClosureReason reason = ClosurePolicy.reason(reasonCode).orElseThrow();
        Phase closing = programme.closingPhase();
        List<Object> events = new ArrayList<>();
        LocalDate last = lastPhaseChange;
        if (!phase.equals(closing.code())) {
            events.add(new PhaseChanged(phase, closing.code(), endDate, CLOSING_PHASE_REASON, by));
            last = endDate;
        }
        events.add(new FollowUpsScheduled(FollowUpKind.schedule(endDate, reason)));
        events.add(closedEvent(reason, endDate));
        Enrolment next = new Enrolment(id, personId, programme, teamId, coordinatorId, closing.code(), startDate, last, gangRelated,
                baseline, new Closure(reason, endDate, summary.trim(), by), basedOn + 1);
        return Decision.accept(next, events);
    }

    /**
     * Corrects the closure (reason, end date, summary) with a stated reason. The old and new values are kept, the
     * follow-ups not yet recorded are rescheduled, and {@link EnrolmentClosed} is published again with the corrected values.
     */
    public Decision<Enrolment> amendClosure(String reasonCode, LocalDate endDate, String summary, String why, Integer basedOn, String by,
                                            LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        ClosurePolicy.onlyAClosedForlobIsAmended(closed()).ifPresent(problems::add);
        problems.addAll(closureProblems(reasonCode, endDate, summary, basedOn, today));
        ClosurePolicy.amendmentNeedsWhy(why).ifPresent(problems::add);
        if (!problems.isEmpty()) return Decision.reject(problems);
        ClosureReason reason = ClosurePolicy.reason(reasonCode).orElseThrow();
        Closure corrected = new Closure(reason, endDate, summary.trim(), closure.closedBy());
        Enrolment next = new Enrolment(id, personId, programme, teamId, coordinatorId, phase, startDate, lastPhaseChange, gangRelated,
                baseline, corrected, basedOn + 1);
        return Decision.accept(next, List.of(new ClosureAmended(closure, corrected, why.trim(), by),
                new FollowUpsRescheduled(FollowUpKind.schedule(endDate, reason)), closedEvent(reason, endDate)));
    }

    /** A closed forløb is refused alone, before anything else is looked at (as the access check refuses it). */
    private Decision<Enrolment> readOnly() {
        return Decision.reject(Rules.problems(ClosurePolicy.closedIsReadOnly(closed())));
    }

    private List<FieldProblem> closureProblems(String reasonCode, LocalDate endDate, String summary, Integer basedOn, LocalDate today) {
        return Rules.problems(
                ClosurePolicy.reasonRequired(reasonCode),
                ClosurePolicy.endDateRequired(endDate),
                ClosurePolicy.endDateNotBeforeStart(endDate, startDate),
                ClosurePolicy.endDateNotInTheFuture(endDate, today),
                ClosurePolicy.summaryRequired(summary),
                VersionPolicy.required(basedOn));
    }

    private EnrolmentClosed closedEvent(ClosureReason reason, LocalDate endDate) {
        return new EnrolmentClosed(id, personId, programme.code(), startDate, endDate, reason.name(), gangRelated);
    }
}
