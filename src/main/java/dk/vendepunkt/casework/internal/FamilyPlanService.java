package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.domain.FamilyCase;
import dk.vendepunkt.casework.domain.FamilyDepartment;
import dk.vendepunkt.casework.domain.FamilyMeasure;
import dk.vendepunkt.casework.domain.FamilyPlan;
import dk.vendepunkt.casework.domain.FamilyPlan.Agreement;
import dk.vendepunkt.casework.domain.FamilyPlan.Goal;
import dk.vendepunkt.casework.domain.FamilyPlan.GoalInput;
import dk.vendepunkt.casework.domain.FamilyPlan.GoalStatus;
import dk.vendepunkt.casework.domain.FamilyPlan.Review;
import dk.vendepunkt.casework.domain.FamilyPlan.Version;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Member;
import dk.vendepunkt.platform.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The family action plan of a family case (issue 13 part 6, {@link FamilyPlan}): versions with a reason, the family's
 * agreement, reviews; every read and change through {@link FamilyCaseService#readPart}/{@link FamilyCaseService#write}.
 * {@link #overdueSteps} answers the team leader's view (no access check: the caller has chosen the cases).
 */
@Service
public class FamilyPlanService {

    static final String SUBJECT = "familiehandleplan";

    private final JdbcClient jdbc;
    private final FamilyCaseService cases;
    private final Families families;
    private final Clock clock;

    FamilyPlanService(JdbcClient jdbc, FamilyCaseService cases, Families families, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.families = families;
        this.clock = clock;
    }

    /** The plan with its current version (empty before the first), all versions newest first, and the reviews newest first. */
    public record PlanView(long familyCaseId, long familyId, String familyName, boolean caseClosed, Map<Long, String> members,
                           Optional<Version> current, List<Version> history, List<Review> reviews, List<FamilyPlan.Overdue> overdue) {
        /** The number a new version or an agreement must be based on (0 before the first version). */
        public int version() {
            return current.map(Version::number).orElse(0);
        }

        public String memberName(long personId) {
            return members.getOrDefault(personId, "?");
        }

        /** The members' names, comma-separated (who agreed). */
        public String memberNames(List<Long> personIds) {
            return String.join(", ", personIds.stream().map(this::memberName).toList());
        }
    }

    /** A new version (API and form): {@code version} is the number it was made from (0 for the first plan). */
    public record NewVersion(Integer version, String wishes, List<GoalInput> goals, String reason) {}

    public record NewAgreement(Integer version, List<Long> agreedBy, LocalDate agreedOn) {}

    public record NewReview(Integer version, LocalDate reviewedOn, String notes, List<String> statuses) {}

    // ------------------------------------------------------------------ reading

    public PlanView read(long caseId) {
        FamilyCase c = cases.readPart(caseId, SUBJECT);
        return view(c);
    }

    private PlanView view(FamilyCase c) {
        Families.Family f = families.find(c.familyId()).orElseThrow();
        Map<Long, String> names = new LinkedHashMap<>();
        f.currentMembers().forEach(m -> names.put(m.personId(), m.name()));
        f.members().forEach(m -> names.putIfAbsent(m.personId(), m.name()));
        List<Version> history = versions(c.id());
        Optional<Version> current = history.isEmpty() ? Optional.empty() : Optional.of(history.getFirst());
        List<Review> reviews = reviews(c.id());
        List<FamilyPlan.Overdue> overdue = current.map(v -> FamilyPlan.overdue(v, reviews, LocalDate.now(clock))).orElse(List.of());
        return new PlanView(c.id(), f.id(), f.name(), c.closed(), names, current, history, reviews, overdue);
    }

    /** Versions newest first. */
    private List<Version> versions(long caseId) {
        record Head(long id, int number, String wishes, String reason, String by, LocalDate on, LocalDate agreedOn, String recordedBy) {}
        List<Head> heads = jdbc.sql("""
                select id, number, wishes, reason, created_by, created_on, agreed_on, agreement_recorded_by from cw_family_plan_version
                 where family_case_id = ? order by number desc""").param(caseId)
                .query((rs, i) -> new Head(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8))).list();
        Map<Long, List<Goal>> goals = new LinkedHashMap<>();
        jdbc.sql("""
                select plan_version_id, person_id, goal, department, measure, measure_text, deadline, review_on from cw_family_plan_goal
                 where family_case_id = ? order by plan_version_id, position""").param(caseId)
                .query((rs, i) -> goals.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Goal(rs.getLong(2), rs.getString(3),
                        FamilyDepartment.valueOf(rs.getString(4)), FamilyMeasure.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class)))).list();
        Map<Long, List<Long>> agreed = new LinkedHashMap<>();
        jdbc.sql("select plan_version_id, person_id from cw_family_plan_agreement where family_case_id = ? order by person_id").param(caseId)
                .query((rs, i) -> agreed.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        return heads.stream().map(h -> new Version(h.number(), h.wishes(), goals.getOrDefault(h.id(), List.of()), h.reason(), h.by(), h.on(),
                h.agreedOn() == null ? null : new Agreement(agreed.getOrDefault(h.id(), List.of()), h.agreedOn(), h.recordedBy()))).toList();
    }

    /** Reviews newest first. */
    private List<Review> reviews(long caseId) {
        record Head(long id, int number, LocalDate on, String notes, String by) {}
        List<Head> heads = jdbc.sql("""
                select r.id, v.number, r.reviewed_on, r.notes, r.reviewed_by from cw_family_plan_review r
                  join cw_family_plan_version v on v.id = r.plan_version_id
                 where r.family_case_id = ? order by r.reviewed_on desc, r.id desc""").param(caseId)
                .query((rs, i) -> new Head(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5))).list();
        Map<Long, List<GoalStatus>> statuses = new LinkedHashMap<>();
        jdbc.sql("select review_id, status from cw_family_plan_review_goal where family_case_id = ? order by review_id, position").param(caseId)
                .query((rs, i) -> statuses.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(GoalStatus.valueOf(rs.getString(2)))).list();
        return heads.stream().map(h -> new Review(h.number(), h.on(), h.notes(), statuses.getOrDefault(h.id(), List.of()), h.by())).toList();
    }

    // ------------------------------------------------------------------ changing

    /** Stores a new version (the reason required from version 2; 409 when {@code version} is not the latest). */
    @Transactional
    public Version revise(long caseId, NewVersion n) {
        FamilyCase c = cases.write(caseId, SUBJECT + ": ny version");
        lock(caseId);
        Optional<Version> current = versions(caseId).stream().findFirst();
        Version next = FamilyPlan.revise(current, n.version(), n.wishes(), n.goals(), n.reason(), memberIds(c), CurrentUser.username(),
                LocalDate.now(clock));
        long versionId;
        try {
            versionId = jdbc.sql("""
                    insert into cw_family_plan_version (family_case_id, number, wishes, reason, created_by, created_on)
                    values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(caseId, next.number(), next.wishes(), next.reason(), next.createdBy(), next.createdOn()).query(Long.class).single();
        } catch (DuplicateKeyException dup) {
            throw dk.vendepunkt.platform.ConflictException.stale();
        }
        for (int i = 0; i < next.goals().size(); i++) {
            Goal g = next.goals().get(i);
            jdbc.sql("""
                    insert into cw_family_plan_goal (family_case_id, plan_version_id, position, person_id, goal, department, measure, measure_text,
                                                     deadline, review_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, versionId, i, g.personId(), g.goal(), g.department().name(), g.measure().name(), g.measureText(), g.deadline(),
                            g.reviewOn()).update();
        }
        return next;
    }

    /** Records the family's agreement to the current version (who agreed, on which date). */
    @Transactional
    public Version agree(long caseId, NewAgreement a) {
        FamilyCase c = cases.write(caseId, SUBJECT + ": familiens accept");
        lock(caseId);
        Version current = versions(caseId).stream().findFirst().orElse(null);
        Agreement agreement = FamilyPlan.agree(current, a.version(), a.agreedBy(), a.agreedOn(), memberIds(c), CurrentUser.username(),
                LocalDate.now(clock));
        long versionId = versionId(caseId, current.number());
        jdbc.sql("update cw_family_plan_version set agreed_on = ?, agreement_recorded_by = ? where id = ?")
                .params(agreement.agreedOn(), agreement.recordedBy(), versionId).update();
        for (long person : agreement.agreedBy()) {
            jdbc.sql("insert into cw_family_plan_agreement (family_case_id, plan_version_id, person_id) values (?, ?, ?)")
                    .params(caseId, versionId, person).update();
        }
        return versions(caseId).getFirst();
    }

    /** Records a review of the current (agreed) version: date, notes and each goal's status. */
    @Transactional
    public Review review(long caseId, NewReview r) {
        cases.write(caseId, SUBJECT + ": opfølgning");
        lock(caseId);
        Version current = versions(caseId).stream().findFirst().orElse(null);
        Review review = FamilyPlan.review(current, r.version(), r.reviewedOn(), r.notes(), r.statuses(), CurrentUser.username(),
                LocalDate.now(clock));
        long reviewId = jdbc.sql("""
                insert into cw_family_plan_review (family_case_id, plan_version_id, reviewed_on, notes, reviewed_by) values (?, ?, ?, ?, ?)
                returning id""").params(caseId, versionId(caseId, current.number()), review.reviewedOn(), review.notes(), review.reviewedBy())
                .query(Long.class).single();
        for (int i = 0; i < review.statuses().size(); i++) {
            jdbc.sql("insert into cw_family_plan_review_goal (family_case_id, review_id, position, status) values (?, ?, ?, ?)")
                    .params(caseId, reviewId, i, review.statuses().get(i).name()).update();
        }
        return review;
    }

    /** Changes of one case's plan are serialised on the case row. */
    private void lock(long caseId) {
        jdbc.sql("select id from cw_family_case where id = ? for update").param(caseId).query(Long.class).single();
    }

    private long versionId(long caseId, int number) {
        return jdbc.sql("select id from cw_family_plan_version where family_case_id = ? and number = ?").params(caseId, number)
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("familywork.plan.versionNotFound", number));
    }

    private List<Long> memberIds(FamilyCase c) {
        return families.find(c.familyId()).orElseThrow().currentMembers().stream().map(Member::personId).toList();
    }

    // ------------------------------------------------------------------ the team leader's view

    /** An overdue step of a case's current plan: a goal's deadline or review date that has passed. */
    public record OverdueStep(long caseId, FamilyPlan.DueKind what, long personId, String goal, LocalDate due) {}

    /**
     * The overdue deadlines and review dates of the given open cases' current plans, oldest first. No access check or
     * audit (the caller, e.g. the team leader's view, lists cases it has checked; the rows name no person but by id).
     */
    public List<OverdueStep> overdueSteps(Collection<Long> caseIds, LocalDate today) {
        List<OverdueStep> out = new ArrayList<>();
        for (long caseId : caseIds) {
            boolean open = jdbc.sql("select exists(select 1 from cw_family_case where id = ? and end_date is null)").param(caseId)
                    .query(Boolean.class).single();
            if (!open) continue;
            List<Version> versions = versions(caseId);
            if (versions.isEmpty()) continue;
            List<Review> reviews = reviews(caseId);
            for (FamilyPlan.Overdue o : FamilyPlan.overdue(versions.getFirst(), reviews, today)) {
                out.add(new OverdueStep(caseId, o.kind(), o.personId(), o.goalText(), o.due()));
            }
        }
        out.sort(java.util.Comparator.comparing(OverdueStep::due).thenComparing(OverdueStep::caseId));
        return out;
    }
}
