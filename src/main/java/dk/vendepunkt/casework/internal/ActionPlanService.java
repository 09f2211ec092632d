package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.domain.ActionPlan;
import dk.vendepunkt.casework.domain.ActionPlan.Action;
import dk.vendepunkt.casework.domain.ActionPlan.Agreement;
import dk.vendepunkt.casework.domain.ActionPlan.Goal;
import dk.vendepunkt.casework.domain.ActionPlan.Version;
import dk.vendepunkt.casework.domain.ActionStatus;
import dk.vendepunkt.casework.domain.LifeDomain;
import dk.vendepunkt.casework.domain.ResponsibleDepartment;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned action plan of a forløb: reading the current version and the history, and changes
 * that each store a new version (see {@link ActionPlan}). Access through {@link EnrolmentAccess}.
 */
@Service
public class ActionPlanService {

    static final String SUBJECT = "handleplan";

    private final JdbcClient jdbc;
    private final EnrolmentAccess access;
    private final Clock clock;

    ActionPlanService(JdbcClient jdbc, EnrolmentAccess access, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.access = access;
    }

    /** One line of the version history. */
    public record VersionSummary(int number, String reason, boolean agreed, LocalDate agreedOn, String createdBy, LocalDate createdOn,
                                 int goals, int actions, List<ActionPlan.Change> changes) {}

    /** The forløb with its current plan (empty before the first version) and the history, newest first. */
    public record PlanOverview(EnrolmentRef enrolment, Optional<Version> current, List<VersionSummary> history) {
        /** The version number a change must be based on (0 before the first version). */
        public int version() {
            return current.map(Version::number).orElse(0);
        }
    }

    /** A whole new content of the plan (API): {@code version} is the number it was made from (0 for a new plan). */
    public record PlanChange(Integer version, String reason, Boolean agreed, LocalDate agreedOn, List<Goal> goals) {}

    /** The reason and agreement that every change through the forms carries. */
    public record ChangeNote(int version, String reason, Boolean agreed, LocalDate agreedOn) {
        Agreement agreement() {
            return agreed == null ? null : new Agreement(agreed, agreedOn);
        }
    }

    // ------------------------------------------------------------------ reading

    public PlanOverview read(long enrolmentId) {
        EnrolmentRef e = access.read(enrolmentId, SUBJECT);
        return new PlanOverview(e, latest(e.id()), history(e.id()));
    }

    public Version version(long enrolmentId, int number) {
        EnrolmentRef e = access.read(enrolmentId, SUBJECT + " version " + number);
        return load(e.id(), number).orElseThrow(() -> new NotFoundException("caseplan.plan.versionNotFound", number));
    }

    /** Without access check or audit, for the module's own use after a check. */
    Optional<Version> latest(long enrolmentId) {
        return jdbc.sql("select max(number) from cw_plan_version where enrolment_id = ?").param(enrolmentId)
                .query(Integer.class).optional().flatMap(n -> load(enrolmentId, n));
    }

    /** The versions newest first, each with what changed from the version before. */
    List<VersionSummary> history(long enrolmentId) {
        List<Integer> numbers = jdbc.sql("select number from cw_plan_version where enrolment_id = ? order by number").param(enrolmentId)
                .query(Integer.class).list();
        List<VersionSummary> out = new ArrayList<>();
        Version previous = null;
        for (int n : numbers) {
            Version v = load(enrolmentId, n).orElseThrow();
            out.addFirst(new VersionSummary(v.number(), v.reason(), v.agreement().agreed(), v.agreement().date(), v.createdBy(), v.createdOn(),
                    v.goals().size(), v.goals().stream().mapToInt(g -> g.actions().size()).sum(), ActionPlan.changes(previous, v)));
            previous = v;
        }
        return out;
    }

