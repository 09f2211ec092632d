package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The family action plan (familiehandleplan, seed 003; issue 13 part 6) as a series of versions, after the idea of the
 * individual {@link ActionPlan}: a version is never changed; a new one carries the family's wishes in their own words,
 * the goals per member (responsible department, a measure from a list, deadline and review date) and the reason for the
 * change (required from version 2). A version is a draft until the family's agreement is recorded (who agreed, on which
 * date). Reviews record the date, notes and each goal's status. {@link #overdue} names the deadlines and review dates
 * that have passed, for the team leader's view.
 */
public final class FamilyPlan {

    private FamilyPlan() {}

    public static final int WISHES_MAX = 4000;
    public static final int TEXT_MAX = 2000;
    public static final String FIRST_VERSION_REASON = "Første familiehandleplan";

    /** A goal for one member. {@code measureText} names the measure when it is OTHER (and may add detail otherwise). */
    public record Goal(long personId, String goal, FamilyDepartment department, FamilyMeasure measure, String measureText,
                       LocalDate deadline, LocalDate reviewOn) {}

    /** The family's agreement to a version: the members who agreed and on which date, recorded by whom. */
    public record Agreement(List<Long> agreedBy, LocalDate agreedOn, String recordedBy) {
        public Agreement {
            agreedBy = List.copyOf(agreedBy);
        }
    }

    /** One version; {@code agreement} is null while it is a draft. */
    public record Version(int number, String wishes, List<Goal> goals, String reason, String createdBy, LocalDate createdOn,
                          Agreement agreement) {
        public Version {
            goals = List.copyOf(goals);
        }

        public boolean draft() {
            return agreement == null;
        }
    }

    /** A goal as a form or the API sends it (codes as text, checked here). */
    public record GoalInput(Long personId, String goal, String department, String measure, String measureText, LocalDate deadline,
                            LocalDate reviewOn) {}

