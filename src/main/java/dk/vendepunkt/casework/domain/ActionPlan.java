package dk.vendepunkt.casework.domain;

import static dk.vendepunkt.platform.Texts.blankToNull;

import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The individual action plan (handleplan) of a forløb as a series of versions. A version is never
 * changed: every change - a goal added, an action's status moved on, the whole plan rewritten - makes
 * a new version with the reason for the change and whether the person agreed to it (and when).
 * Optimistic locking is by version number: a change names the version it was made from, and a change
 * made from an older version than the latest is refused as stale.
 */
public final class ActionPlan {

    /** Whether the person agreed to this version of the plan, and on which date. */
    public record Agreement(boolean agreed, LocalDate date) {}

    public record Action(String text, ResponsibleDepartment department, String responsiblePerson, LocalDate dueDate,
                         ActionStatus status) {
        public boolean overdue(LocalDate today) {
            return dueDate != null && dueDate.isBefore(today) && (status == ActionStatus.PLANNED || status == ActionStatus.IN_PROGRESS);
        }
    }

    public record Goal(LifeDomain domain, String text, List<Action> actions) {
        public Goal {
            actions = actions == null ? List.of() : List.copyOf(actions);
        }
    }

    /** One version of the plan. {@code number} starts at 1. */
    public record Version(int number, List<Goal> goals, String reason, Agreement agreement, String createdBy, LocalDate createdOn) {
        public Version {
            goals = List.copyOf(goals);
        }
    }

    /** The reason given to the very first version when the caseworker gives none. */
    public static final String FIRST_VERSION_REASON = "Første handleplan";

    public static final int MAX_TEXT = 4000;

    private ActionPlan() {}

