package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.domain.ActionStatus;
import dk.vendepunkt.casework.domain.LifeDomain;
import dk.vendepunkt.casework.domain.ResponsibleDepartment;
import dk.vendepunkt.casework.domain.RiskLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read-only figures of the plan for the casework core's pages (forløb overview, "Min sagsstamme"). The
 * callers have already checked access and audited through {@code EnrolmentAccess}; nothing here audits.
 */
@Service
public class PlanSummaries {

    private final JdbcClient jdbc;

    PlanSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The plan at a glance. Levels are null without assessments; {@code planVersion} 0 without a plan;
     * {@code mentorName} null without a current mentor.
     */
    public record Summary(RiskLevel baselineLevel, RiskLevel latestLevel, LocalDate latestAssessedOn, int planVersion, int goals,
                          int openActions, int overdueActions, String mentorName, long contacts, long contactsAttended,
                          BigDecimal purchasesApprovedOrPaid) {}

    /** An open action (planned or in progress) of the current plan version, with its due date. */
    public record OpenAction(long enrolmentId, LifeDomain domain, String text, ResponsibleDepartment department, String responsiblePerson,
                             LocalDate dueDate, ActionStatus status, boolean overdue) {}

    public Summary summary(EnrolmentRef e, LocalDate today) {
        long id = e.id();
        record Levels(RiskLevel first, RiskLevel last, LocalDate lastOn) {}
        Levels levels = jdbc.sql("""
                select (select risk_level from cw_assessment where enrolment_id = ? and kind = 'BASELINE'),
                       (select risk_level from cw_assessment where enrolment_id = ? order by assessed_on desc, id desc limit 1),
                       (select max(assessed_on) from cw_assessment where enrolment_id = ?)""").params(id, id, id)
                .query((rs, i) -> new Levels(level(rs.getString(1)), level(rs.getString(2)), rs.getObject(3, LocalDate.class))).single();
        List<OpenAction> open = openActions(List.of(id), today);
        record Plan(int version, int goals) {}
        Plan plan = jdbc.sql("""
                select coalesce(max(v.number), 0),
                       coalesce((select count(*) from cw_plan_goal g where g.plan_version_id =
                           (select id from cw_plan_version where enrolment_id = ? order by number desc limit 1)), 0)
                  from cw_plan_version v where v.enrolment_id = ?""").params(id, id)
                .query((rs, i) -> new Plan(rs.getInt(1), rs.getInt(2))).single();
        String mentor = jdbc.sql("""
                select name from cw_mentor where enrolment_id = ? and start_date <= ? and (end_date is null or end_date >= ?)
                 order by start_date desc limit 1""").params(id, today, today).query(String.class).optional().orElse(null);
        record Contacts(long all, long attended) {}
        Contacts contacts = jdbc.sql("select count(*), count(*) filter (where attended) from cw_contact where enrolment_id = ?").param(id)
                .query((rs, i) -> new Contacts(rs.getLong(1), rs.getLong(2))).single();
        BigDecimal bought = jdbc.sql("select coalesce(sum(amount), 0) from cw_pool_purchase where enrolment_id = ? and status in ('APPROVED', 'PAID')")
                .param(id).query(BigDecimal.class).single();
        return new Summary(levels.first(), levels.last(), levels.lastOn(), plan.version(), plan.goals(), open.size(),
                (int) open.stream().filter(OpenAction::overdue).count(), mentor, contacts.all(), contacts.attended(), bought);
    }

    /** Open actions of the current plan versions of these forløb, earliest due date first (no due date last). */
    public List<OpenAction> openActions(Collection<Long> enrolmentIds, LocalDate today) {
        if (enrolmentIds.isEmpty()) return List.of();
        return jdbc.sql("""
                select v.enrolment_id, g.domain, a.text, a.department, a.responsible_person, a.due_date, a.status
                  from cw_plan_version v
                  join cw_plan_goal g on g.plan_version_id = v.id
                  join cw_plan_action a on a.goal_id = g.id
                 where v.enrolment_id = any(?)
                   and v.number = (select max(number) from cw_plan_version x where x.enrolment_id = v.enrolment_id)
                   and a.status in ('PLANNED', 'IN_PROGRESS')
                 order by a.due_date nulls last, v.enrolment_id, g.position, a.position""")
                .param(enrolmentIds.toArray(Long[]::new))
                .query((rs, i) -> {
                    LocalDate due = rs.getObject(6, LocalDate.class);
                    return new OpenAction(rs.getLong(1), LifeDomain.valueOf(rs.getString(2)), rs.getString(3),
                            ResponsibleDepartment.valueOf(rs.getString(4)), rs.getString(5), due, ActionStatus.valueOf(rs.getString(7)),
                            due != null && due.isBefore(today));
                }).list();
    }

    private static RiskLevel level(String s) {
        return s == null ? null : RiskLevel.valueOf(s);
    }
}
