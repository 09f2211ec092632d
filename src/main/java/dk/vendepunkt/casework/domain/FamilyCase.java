package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A family case (familiesag) in the family-oriented model (seed 003, issue 13): the core team's work with one family
 * from Opsporing to Afslutning, with two coordinators from different departments. Like {@link Enrolment}, an operation
 * returns a {@link Decision} with the next state and its events, or the problems that refuse it. Each child taking part
 * has a forløb of its own ({@code cw_enrolment}, programme FAMILY) that follows the case's phase.
 *
 * @param coordinator1 one of the pair (null until assigned)
 * @param closure      null while the case is open
 */
public record FamilyCase(long id, long familyId, Programme programme, long teamId, String phase, FamilyChannel channel,
                         LocalDate openedOn, LocalDate lastPhaseChange, Long coordinator1, Long coordinator2, Enrolment.Closure closure,
                         int version) {

    /** Where a family case came from (003: the §115 review, an existing case, SSP, school, outreach). */
    public enum FamilyChannel { REVIEW_115, EXISTING_CASE, SSP, SCHOOL, OUTREACH, OTHER }

    /** The phase in which the children's forløb start (consent given, the assessment begins). */
    public static final String ENROLMENT_PHASE = "UDREDNING";

    /** A staff member proposed as coordinator: in the case's team and a core team member, from which department. */
    public record Candidate(long userId, boolean inTeam, boolean coreTeamMember, String departmentCode) {}

    /** The pair was set: old and new coordinators. */
    public record PairAssigned(Long before1, Long before2, long after1, long after2) {}

    public boolean closed() {
        return closure != null;
    }

    public LocalDate lastPhaseChangeOrOpened() {
        return lastPhaseChange != null ? lastPhaseChange : openedOn;
    }

    /** Moves the case along the FAMILY programme's transitions; moving to the closing phase is {@link #close}. */
    public Decision<FamilyCase> changePhase(String toPhase, String reason, LocalDate changedOn, Integer basedOn, String by, LocalDate today) {
        if (closed()) return Decision.reject(Rules.problems(ClosurePolicy.closedIsReadOnly(true)));
        LocalDate on = changedOn == null ? today : changedOn;
        List<FieldProblem> problems = Rules.problems(
                PhaseChangePolicy.targetRequired(toPhase),
                PhaseChangePolicy.reasonRequired(reason),
                VersionPolicy.required(basedOn),
                PhaseChangePolicy.notInTheFuture(on, today),
                PhaseChangePolicy.notBeforeLastChange(on, lastPhaseChangeOrOpened()),
                Rules.when(programme.closingPhase().code().equals(toPhase), "toPhase", "family.phase.closeInstead"));
        if (!problems.isEmpty()) return Decision.reject(problems);
        Optional<FieldProblem> transition = PhaseChangePolicy.allowedTransition(programme, phase, toPhase);
        if (transition.isPresent()) return Decision.reject(List.of(transition.get()));
        return Decision.accept(new FamilyCase(id, familyId, programme, teamId, toPhase, channel, openedOn, on, coordinator1, coordinator2,
                closure, basedOn + 1), List.of(new Enrolment.PhaseChanged(phase, toPhase, on, reason.trim(), by)));
    }

    /** Sets the coordinator pair: two different core team members of the case's team from different departments. */
    public Decision<FamilyCase> assignPair(Candidate first, Candidate second, Integer basedOn) {
        if (closed()) return Decision.reject(Rules.problems(ClosurePolicy.closedIsReadOnly(true)));
        List<FieldProblem> problems = Rules.problems(
                VersionPolicy.required(basedOn),
                PairPolicy.bothGiven(first, second),
                PairPolicy.twoPeople(first, second),
                PairPolicy.coreTeamMember("coordinator1", first),
                PairPolicy.coreTeamMember("coordinator2", second),
                PairPolicy.differentDepartments(first, second));
        if (!problems.isEmpty()) return Decision.reject(problems);
        return Decision.accept(new FamilyCase(id, familyId, programme, teamId, phase, channel, openedOn, lastPhaseChange,
                first.userId(), second.userId(), closure, basedOn + 1),
                List.of(new PairAssigned(coordinator1, coordinator2, first.userId(), second.userId())));
    }

    /** Closes the case (reason, end date, summary), moving it to Afslutning; the children's forløb close with it. */
    public Decision<FamilyCase> close(String reasonCode, LocalDate endDate, String summary, Integer basedOn, String by, LocalDate today) {
        if (closed()) return Decision.reject(Rules.problems(ClosurePolicy.closedIsReadOnly(true)));
        List<FieldProblem> problems = Rules.problems(
                ClosurePolicy.reasonRequired(reasonCode),
                ClosurePolicy.endDateRequired(endDate),
                ClosurePolicy.endDateNotBeforeStart(endDate, openedOn),
                ClosurePolicy.endDateNotInTheFuture(endDate, today),
                ClosurePolicy.summaryRequired(summary),
                VersionPolicy.required(basedOn));
        if (!problems.isEmpty()) return Decision.reject(problems);
        ClosureReason reason = ClosurePolicy.reason(reasonCode).orElseThrow();
        String closing = programme.closingPhase().code();
        return Decision.accept(new FamilyCase(id, familyId, programme, teamId, closing, channel, openedOn, endDate, coordinator1,
                coordinator2, new Enrolment.Closure(reason, endDate, summary.trim(), by), basedOn + 1),
                List.of(new Enrolment.PhaseChanged(phase, closing, endDate, Enrolment.CLOSING_PHASE_REASON, by)));
    }

    /** The rules of the coordinator pair, one named function each. */
    public static final class PairPolicy {

        private PairPolicy() {}

        public static Optional<FieldProblem> bothGiven(Candidate a, Candidate b) {
            return Rules.when(a == null || b == null, a == null ? "coordinator1" : "coordinator2", "family.pair.required");
        }

        public static Optional<FieldProblem> twoPeople(Candidate a, Candidate b) {
            return Rules.when(a != null && b != null && a.userId() == b.userId(), "coordinator2", "family.pair.samePerson");
        }

        public static Optional<FieldProblem> coreTeamMember(String field, Candidate c) {
            return Rules.when(c != null && !(c.inTeam() && c.coreTeamMember()), field, "family.pair.notCoreTeam");
        }

        /** 003: the family's two coordinators come from different departments (e.g. BUF and BIF). */
        public static Optional<FieldProblem> differentDepartments(Candidate a, Candidate b) {
            if (a == null || b == null || a.userId() == b.userId()) return Optional.empty();
            return Rules.when(a.departmentCode() == null || b.departmentCode() == null || a.departmentCode().equals(b.departmentCode()),
                    "coordinator2", "family.pair.sameDepartment");
        }
    }

    /** A short Danish reason is required when a case is opened (why the family is a concern). */
    public static Optional<FieldProblem> reasonRequired(String reason) {
        return Rules.when(Texts.isBlank(reason), "reason", "family.case.reason.required");
    }
}
