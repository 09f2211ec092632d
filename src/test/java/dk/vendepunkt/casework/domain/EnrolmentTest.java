package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.casework.EnrolmentClosed;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EnrolmentTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    static final LocalDate START = TODAY.minusMonths(6);

    static Enrolment open(String phase, int version) {
        return new Enrolment(1, 2, ProgrammeTest.exit(null), 3, 4L, phase, START, START.plusDays(10), true, "Udgangspunkt", null, version);
    }

    static Enrolment closed() {
        return open("CLOSING", 5).close("COMPLETED", TODAY.minusDays(1), "Selvhjulpen", 5, "exit", TODAY).orThrow().result();
    }

    @Test
    void aPhaseChangeGivesTheNextStateAndAHistoryRow() {
        Enrolment before = open("IDENTIFICATION", 3);
        Decision.Accepted<Enrolment> d = before.changePhase("COORDINATION", " Motiveret ", null, 3, "exit", TODAY).orThrow();
        assertThat(d.result().phase()).isEqualTo("COORDINATION");
        assertThat(d.result().version()).isEqualTo(4);
        assertThat(d.result().lastPhaseChange()).isEqualTo(TODAY);
        assertThat(d.events()).containsExactly(new Enrolment.PhaseChanged("IDENTIFICATION", "COORDINATION", TODAY, "Motiveret", "exit"));
        assertThat(before.phase()).isEqualTo("IDENTIFICATION");
    }

    @Test
    void aPhaseChangeReportsAllItsProblemsAndOnlyThenTheTransition() {
        Decision<Enrolment> d = open("IDENTIFICATION", 3).changePhase(null, " ", START, null, "exit", TODAY);
        assertThat(((Decision.Rejected<Enrolment>) d).problems()).extracting(FieldProblem::code).containsExactly(
                "enrolment.phase.required", "enrolment.phase.reason.required", "common.version.required", "enrolment.phase.date.beforeLast");
        assertThatThrownBy(() -> open("IDENTIFICATION", 3).changePhase("CLOSING", "Slut", null, 3, "exit", TODAY).orThrow())
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.problems()).extracting(FieldProblem::code).containsExactly("enrolment.phase.notAllowed"));
    }

    @Test
    void closingMovesToTheClosingPhaseSchedulesFollowUpsAndPublishesEnrolmentClosed() {
        Decision.Accepted<Enrolment> d = open("INCLUSION", 5).close("COMPLETED", TODAY.minusDays(1), " Selvhjulpen ", 5, "exit", TODAY).orThrow();
        Enrolment after = d.result();
        assertThat(after.closed()).isTrue();
        assertThat(after.phase()).isEqualTo("CLOSING");
        assertThat(after.closure()).isEqualTo(new Enrolment.Closure(ClosureReason.COMPLETED, TODAY.minusDays(1), "Selvhjulpen", "exit"));
        assertThat(d.events()).containsExactly(
                new Enrolment.PhaseChanged("INCLUSION", "CLOSING", TODAY.minusDays(1), Enrolment.CLOSING_PHASE_REASON, "exit"),
                new Enrolment.FollowUpsScheduled(FollowUpKind.schedule(TODAY.minusDays(1), ClosureReason.COMPLETED)),
                new EnrolmentClosed(1, 2, "EXIT", START, TODAY.minusDays(1), "COMPLETED", true));
    }

    @Test
    void closingFromTheClosingPhaseAddsNoHistoryRow() {
        assertThat(closed().phase()).isEqualTo("CLOSING");
        assertThat(open("CLOSING", 5).close("DECEASED", TODAY, "Død", 5, "exit", TODAY).orThrow().events())
                .noneMatch(e -> e instanceof Enrolment.PhaseChanged)
                .contains(new Enrolment.FollowUpsScheduled(java.util.List.of()));
    }

    @Test
    void aClosedForlobIsNeitherClosedAgainNorMovedOn() {
        assertThat(closed().close("COMPLETED", TODAY, "Igen", 6, "exit", TODAY)).isInstanceOf(Decision.Rejected.class);
        assertThat(closed().changePhase("INCLUSION", "Tilbage", null, 6, "exit", TODAY)).isInstanceOf(Decision.Rejected.class);
        assertThat(closed().reassign(null, null, "Ny", 6)).isInstanceOf(Decision.Rejected.class);
    }

    @Test
    void anAmendmentKeepsTheOldValuesReschedulesAndPublishesAgain() {
        Enrolment closed = closed();
        Decision.Accepted<Enrolment> d = closed.amendClosure("MOVED", TODAY.minusDays(20), "Flyttet", " Forkert årsag ", 6, "leder", TODAY)
                .orThrow();
        Enrolment.Closure corrected = new Enrolment.Closure(ClosureReason.MOVED, TODAY.minusDays(20), "Flyttet", "exit");
        assertThat(d.result().closure()).isEqualTo(corrected);
        assertThat(d.result().version()).isEqualTo(7);
        assertThat(d.events()).containsExactly(
                new Enrolment.ClosureAmended(closed.closure(), corrected, "Forkert årsag", "leder"),
                new Enrolment.FollowUpsRescheduled(FollowUpKind.schedule(TODAY.minusDays(20), ClosureReason.MOVED)),
                new EnrolmentClosed(1, 2, "EXIT", START, TODAY.minusDays(20), "MOVED", true));
    }

    @Test
    void anAmendmentOfAnOpenForlobIsRefusedWithItsOtherProblems() {
        Decision<Enrolment> d = open("INCLUSION", 5).amendClosure("COMPLETED", TODAY, "S", null, 5, "leder", TODAY);
        assertThat(((Decision.Rejected<Enrolment>) d).problems()).extracting(FieldProblem::code)
                .containsExactly("closure.amend.notClosed", "closure.amend.why.required");
    }

    @Test
    void aReassignmentNeedsACoordinatorWhoMayCoordinate() {
        assertThat(open("INCLUSION", 5).reassign(9L, null, "x", 5)).isInstanceOf(Decision.Rejected.class);
        Enrolment next = open("INCLUSION", 5).reassign(8L, new Coordinator(8, true), " Ny baseline ", 5).orThrow().result();
        assertThat(next.coordinatorId()).isEqualTo(8L);
        assertThat(next.baseline()).isEqualTo("Ny baseline");
    }
}
