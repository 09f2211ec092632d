package dk.vendepunkt.casework.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.casework.internal.EnrolmentService.EnrolmentLine;
import dk.vendepunkt.casework.internal.FollowUpService.Task;
import dk.vendepunkt.casework.internal.ReferralService.ReferralLine;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.PersonSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "Min sagsstamme": the ongoing forløb the user coordinates or whose team they are on, referrals of their teams
 * awaiting screening, and the follow-up tasks that are open or overdue. The view is audited as one READ "sagsstamme" entry listing every person shown.
 */
@Service
public class CaseloadService {

    private final EnrolmentAccess access;
    private final EnrolmentService enrolments;
    private final ReferralService referrals;
    private final FollowUpService followUps;
    private final ConsentTasks consentTasks;
    private final PersonDirectory people;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    CaseloadService(EnrolmentAccess access, EnrolmentService enrolments, ReferralService referrals, FollowUpService followUps,
                    ConsentTasks consentTasks, PersonDirectory people, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.consentTasks = consentTasks;
        this.access = access;
        this.enrolments = enrolments;
        this.referrals = referrals;
        this.followUps = followUps;
        this.people = people;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param consentTasks forløb whose consent was withdrawn: find another basis or end the processing */
    public record Caseload(List<Item<EnrolmentLine>> enrolments, List<ReferralLine> referrals, List<Item<Task>> followUps,
                           List<Item<ConsentTasks.Task>> consentTasks) {}

    /** A line with the person's name. */
    public record Item<T>(T line, String personName, boolean mine) {}

    public Caseload mine() {
        StaffMember user = access.caseStaff(null, null);
        List<EnrolmentLine> e = accessibleOnly(enrolments.ongoingFor(user.id(), user.teamIds()), EnrolmentLine::personId);
        List<ReferralLine> r = accessibleOnly(referrals.openInTeams(user.teamIds()), ReferralLine::personId);
        List<Task> f = accessibleOnly(followUps.openFor(user.id(), user.teamIds()), Task::personId);
        List<ConsentTasks.Task> c = accessibleOnly(consentTasks.openFor(user.id(), user.teamIds()), ConsentTasks.Task::personId);
        Set<Long> persons = new LinkedHashSet<>();
        e.forEach(l -> persons.add(l.personId()));
        r.forEach(l -> persons.add(l.personId()));
        f.forEach(t -> persons.add(t.personId()));
        c.forEach(t -> persons.add(t.personId()));
        Map<Long, String> names = names(persons);
        if (!persons.isEmpty()) audit.shown(AuditAction.READ, persons, "sagsstamme", null);
        return new Caseload(
                e.stream().map(l -> new Item<>(l, names.get(l.personId()), l.coordinatorId() != null && l.coordinatorId() == user.id())).toList(),
                r,
                f.stream().map(t -> new Item<>(t, names.get(t.personId()), false)).toList(),
                c.stream().map(t -> new Item<>(t, names.get(t.personId()), false)).toList());
    }

    // ---- the caseload page and its export: search, filter, sort, page ---------------------------------------------

    /** An ongoing forløb without a contact for this many days needs action. */
    public static final int NO_CONTACT_DAYS = 30;

    /** Why a forløb needs action. */
    public enum Attention {
        /** an action of the current plan is past its due date and neither done nor cancelled */
        ACTION_OVERDUE,
        /** ongoing, started more than {@link #NO_CONTACT_DAYS} days ago, and no contact in the last {@link #NO_CONTACT_DAYS} days */
        NO_RECENT_CONTACT
    }

    public enum Sort {
        /** ongoing first, then the newest start */
        START, NAME, PROGRAMME, PHASE, NUMBER
    }

    /**
     * What the caseload shows: {@code q} a name (part of it, any case) or a forløb number; {@code programme} and
     * {@code phase} codes; only forløb that need action; closed forløb too (after the ongoing ones).
     */
    public record Filter(String q, String programme, String phase, boolean needsAction, boolean includeClosed, Sort sort) {
        public static Filter of(String q, String programme, String phase, Boolean needsAction, Boolean includeClosed, String sort) {
            Sort s = Sort.START;
            for (Sort candidate : Sort.values()) if (candidate.name().equalsIgnoreCase(sort)) s = candidate;
            return new Filter(q == null || q.isBlank() ? null : q.strip(), blankToNull(programme), blankToNull(phase),
                    Boolean.TRUE.equals(needsAction), Boolean.TRUE.equals(includeClosed), s);
        }

        private static String blankToNull(String v) {
            return v == null || v.isBlank() ? null : v;
        }
    }

    /** A forløb in the caseload list: with the person's name, whether the user coordinates it, and why it needs action. */
    public record Row(EnrolmentLine line, String personName, boolean mine, Set<Attention> attention) {}

    /** One page of the caseload: the forløb matching the filter ({@code total} of them), referrals and follow-up tasks. */
    public record CaseloadPage(List<Row> enrolments, int page, int pages, int total, List<ReferralLine> referrals,
                               List<Item<Task>> followUps, List<Item<ConsentTasks.Task>> consentTasks) {}

    /**
     * The caseload page: one page of the forløb matching the filter, the referrals awaiting screening and the open or
     * overdue follow-up tasks. Audited as one READ "sagsstamme" entry naming every person shown.
     */
    public CaseloadPage page(Filter filter, int page, int pageSize) {
        StaffMember user = access.caseStaff(null, null);
        List<Row> all = rows(user, filter);
        int pages = Math.max(1, (all.size() + pageSize - 1) / pageSize);
        int p = Math.min(Math.max(page, 0), pages - 1);
        List<Row> shown = all.subList(p * pageSize, Math.min(all.size(), (p + 1) * pageSize));
        List<ReferralLine> r = accessibleOnly(referrals.openInTeams(user.teamIds()), ReferralLine::personId);
        List<Task> f = accessibleOnly(followUps.openFor(user.id(), user.teamIds()), Task::personId);
        List<ConsentTasks.Task> c = accessibleOnly(consentTasks.openFor(user.id(), user.teamIds()), ConsentTasks.Task::personId);
        Set<Long> persons = new LinkedHashSet<>();
        shown.forEach(row -> persons.add(row.line().personId()));
        r.forEach(l -> persons.add(l.personId()));
        f.forEach(t -> persons.add(t.personId()));
        c.forEach(t -> persons.add(t.personId()));
        Set<Long> named = new LinkedHashSet<>();
        f.forEach(t -> named.add(t.personId()));
        c.forEach(t -> named.add(t.personId()));
        Map<Long, String> names = names(named);
        if (!persons.isEmpty()) audit.shown(AuditAction.READ, persons, "sagsstamme", null);
        return new CaseloadPage(List.copyOf(shown), p, pages, all.size(), r,
                f.stream().map(t -> new Item<>(t, names.get(t.personId()), false)).toList(),
                c.stream().map(t -> new Item<>(t, names.get(t.personId()), false)).toList());
    }

    /** Every forløb matching the filter, for the export; audited as one READ "sagsstamme eksport" entry naming the persons. */
    public List<Row> export(Filter filter) {
        StaffMember user = access.caseStaff(null, null);
        List<Row> all = rows(user, filter);
        if (!all.isEmpty()) audit.shown(AuditAction.READ, all.stream().map(row -> row.line().personId()).distinct().toList(), "sagsstamme eksport", null);
        return all;
    }

    private List<Row> rows(StaffMember user, Filter filter) {
        List<EnrolmentLine> lines = accessibleOnly(filter.includeClosed() ? enrolments.allFor(user.id(), user.teamIds())
                        : enrolments.ongoingFor(user.id(), user.teamIds()), EnrolmentLine::personId)
                .stream()
                .filter(l -> filter.programme() == null || filter.programme().equals(l.programme()))
                .filter(l -> filter.phase() == null || filter.phase().equals(l.phase()))
                .toList();
        Map<Long, String> names = names(lines.stream().map(EnrolmentLine::personId).toList());
        Map<Long, Set<Attention>> attention = attention(lines.stream().filter(l -> l.endDate() == null).map(EnrolmentLine::id).toList());
        return lines.stream()
                .map(l -> new Row(l, names.get(l.personId()), l.coordinatorId() != null && l.coordinatorId() == user.id(),
                        attention.getOrDefault(l.id(), Set.of())))
                .filter(row -> matches(row, filter.q()))
                .filter(row -> !filter.needsAction() || !row.attention().isEmpty())
                .sorted(Comparator.comparing((Row row) -> row.line().endDate() != null).thenComparing(order(filter.sort())))
                .toList();
    }

    /** The lines whose person the user may work with, checked for the whole list at once (one query, not one per line). */
    private <T> List<T> accessibleOnly(List<T> lines, java.util.function.Function<T, Long> person) {
        if (lines.isEmpty()) return lines;
        Set<Long> open = people.accessible(lines.stream().map(person).toList());
        return lines.stream().filter(l -> open.contains(person.apply(l))).toList();
    }

    /** A name containing the text (any case), or the forløb number. */
    private static boolean matches(Row row, String q) {
        if (q == null) return true;
        String text = q.startsWith("#") ? q.substring(1) : q;
        if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) return String.valueOf(row.line().id()).equals(text);
        return row.personName() != null && row.personName().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT));
    }

    private static Comparator<Row> order(Sort sort) {
        Comparator<Row> newest = Comparator.comparing((Row row) -> row.line().startDate()).reversed()
                .thenComparing(Comparator.comparingLong((Row row) -> row.line().id()).reversed());
        Comparator<Row> byName = Comparator.comparing((Row row) -> row.personName() == null ? "" : row.personName(),
                java.text.Collator.getInstance(Locale.of("da", "DK")));
        return switch (sort) {
            case START -> newest;
            case NAME -> byName.thenComparing(newest);
            case PROGRAMME -> Comparator.comparing((Row row) -> row.line().programme()).thenComparing(byName);
            case PHASE -> Comparator.comparing((Row row) -> row.line().phaseName()).thenComparing(byName);
            case NUMBER -> Comparator.comparingLong((Row row) -> row.line().id());
        };
    }

    /** Why each of these ongoing forløb needs action (absent = none). */
    Map<Long, Set<Attention>> attention(List<Long> enrolmentIds) {
        Map<Long, Set<Attention>> out = new HashMap<>();
        if (enrolmentIds.isEmpty()) return out;
        LocalDate today = LocalDate.now(clock);
        Long[] ids = enrolmentIds.toArray(Long[]::new);
        jdbc.sql("""
                select distinct v.enrolment_id
                  from cw_plan_action a join cw_plan_goal g on g.id = a.goal_id join cw_plan_version v on v.id = g.plan_version_id
                 where v.enrolment_id = any(?) and a.due_date < ? and a.status in ('PLANNED', 'IN_PROGRESS')
                   and v.number = (select max(number) from cw_plan_version latest where latest.enrolment_id = v.enrolment_id)""")
                .params(ids, today).query(Long.class).list()
                .forEach(id -> out.computeIfAbsent(id, k -> EnumSet.noneOf(Attention.class)).add(Attention.ACTION_OVERDUE));
        LocalDate since = today.minusDays(NO_CONTACT_DAYS);
        jdbc.sql("""
                select e.id from cw_enrolment e
                 where e.id = any(?) and e.start_date < ?
                   and not exists (select 1 from cw_contact c where c.enrolment_id = e.id and c.contact_date between ? and ?)""")
                .params(ids, since, since, today).query(Long.class).list()
                .forEach(id -> out.computeIfAbsent(id, k -> EnumSet.noneOf(Attention.class)).add(Attention.NO_RECENT_CONTACT));
        return out;
    }

    /**
     * A person's referrals and forløb (person page, API) as far as they are the user's: those of the user's teams or
     * coordinated by the user; other teams' are left out, except through break-the-glass. Access to the person checked, the read audited.
     */
    public record PersonCases(long personId, List<ReferralLine> referrals, List<EnrolmentLine> enrolments) {}

    public PersonCases forPerson(long personId) {
        StaffMember user = access.caseStaff(personId, null);
        people.checkAccess(personId);
        audit.record(AuditAction.READ, personId, null, "henvisninger og forløb", null);
        // through break-the-glass all the person's forløb are open (each opening audited as BREAK_GLASS)
        boolean all = people.reach(personId) == dk.vendepunkt.people.PersonDirectory.Reach.BREAK_GLASS;
        return new PersonCases(personId, referrals.forPerson(personId, user, all), enrolments.forPerson(personId, user, all));
    }

    Map<Long, String> names(Collection<Long> personIds) {
        return people.summaries(personIds).stream().collect(Collectors.toMap(PersonSummary::id, PersonSummary::name, (a, b) -> a));
    }
}
