package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.casework.domain.ActionPlan.Action;
import dk.vendepunkt.casework.domain.ActionPlan.Agreement;
import dk.vendepunkt.casework.domain.ActionPlan.Goal;
import dk.vendepunkt.casework.domain.ActionPlan.Version;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActionPlanTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 10);
    static final Agreement AGREED = new Agreement(true, TODAY.minusDays(1));

    static Goal job() {
        return new Goal(LifeDomain.EDUCATION_EMPLOYMENT, " Starte på VUC ", List.of(
                new Action("Vejledningssamtale i UU", ResponsibleDepartment.BUF, "Vejleder A", TODAY.plusDays(14), ActionStatus.PLANNED)));
    }

    @Test
    void theFirstVersionIsNumberOneAndGetsADefaultReason() {
        Version v1 = ActionPlan.revise(Optional.empty(), 0, List.of(job()), " ", AGREED, "exit", TODAY);
        assertThat(v1.number()).isEqualTo(1);
        assertThat(v1.reason()).isEqualTo(ActionPlan.FIRST_VERSION_REASON);
        assertThat(v1.goals().getFirst().text()).isEqualTo("Starte på VUC");
        assertThat(v1.agreement()).isEqualTo(AGREED);
        assertThat(v1.createdBy()).isEqualTo("exit");
    }

    @Test
    void everyChangeMakesANewVersionAndLeavesTheOldOneAsItWas() {
        Version v1 = ActionPlan.revise(Optional.empty(), 0, List.of(job()), null, AGREED, "exit", TODAY);
        List<Goal> goals = ActionPlan.withActionProgress(v1, 0, 0, ActionStatus.DONE, TODAY);
        Version v2 = ActionPlan.revise(Optional.of(v1), 1, goals, "Samtalen er holdt", new Agreement(false, null), "mentor", TODAY);
        assertThat(v2.number()).isEqualTo(2);
        assertThat(v2.goals().getFirst().actions().getFirst().status()).isEqualTo(ActionStatus.DONE);
        assertThat(v1.goals().getFirst().actions().getFirst().status()).isEqualTo(ActionStatus.PLANNED);
        assertThat(v2.agreement().agreed()).isFalse();

        Version v3 = ActionPlan.revise(Optional.of(v2), 2, ActionPlan.withGoal(Optional.of(v2),
                new Goal(LifeDomain.HOUSING, "Egen bolig", List.of())), "Bolig tilføjet", AGREED, "exit", TODAY);
        assertThat(v3.goals()).extracting(Goal::domain).containsExactly(LifeDomain.EDUCATION_EMPLOYMENT, LifeDomain.HOUSING);
        Version v4 = ActionPlan.revise(Optional.of(v3), 3, ActionPlan.withoutGoal(v3, 0), "Uddannelse opgivet", AGREED, "exit", TODAY);
        assertThat(v4.goals()).extracting(Goal::domain).containsExactly(LifeDomain.HOUSING);
        Version v5 = ActionPlan.revise(Optional.of(v4), 4, ActionPlan.withAction(v4, 0,
                new Action("Boliganvisning", ResponsibleDepartment.SOF, null, null, ActionStatus.IN_PROGRESS)), "Handling", AGREED, "exit", TODAY);
        assertThat(v5.goals().getFirst().actions()).hasSize(1);
    }

    @Test
    void changesBetweenVersionsNameWhatWasAddedRemovedAndMovedOn() {
        Version v1 = ActionPlan.revise(Optional.empty(), 0, List.of(job()), null, AGREED, "exit", TODAY);
        assertThat(ActionPlan.changes(null, v1)).extracting(ActionPlan.Change::kind)
                .containsExactly(ActionPlan.ChangeKind.GOAL_ADDED, ActionPlan.ChangeKind.ACTION_ADDED);

        List<Goal> g2 = ActionPlan.withActionProgress(v1, 0, 0, ActionStatus.DONE, TODAY.plusDays(30));
        g2 = new java.util.ArrayList<>(g2);
        g2.add(new Goal(LifeDomain.HOUSING, "Egen bolig", List.of()));
        Version v2 = ActionPlan.revise(Optional.of(v1), 1, g2, "Opfølgning", AGREED, "exit", TODAY);
        List<ActionPlan.Change> c2 = ActionPlan.changes(v1, v2);
        assertThat(c2).extracting(ActionPlan.Change::kind).containsExactly(
                ActionPlan.ChangeKind.ACTION_STATUS, ActionPlan.ChangeKind.ACTION_DUE, ActionPlan.ChangeKind.GOAL_ADDED);
        assertThat(c2.getFirst().from()).isEqualTo("PLANNED");
        assertThat(c2.getFirst().to()).isEqualTo("DONE");
        assertThat(c2.get(1).to()).isEqualTo(TODAY.plusDays(30).toString());
        assertThat(c2.get(1).toDate()).isEqualTo(TODAY.plusDays(30));
        assertThat(c2.get(1).fromDate()).isEqualTo(TODAY.plusDays(14));
        assertThat(c2.getFirst().toDate()).isNull();

        Version v3 = ActionPlan.revise(Optional.of(v2), 2, ActionPlan.withoutGoal(v2, 0), "Uddannelse opgivet", AGREED, "exit", TODAY);
        assertThat(ActionPlan.changes(v2, v3)).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ActionPlan.ChangeKind.GOAL_REMOVED);
            assertThat(c.goal()).isEqualTo("Starte på VUC");
        });
        assertThat(ActionPlan.changes(v3, v3)).isEmpty();
    }

    @Test
    void aChangeFromAnOlderVersionIsStale() {
        Version v1 = ActionPlan.revise(Optional.empty(), 0, List.of(job()), null, AGREED, "exit", TODAY);
        Version v2 = ActionPlan.revise(Optional.of(v1), 1, List.of(), "Alt slettet", AGREED, "exit", TODAY);
        assertThatThrownBy(() -> ActionPlan.revise(Optional.of(v2), 1, List.of(job()), "Gammel side", AGREED, "mentor", TODAY))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> ActionPlan.revise(Optional.empty(), 1, List.of(job()), null, AGREED, "x", TODAY))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void laterVersionsNeedAReasonAndAnAgreementWithADateNotInTheFuture() {
        Version v1 = ActionPlan.revise(Optional.empty(), 0, List.of(job()), null, AGREED, "exit", TODAY);
        assertThatThrownBy(() -> ActionPlan.revise(Optional.of(v1), 1, List.of(job()), "", new Agreement(true, null), "x", TODAY))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().stream().map(p -> p.field()))
                        .containsExactlyInAnyOrder("reason", "agreedOn"));
        assertThatThrownBy(() -> ActionPlan.revise(Optional.of(v1), 1, List.of(job()), "x", new Agreement(true, TODAY.plusDays(1)), "x", TODAY))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("agreedOn"));
        assertThatThrownBy(() -> ActionPlan.revise(Optional.of(v1), 1, List.of(job()), "x", null, "x", TODAY))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("agreed"));
    }

    @Test
    void goalsAndActionsAreValidatedWithTheirPositions() {
        List<Goal> bad = List.of(job(), new Goal(null, " ", List.of(new Action("", null, null, null, null))));
        assertThatThrownBy(() -> ActionPlan.revise(Optional.empty(), 0, bad, null, AGREED, "x", TODAY))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().stream().map(p -> p.field()))
                        .containsExactlyInAnyOrder("goals[1].domain", "goals[1].text", "goals[1].actions[0].text",
                                "goals[1].actions[0].department", "goals[1].actions[0].status"));
    }

    @Test
    void goalsAndActionsCannotBeDuplicated() {
        Goal twice = new Goal(LifeDomain.HOUSING, "Egen bolig", List.of(
                new Action("Boliganvisning", ResponsibleDepartment.SOF, null, null, ActionStatus.PLANNED),
                new Action(" boliganvisning ", ResponsibleDepartment.SOF, null, null, ActionStatus.PLANNED)));
        assertThatThrownBy(() -> ActionPlan.revise(Optional.empty(), 0, List.of(twice, new Goal(LifeDomain.HOUSING, "egen bolig", List.of())),
                null, AGREED, "x", TODAY))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().stream().map(p -> p.field()))
                        .containsExactlyInAnyOrder("goals[0].actions[1].text", "goals[1].text"));
        // the same text in another domain is another goal
        ActionPlan.revise(Optional.empty(), 0, List.of(new Goal(LifeDomain.HOUSING, "Ro på", List.of()),
                new Goal(LifeDomain.MENTAL_HEALTH, "Ro på", List.of())), null, AGREED, "x", TODAY);
    }

    @Test
    void unknownGoalOrActionIndexIsRefused() {
        Version v1 = ActionPlan.revise(Optional.empty(), 0, List.of(job()), null, AGREED, "exit", TODAY);
        assertThatThrownBy(() -> ActionPlan.withAction(v1, 3, job().actions().getFirst())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> ActionPlan.withActionProgress(v1, 0, 1, ActionStatus.DONE, null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void overdueActionsArePlannedOrInProgressPastTheirDueDate() {
        Action a = new Action("x", ResponsibleDepartment.BIF, null, TODAY.minusDays(1), ActionStatus.IN_PROGRESS);
        assertThat(a.overdue(TODAY)).isTrue();
        assertThat(new Action("x", ResponsibleDepartment.BIF, null, TODAY.minusDays(1), ActionStatus.DONE).overdue(TODAY)).isFalse();
        assertThat(new Action("x", ResponsibleDepartment.BIF, null, TODAY, ActionStatus.PLANNED).overdue(TODAY)).isFalse();
    }
}