    /**
     * The next version of the plan.
     *
     * @param current       the latest version, empty when the forløb has no plan yet
     * @param basedOn       the version number the change was made from (0 for a new plan)
     * @param goals         the full content of the new version
     * @param reason        why the plan changes (required from version 2 on)
     * @param agreement     whether the person agreed, with the date (required when agreed; not in the future)
     */
    public static Version revise(Optional<Version> current, int basedOn, List<Goal> goals, String reason, Agreement agreement,
                                 String by, LocalDate today) {
        int latest = current.map(Version::number).orElse(0);
        if (basedOn != latest) throw ConflictException.stale();
        List<FieldProblem> problems = new ArrayList<>();
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            if (latest == 0) why = FIRST_VERSION_REASON;
            else problems.add(new FieldProblem("reason", "caseplan.plan.reason.required", new Object[0]));
        }
        if (why.length() > MAX_TEXT) problems.add(new FieldProblem("reason", "caseplan.text.tooLong", new Object[] {MAX_TEXT}));
        if (agreement == null) {
            problems.add(new FieldProblem("agreed", "caseplan.plan.agreed.required", new Object[0]));
        } else if (agreement.agreed() && agreement.date() == null) {
            problems.add(new FieldProblem("agreedOn", "caseplan.plan.agreedOn.required", new Object[0]));
        } else if (agreement.date() != null && agreement.date().isAfter(today)) {
            problems.add(new FieldProblem("agreedOn", "caseplan.date.future", new Object[0]));
        }
        validateGoals(goals, problems);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        List<Goal> clean = goals.stream().map(ActionPlan::clean).toList();
        Agreement agreed = agreement.agreed() ? agreement : new Agreement(false, agreement.date());
        return new Version(latest + 1, clean, why, agreed, by, today);
    }

    private static void validateGoals(List<Goal> goals, List<FieldProblem> problems) {
        if (goals == null) {
            problems.add(new FieldProblem("goals", "caseplan.plan.goals.required", new Object[0]));
            return;
        }
        for (int g = 0; g < goals.size(); g++) {
            Goal goal = goals.get(g);
            String gf = "goals[" + g + "]";
            if (goal == null) {
                problems.add(new FieldProblem(gf, "caseplan.plan.goal.required", new Object[0]));
                continue;
            }
            if (goal.domain() == null) problems.add(new FieldProblem(gf + ".domain", "caseplan.plan.goal.domain.required", new Object[0]));
            text(goal.text(), gf + ".text", "caseplan.plan.goal.text.required", problems);
            // goals are told apart by domain and text, actions within a goal by text (the change list relies on it)
            for (int earlier = 0; earlier < g; earlier++) {
                Goal other = goals.get(earlier);
                if (other != null && goal.domain() == other.domain() && same(goal.text(), other.text())) {
                    problems.add(new FieldProblem(gf + ".text", "caseplan.plan.goal.duplicate", new Object[0]));
                }
            }
            java.util.Set<String> actionTexts = new java.util.HashSet<>();
            for (int a = 0; a < goal.actions().size(); a++) {
                Action action = goal.actions().get(a);
                String af = gf + ".actions[" + a + "]";
                if (action == null) {
                    problems.add(new FieldProblem(af, "caseplan.plan.action.required", new Object[0]));
                    continue;
                }
                text(action.text(), af + ".text", "caseplan.plan.action.text.required", problems);
                if (action.text() != null && !action.text().isBlank() && !actionTexts.add(action.text().trim().toLowerCase(java.util.Locale.ROOT))) {
                    problems.add(new FieldProblem(af + ".text", "caseplan.plan.action.duplicate", new Object[0]));
                }
                if (action.department() == null) problems.add(new FieldProblem(af + ".department", "caseplan.plan.action.department.required", new Object[0]));
                if (action.status() == null) problems.add(new FieldProblem(af + ".status", "caseplan.plan.action.status.required", new Object[0]));
                if (action.responsiblePerson() != null && action.responsiblePerson().length() > 200) {
                    problems.add(new FieldProblem(af + ".responsiblePerson", "caseplan.text.tooLong", new Object[] {200}));
                }
            }
        }
    }

    private static void text(String s, String field, String requiredCode, List<FieldProblem> problems) {
        if (s == null || s.isBlank()) problems.add(new FieldProblem(field, requiredCode, new Object[0]));
        else if (s.length() > MAX_TEXT) problems.add(new FieldProblem(field, "caseplan.text.tooLong", new Object[] {MAX_TEXT}));
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.trim().equalsIgnoreCase(b.trim());
    }

    private static Goal clean(Goal g) {
        return new Goal(g.domain(), g.text().trim(), g.actions().stream()
                .map(a -> new Action(a.text().trim(), a.department(), blankToNull(a.responsiblePerson()), a.dueDate(), a.status()))
                .toList());
    }

    // ---------------------------------------------------------------- what changed between two versions

    public enum ChangeKind { GOAL_ADDED, GOAL_REMOVED, ACTION_ADDED, ACTION_REMOVED, ACTION_STATUS, ACTION_DUE }

    /**
     * One difference between a version and the one before: the goal (domain and text), the action's text
     * for action changes, and the old and new value for status and due-date changes (as codes/ISO dates).
     */
    public record Change(ChangeKind kind, LifeDomain domain, String goal, String action, String from, String to) {
        public String labelKey() {
            return "caseplan.change." + kind.name();
        }

        /** The old due date of an ACTION_DUE change (null otherwise or when there was none). */
        public LocalDate fromDate() {
            return kind == ChangeKind.ACTION_DUE && from != null ? LocalDate.parse(from) : null;
        }

        /** The new due date of an ACTION_DUE change (null otherwise or when there is none). */
        public LocalDate toDate() {
            return kind == ChangeKind.ACTION_DUE && to != null ? LocalDate.parse(to) : null;
        }
    }

    /**
     * The differences from {@code previous} (null for the first version: everything is added) to {@code next}.
     * Goals are matched by domain and text, actions within a goal by text.
     */
    public static List<Change> changes(Version previous, Version next) {
        List<Change> out = new ArrayList<>();
        List<Goal> before = previous == null ? List.of() : previous.goals();
        for (Goal g : next.goals()) {
            Optional<Goal> old = before.stream().filter(b -> b.domain() == g.domain() && b.text().equals(g.text())).findFirst();
            if (old.isEmpty()) {
                out.add(new Change(ChangeKind.GOAL_ADDED, g.domain(), g.text(), null, null, null));
                for (Action a : g.actions()) out.add(new Change(ChangeKind.ACTION_ADDED, g.domain(), g.text(), a.text(), null, a.status().name()));
                continue;
            }
            List<Action> oldActions = new ArrayList<>(old.get().actions());
            for (Action a : g.actions()) {
                Optional<Action> o = oldActions.stream().filter(x -> x.text().equals(a.text())).findFirst();
                if (o.isEmpty()) {
                    out.add(new Change(ChangeKind.ACTION_ADDED, g.domain(), g.text(), a.text(), null, a.status().name()));
                    continue;
                }
                oldActions.remove(o.get());
                if (o.get().status() != a.status()) {
                    out.add(new Change(ChangeKind.ACTION_STATUS, g.domain(), g.text(), a.text(), o.get().status().name(), a.status().name()));
                }
                if (!java.util.Objects.equals(o.get().dueDate(), a.dueDate())) {
                    out.add(new Change(ChangeKind.ACTION_DUE, g.domain(), g.text(), a.text(), str(o.get().dueDate()), str(a.dueDate())));
                }
            }
            for (Action gone : oldActions) out.add(new Change(ChangeKind.ACTION_REMOVED, g.domain(), g.text(), gone.text(), gone.status().name(), null));
        }
        for (Goal b : before) {
            if (next.goals().stream().noneMatch(g -> g.domain() == b.domain() && g.text().equals(b.text()))) {
                out.add(new Change(ChangeKind.GOAL_REMOVED, b.domain(), b.text(), null, null, null));
            }
        }
        return out;
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    // ---------------------------------------------------------------- edits that produce the content of the next version

    /** The goals of {@code current} (none for a new plan) with one goal added at the end. */
    public static List<Goal> withGoal(Optional<Version> current, Goal goal) {
        List<Goal> goals = new ArrayList<>(current.map(Version::goals).orElse(List.of()));
        goals.add(goal);
        return goals;
    }

    /** The goals with one action appended to goal {@code goalIndex}. */
    public static List<Goal> withAction(Version current, int goalIndex, Action action) {
        Goal goal = goal(current, goalIndex);
        List<Action> actions = new ArrayList<>(goal.actions());
        actions.add(action);
        return replaceGoal(current, goalIndex, new Goal(goal.domain(), goal.text(), actions));
    }

    /** The goals with action {@code actionIndex} of goal {@code goalIndex} given a new status and due date. */
    public static List<Goal> withActionProgress(Version current, int goalIndex, int actionIndex, ActionStatus status, LocalDate dueDate) {
        Goal goal = goal(current, goalIndex);
        if (actionIndex < 0 || actionIndex >= goal.actions().size()) {
            throw ValidationException.of("action", "caseplan.plan.action.unknown");
        }
        List<Action> actions = new ArrayList<>(goal.actions());
        Action a = actions.get(actionIndex);
        actions.set(actionIndex, new Action(a.text(), a.department(), a.responsiblePerson(), dueDate, status));
        return replaceGoal(current, goalIndex, new Goal(goal.domain(), goal.text(), actions));
    }

    /** The goals without goal {@code goalIndex}. */
    public static List<Goal> withoutGoal(Version current, int goalIndex) {
        goal(current, goalIndex);
        List<Goal> goals = new ArrayList<>(current.goals());
        goals.remove(goalIndex);
        return goals;
    }

    private static Goal goal(Version current, int goalIndex) {
        if (goalIndex < 0 || goalIndex >= current.goals().size()) {
            throw ValidationException.of("goal", "caseplan.plan.goal.unknown");
        }
        return current.goals().get(goalIndex);
    }

    private static List<Goal> replaceGoal(Version current, int goalIndex, Goal goal) {
        List<Goal> goals = new ArrayList<>(current.goals());
        goals.set(goalIndex, goal);
        return goals;
    }
}