    /**
     * The next version. {@code basedOn}: the number of the version the change was made from (0 for the first plan);
     * another number than the latest is stale (409).
     */
    public static Version revise(Optional<Version> current, Integer basedOn, String wishes, List<GoalInput> goals, String reason,
                                 Collection<Long> members, String by, LocalDate today) {
        if (basedOn == null) throw ValidationException.of("version", "common.version.required");
        int latest = current.map(Version::number).orElse(0);
        if (basedOn != latest) throw ConflictException.stale();
        List<FieldProblem> problems = new ArrayList<>(Rules.problems(
                FamilyPlanPolicy.reasonRequired(latest, reason),
                Rules.when(Texts.isBlank(wishes), "wishes", "familywork.plan.wishes.required"),
                Rules.when(goals == null || goals.stream().allMatch(FamilyPlan::emptyGoal), "goals", "familywork.plan.goals.required")));
        Texts.check(problems, "wishes", wishes, WISHES_MAX);
        Texts.check(problems, "reason", reason, TEXT_MAX);
        List<Goal> clean = new ArrayList<>();
        if (goals != null) {
            for (int i = 0; i < goals.size(); i++) {
                GoalInput g = goals.get(i);
                if (emptyGoal(g)) continue;
                goalProblems("goals[" + i + "].", g, members, problems);
                if (problems.isEmpty()) {
                    clean.add(new Goal(g.personId(), g.goal().strip(), FamilyDepartment.valueOf(g.department()), FamilyMeasure.valueOf(g.measure()),
                            Texts.blankToNull(g.measureText()) == null ? null : g.measureText().strip(), g.deadline(), g.reviewOn()));
                }
            }
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        String why = Texts.isBlank(reason) ? FIRST_VERSION_REASON : reason.strip();
        return new Version(latest + 1, wishes.strip(), clean, why, by, today, null);
    }

    private static boolean emptyGoal(GoalInput g) {
        return g == null || (g.personId() == null && Texts.isBlank(g.goal()) && Texts.isBlank(g.measure()) && g.deadline() == null);
    }

    private static void goalProblems(String prefix, GoalInput g, Collection<Long> members, List<FieldProblem> problems) {
        FamilyAssessment.member(g.personId(), members).map(p -> prefixed(prefix, p)).ifPresent(problems::add);
        if (Texts.isBlank(g.goal())) problems.add(FieldProblem.of(prefix + "goal", "familywork.plan.goal.required"));
        Texts.check(problems, prefix + "goal", g.goal(), TEXT_MAX);
        FamilyAssessment.department(g.department()).map(p -> prefixed(prefix, p)).ifPresent(problems::add);
        FamilyMeasure measure = Enums.parseOrNull(FamilyMeasure.class, g.measure());
        if (measure == null) problems.add(FieldProblem.of(prefix + "measure", "familywork.plan.measure.required"));
        FamilyPlanPolicy.otherMeasureNamed(measure, g.measureText()).map(p -> prefixed(prefix, p)).ifPresent(problems::add);
        Texts.check(problems, prefix + "measureText", g.measureText(), FamilyAssessment.SHORT_MAX);
        if (g.deadline() == null) problems.add(FieldProblem.of(prefix + "deadline", "familywork.plan.deadline.required"));
        if (g.reviewOn() == null) problems.add(FieldProblem.of(prefix + "reviewOn", "familywork.plan.reviewOn.required"));
    }

    private static FieldProblem prefixed(String prefix, FieldProblem p) {
        return new FieldProblem(prefix + p.field(), p.code(), p.args());
    }

    /** Records the family's agreement to the current version {@code basedOn}; refused when stale or already agreed. */
    public static Agreement agree(Version current, Integer basedOn, List<Long> agreedBy, LocalDate on, Collection<Long> members,
                                  String recordedBy, LocalDate today) {
        if (basedOn == null) throw ValidationException.of("version", "common.version.required");
        if (current == null || current.number() != basedOn) throw ConflictException.stale();
        List<Long> who = agreedBy == null ? List.of() : agreedBy.stream().distinct().toList();
        List<FieldProblem> problems = Rules.problems(
                Rules.when(!current.draft(), "agreedBy", "familywork.plan.agreement.already"),
                Rules.when(who.isEmpty(), "agreedBy", "familywork.plan.agreement.who.required"),
                Rules.when(!members.containsAll(who), "agreedBy", "familywork.member.unknown"),
                Rules.when(on == null, "agreedOn", "familywork.plan.agreement.date.required"),
                Rules.when(on != null && on.isAfter(today), "agreedOn", "familywork.date.future"),
                Rules.when(on != null && on.isBefore(current.createdOn()), "agreedOn", "familywork.plan.agreement.beforeVersion"));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        return new Agreement(who, on, recordedBy);
    }

    /** A goal's status at a review. Achieved, not achieved and cancelled goals are finished (nothing more is due). */
    public enum GoalStatus {
        NOT_STARTED, IN_PROGRESS, ACHIEVED, NOT_ACHIEVED, CANCELLED;

        public boolean finished() {
            return this == ACHIEVED || this == NOT_ACHIEVED || this == CANCELLED;
        }

        public String labelKey() {
            return "familywork.goalStatus." + name();
        }
    }

    /** A review of a version: date, notes and each goal's status (in the version's goal order). */
    public record Review(int planVersion, LocalDate reviewedOn, String notes, List<GoalStatus> statuses, String reviewedBy) {
        public Review {
            statuses = List.copyOf(statuses);
        }
    }

    /** A review of the current version: an agreed plan, a date not in the future nor before the version, notes, a status per goal. */
    public static Review review(Version current, Integer basedOn, LocalDate on, String notes, List<String> statuses, String by, LocalDate today) {
        if (basedOn == null) throw ValidationException.of("version", "common.version.required");
        if (current == null || current.number() != basedOn) throw ConflictException.stale();
        List<FieldProblem> problems = new ArrayList<>(Rules.problems(
                Rules.when(current.draft(), "reviewedOn", "familywork.plan.review.notAgreed"),
                Rules.when(on == null, "reviewedOn", "familywork.plan.review.date.required"),
                Rules.when(on != null && on.isAfter(today), "reviewedOn", "familywork.date.future"),
                Rules.when(on != null && on.isBefore(current.createdOn()), "reviewedOn", "familywork.plan.review.beforeVersion"),
                Rules.when(Texts.isBlank(notes), "notes", "familywork.plan.review.notes.required")));
        Texts.check(problems, "notes", notes, WISHES_MAX);
        List<GoalStatus> parsed = new ArrayList<>();
        for (int i = 0; i < current.goals().size(); i++) {
            String s = statuses == null || i >= statuses.size() ? null : statuses.get(i);
            GoalStatus status = Enums.parseOrNull(GoalStatus.class, s);
            if (status == null) problems.add(FieldProblem.of("statuses[" + i + "]", "familywork.plan.review.status.required"));
            parsed.add(status);
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        return new Review(current.number(), on, notes.strip(), parsed, by);
    }

    /** What is overdue: a goal's deadline or its review date. */
    public enum DueKind { DEADLINE, REVIEW }

    /** A step of the current plan that is overdue: which goal (position, member, text), what and since when. */
    public record Overdue(int goal, long personId, String goalText, DueKind kind, LocalDate due) {}

    /**
     * The overdue steps of the current version: a goal not finished (by its latest review) whose deadline has passed, and
     * a goal not finished whose review date has passed without a review of this version on or after it.
     */
    public static List<Overdue> overdue(Version current, List<Review> reviews, LocalDate today) {
        List<Overdue> out = new ArrayList<>();
        List<Review> own = reviews.stream().filter(r -> r.planVersion() == current.number())
                .sorted(java.util.Comparator.comparing(Review::reviewedOn)).toList();
        for (int i = 0; i < current.goals().size(); i++) {
            Goal g = current.goals().get(i);
            boolean finished = !own.isEmpty() && own.getLast().statuses().size() > i && own.getLast().statuses().get(i).finished();
            if (finished) continue;
            if (g.deadline() != null && g.deadline().isBefore(today)) {
                out.add(new Overdue(i, g.personId(), g.goal(), DueKind.DEADLINE, g.deadline()));
            }
            if (g.reviewOn() != null && g.reviewOn().isBefore(today)
                    && own.stream().noneMatch(r -> !r.reviewedOn().isBefore(g.reviewOn()))) {
                out.add(new Overdue(i, g.personId(), g.goal(), DueKind.REVIEW, g.reviewOn()));
            }
        }
        return out;
    }

    /** The plan's rules, one named function each. */
    public static final class FamilyPlanPolicy {

        private FamilyPlanPolicy() {}

        /** Every version after the first says why the plan changes. */
        public static Optional<FieldProblem> reasonRequired(int latest, String reason) {
            return Rules.when(latest > 0 && Texts.isBlank(reason), "reason", "familywork.plan.reason.required");
        }

        /** The measure "other" is named in words. */
        public static Optional<FieldProblem> otherMeasureNamed(FamilyMeasure measure, String text) {
            return Rules.when(measure == FamilyMeasure.OTHER && Texts.isBlank(text), "measureText", "familywork.plan.measureText.required");
        }
    }
}
