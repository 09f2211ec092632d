package dk.vendepunkt.casework.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditedAccessDenied;
import dk.vendepunkt.casework.domain.Channel;
import dk.vendepunkt.casework.domain.ClosureReason;
import dk.vendepunkt.casework.domain.FollowUpKind;
import dk.vendepunkt.casework.domain.Occupancy;
import dk.vendepunkt.casework.domain.Programme;
import dk.vendepunkt.casework.domain.WaitingList;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.PersonSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The programme dashboard: occupancy against årspladser (see {@link Occupancy} for the definition), the waiting
 * list in priority order, intake by channel, closures by reason and overdue follow-ups. Programme managers see the
 * waiting list and the overdue follow-ups by name (each person shown is audited); analysts only the counts.
 */
@Service
public class ProgrammeDashboard {

    private final JdbcClient jdbc;
    private final ProgrammeCatalogue programmes;
    private final FollowUpService followUps;
    private final PersonDirectory people;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    ProgrammeDashboard(JdbcClient jdbc, ProgrammeCatalogue programmes, FollowUpService followUps, PersonDirectory people,
                       CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.followUps = followUps;
        this.people = people;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    public record Count(String code, long count) {}

    public record WaitingLine(int position, long referralId, long personId, String personName, boolean gangRelated,
                              LocalDate referredOn, String channel, long daysWaiting) {}

    public record OverdueLine(long followUpId, long enrolmentId, long personId, String personName, String kind, LocalDate dueDate) {}

    /** A 3-month follow-up recorded with a status date outside the measurement window (not counted in the effect measure). */
    public record LateLine(long followUpId, long enrolmentId, long personId, String personName, LocalDate statusDate,
                           FollowUpKind.Window window) {}

    /**
     * @param waitingList      null unless the user is a programme manager
     * @param overdueFollowUps null unless the user is a programme manager
     * @param lateFollowUps    null unless the user is a programme manager
     */
    public record Dashboard(String programme, String programmeName, Integer capacityPerYear, int year, LocalDate asOf,
                            Occupancy occupancy, List<Occupancy> occupancyByYear, long ongoing, long awaitingScreening,
                            long waitingCount, List<WaitingLine> waitingList, List<Count> intakeByChannel, long referrals,
                            long started, List<Count> closuresByReason, long closures, long overdueCount,
                            List<OverdueLine> overdueFollowUps, long lateCount, List<LateLine> lateFollowUps) {}

    /** A programme with its current figures for the overview page. */
    public record Summary(String code, String name, Integer capacityPerYear, Occupancy occupancy, long ongoing, long waitingCount,
                          long overdueCount) {}

    private boolean manager() {
        return currentUser.hasRole(Role.PROGRAMME_MANAGER);
    }

    private void requireViewer() {
        if (!manager() && !currentUser.hasRole(Role.ANALYST)) {
            audit.record(AuditAction.DENIED, null, null, "programoversigt", "rollen giver ikke adgang");
            throw new AuditedAccessDenied("Programme figures are for programme managers and analysts");
        }
    }

    public List<Summary> summaries() {
        requireViewer();
        LocalDate asOf = today();
        return programmes.active().stream().map(p -> new Summary(p.code(), p.name(), p.capacityPerYear(),
                Occupancy.of(spans(p.code()), asOf.getYear(), asOf, p.capacityPerYear()), ongoing(p.code()),
                count("select count(*) from cw_referral where programme = ? and status = 'WAITING'", p.code()),
                followUps.overdueCount(p.code()))).toList();
    }

    public Dashboard dashboard(String code, Integer requestedYear) {
        requireViewer();
        Programme p = programmes.get(code);
        LocalDate asOf = today();
        int year = requestedYear == null ? asOf.getYear() : requestedYear;
        List<Occupancy.Span> spans = spans(code);
        int firstYear = spans.stream().map(s -> s.start().getYear()).min(Integer::compare).orElse(asOf.getYear());
        List<Occupancy> byYear = new ArrayList<>();
        for (int y = firstYear; y <= asOf.getYear(); y++) byYear.add(Occupancy.of(spans, y, asOf, p.capacityPerYear()));
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);

        Map<String, Long> channels = counts("select channel, count(*) from cw_referral where programme = ? and referred_on between ? and ? group by channel",
                code, from, to);
        List<Count> intake = Arrays.stream(Channel.values()).map(c -> new Count(c.name(), channels.getOrDefault(c.name(), 0L))).toList();
        Map<String, Long> reasons = counts("select closure_reason, count(*) from cw_enrolment where programme = ? and end_date between ? and ? group by closure_reason",
                code, from, to);
        List<Count> closures = Arrays.stream(ClosureReason.values()).map(r -> new Count(r.name(), reasons.getOrDefault(r.name(), 0L))).toList();
        long started = count("select count(*) from cw_enrolment where programme = ? and start_date between ? and ?", code, from, to);

        List<WaitingList.Entry> waiting = jdbc.sql("select id, person_id, coalesce(gang_related, false), referred_on from cw_referral where programme = ? and status = 'WAITING'")
                .param(code).query((rs, i) -> new WaitingList.Entry(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getObject(4, LocalDate.class)))
                .list();
        List<WaitingLine> waitingLines = null;
        List<OverdueLine> overdueLines = null;
        List<LateLine> lateLines = null;
        long overdueCount = followUps.overdueCount(code);
        List<FollowUpService.Late> late = followUps.outsideWindow(code);
        if (manager()) {
            List<WaitingList.Entry> ordered = WaitingList.order(waiting, p.gangPriority());
            List<FollowUpService.Task> overdue = followUps.overdue(code);
            List<Long> ids = new ArrayList<>(ordered.stream().map(WaitingList.Entry::personId).toList());
            overdue.forEach(t -> ids.add(t.personId()));
            late.forEach(t -> ids.add(t.personId()));
            Map<Long, String> names = people.summaries(ids).stream().collect(Collectors.toMap(PersonSummary::id, PersonSummary::name));
            Map<Long, String> channelOf = jdbc.sql("select id, channel from cw_referral where programme = ? and status = 'WAITING'").param(code)
                    .query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            // a person barred by a restriction is left out of the rows (the counts stay whole); positions stay true
            Set<Long> barred = people.barred(ids);
            waitingLines = new ArrayList<>();
            int pos = 1;
            for (WaitingList.Entry e : ordered) {
                if (barred.contains(e.personId())) {
                    pos++;
                    continue;
                }
                waitingLines.add(new WaitingLine(pos++, e.referralId(), e.personId(), names.get(e.personId()), e.gangRelated(), e.referredOn(),
                        channelOf.get(e.referralId()), ChronoUnit.DAYS.between(e.referredOn(), asOf)));
            }
            List<Long> shown = waitingLines.stream().map(WaitingLine::personId).toList();
            if (!shown.isEmpty()) audit.shown(AuditAction.READ, shown, "venteliste " + code, null);
            overdue = overdue.stream().filter(t -> !barred.contains(t.personId())).toList();
            overdueLines = overdue.stream().map(t -> new OverdueLine(t.id(), t.enrolmentId(), t.personId(), names.get(t.personId()),
                    t.kind(), t.dueDate())).toList();
            overdue.forEach(t -> audit.record(AuditAction.READ, t.personId(), t.enrolmentId(), "manglende opfølgning " + code, null));
            lateLines = late.stream().map(t -> new LateLine(t.id(), t.enrolmentId(), t.personId(), names.get(t.personId()), t.statusDate(),
                    t.window())).toList();
            late.forEach(t -> audit.record(AuditAction.READ, t.personId(), t.enrolmentId(), "opfølgning uden for målevinduet " + code, null));
        }
        return new Dashboard(code, p.name(), p.capacityPerYear(), year, asOf,
                Occupancy.of(spans, year, asOf, p.capacityPerYear()), byYear, ongoing(code),
                count("select count(*) from cw_referral where programme = ? and status = 'RECEIVED'", code),
                waiting.size(), waitingLines, intake, intake.stream().mapToLong(Count::count).sum(), started, closures,
                closures.stream().mapToLong(Count::count).sum(), overdueCount, overdueLines, late.size(), lateLines);
    }

    private List<Occupancy.Span> spans(String code) {
        return jdbc.sql("select start_date, end_date from cw_enrolment where programme = ?").param(code)
                .query((rs, i) -> new Occupancy.Span(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class))).list();
    }

    /** Ongoing forløb of a programme (an aggregate; shown at screening next to the capacity). */
    public long ongoingCount(String code) {
        return ongoing(code);
    }

    private long ongoing(String code) {
        return count("select count(*) from cw_enrolment where programme = ? and end_date is null", code);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private Map<String, Long> counts(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