    private Optional<Version> load(long enrolmentId, Integer number) {
        if (number == null) return Optional.empty();
        record Head(long id, int number, String reason, boolean agreed, LocalDate agreedOn, String by, LocalDate on) {}
        Optional<Head> head = jdbc.sql("""
                select id, number, reason, agreed, agreed_on, created_by, created_on from cw_plan_version
                 where enrolment_id = ? and number = ?""").params(enrolmentId, number)
                .query((rs, i) -> new Head(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4), rs.getObject(5, LocalDate.class),
                        rs.getString(6), rs.getObject(7, LocalDate.class))).optional();
        if (head.isEmpty()) return Optional.empty();
        Head h = head.get();
        Map<Long, List<Action>> actions = new LinkedHashMap<>();
        jdbc.sql("""
                select a.goal_id, a.text, a.department, a.responsible_person, a.due_date, a.status
                  from cw_plan_action a join cw_plan_goal g on g.id = a.goal_id where g.plan_version_id = ? order by a.goal_id, a.position""")
                .param(h.id()).query((rs, i) -> actions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Action(rs.getString(2),
                        ResponsibleDepartment.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class),
                        ActionStatus.valueOf(rs.getString(6))))).list();
        List<Goal> goals = jdbc.sql("select id, domain, text from cw_plan_goal where plan_version_id = ? order by position").param(h.id())
                .query((rs, i) -> new Goal(LifeDomain.valueOf(rs.getString(2)), rs.getString(3), actions.getOrDefault(rs.getLong(1), List.of())))
                .list();
        return Optional.of(new Version(h.number(), goals, h.reason(), new Agreement(h.agreed(), h.agreedOn()), h.by(), h.on()));
    }

    // ------------------------------------------------------------------ changing

    /** Replaces the plan's content with a new version (API). */
    @Transactional
    public Version revise(long enrolmentId, PlanChange change) {
        return change(enrolmentId, new ChangeNote(change.version() == null ? -1 : change.version(), change.reason(), change.agreed(),
                change.agreedOn()), current -> change.goals());
    }

    @Transactional
    public Version addGoal(long enrolmentId, ChangeNote note, Goal goal) {
        return change(enrolmentId, note, current -> ActionPlan.withGoal(current, goal));
    }

    @Transactional
    public Version removeGoal(long enrolmentId, ChangeNote note, int goalIndex) {
        return change(enrolmentId, note, current -> ActionPlan.withoutGoal(existing(current, note), goalIndex));
    }

    @Transactional
    public Version addAction(long enrolmentId, ChangeNote note, int goalIndex, Action action) {
        return change(enrolmentId, note, current -> ActionPlan.withAction(existing(current, note), goalIndex, action));
    }

    @Transactional
    public Version progress(long enrolmentId, ChangeNote note, int goalIndex, int actionIndex, ActionStatus status, LocalDate dueDate) {
        return change(enrolmentId, note, current -> {
            if (status == null) throw dk.vendepunkt.platform.ValidationException.of("status", "caseplan.plan.action.status.required");
            return ActionPlan.withActionProgress(existing(current, note), goalIndex, actionIndex, status, dueDate);
        });
    }

    private static Version existing(Optional<Version> current, ChangeNote note) {
        if (current.isEmpty() || current.get().number() != note.version()) throw ConflictException.stale();
        return current.get();
    }

    private Version change(long enrolmentId, ChangeNote note, Function<Optional<Version>, List<Goal>> edit) {
        EnrolmentRef e = access.write(enrolmentId, SUBJECT);
        // serialise changes of one plan: the forløb row is the lock
        jdbc.sql("select id from cw_enrolment where id = ? for update").param(e.id()).query(Long.class).single();
        Optional<Version> current = latest(e.id());
        int latest = current.map(Version::number).orElse(0);
        if (note.version() != latest) throw ConflictException.stale();
        Version next = ActionPlan.revise(current, note.version(), edit.apply(current), note.reason(), note.agreement(),
                CurrentUser.username(), LocalDate.now(clock));
        store(e.id(), next);
        return next;
    }

    /** Stores a version (also used by the demo data). */
    public void store(long enrolmentId, Version v) {
        long versionId;
        try {
            versionId = jdbc.sql("""
                    insert into cw_plan_version (enrolment_id, number, reason, agreed, agreed_on, created_by, created_on)
                    values (?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(enrolmentId, v.number(), v.reason(), v.agreement().agreed(), v.agreement().date(), v.createdBy(), v.createdOn())
                    .query(Long.class).single();
        } catch (DuplicateKeyException dup) {
            throw ConflictException.stale();
        }
        for (int g = 0; g < v.goals().size(); g++) {
            Goal goal = v.goals().get(g);
            long goalId = jdbc.sql("insert into cw_plan_goal (plan_version_id, position, domain, text) values (?, ?, ?, ?) returning id")
                    .params(versionId, g, goal.domain().name(), goal.text()).query(Long.class).single();
            for (int a = 0; a < goal.actions().size(); a++) {
                Action action = goal.actions().get(a);
                jdbc.sql("""
                        insert into cw_plan_action (goal_id, position, text, department, responsible_person, due_date, status)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(goalId, a, action.text(), action.department().name(), action.responsiblePerson(), action.dueDate(),
                                action.status().name()).update();
            }
        }
    }
}
