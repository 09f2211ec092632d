package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.util.Optional;

/** The rules of a phase change of a forløb. */
public final class PhaseChangePolicy {

    private PhaseChangePolicy() {}

    public static Optional<FieldProblem> targetRequired(String toPhase) {
        return Rules.when(Texts.isBlank(toPhase), "toPhase", "enrolment.phase.required");
    }

    public static Optional<FieldProblem> reasonRequired(String reason) {
        return Rules.when(Texts.isBlank(reason), "reason", "enrolment.phase.reason.required");
    }

    public static Optional<FieldProblem> notInTheFuture(LocalDate on, LocalDate today) {
        return Rules.when(on.isAfter(today), "changedOn", "enrolment.phase.date.future");
    }

    /** The history stays in date order: a change is not dated before the latest one (or the start). */
    public static Optional<FieldProblem> notBeforeLastChange(LocalDate on, LocalDate last) {
        return Rules.when(last != null && on.isBefore(last), "changedOn", "enrolment.phase.date.beforeLast", last);
    }

    /** Only the programme's allowed transitions (the UI offers only these); an unknown phase is named as such. */
    public static Optional<FieldProblem> allowedTransition(Programme programme, String from, String to) {
        Optional<Phase> target = programme.phase(to);
        if (target.isEmpty()) return Optional.of(FieldProblem.of("toPhase", "enrolment.phase.unknown", to));
        return Rules.when(!programme.canMove(from, to), "toPhase", "enrolment.phase.notAllowed", programme.phaseName(from),
                target.get().name());
    }
}
