package dk.vendepunkt.casework.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditedAccessDenied;
import dk.vendepunkt.casework.domain.Phase;
import dk.vendepunkt.casework.domain.Programme;
import dk.vendepunkt.casework.internal.FamilyCaseService.CaseLine;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.organisation.Team;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Member;
import dk.vendepunkt.platform.Texts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the family-case pages and API read around {@link FamilyCaseService}: the filtered, paged list of the user's
 * cases with the programme's occupancy, a case's phase history and allowed next phases, the coordinator choices of a
 * team, and the team leader's overview (families per pair, each coordinator's load, cases without a pair, cases
 * overdue in a phase by {@code vendepunkt.family.phase-days.*}).
 */
@Service
public class FamilyCaseQueries {

    /** One page of the list; {@code capacity}: the FAMILY programme's capacity in families (null: none set). */
    public record CasePage(List<CaseLine> cases, int page, int pages, long total, long openCases, Integer capacity) {}

    /** A line of a case's phase history. */
    public record PhaseLine(String fromName, String toName, LocalDate changedOn, String reason, String changedBy) {}

    /** A core team member who can be a coordinator, with the department they come from. */
    public record Coordinator(long id, String name, String departmentCode) {}

    /** A case in the overview. */
    public record CaseRef(long id, String familyName, String phaseName) {}

    /** The families of one coordinator pair. */
    public record PairGroup(String coordinator1, String coordinator2, List<CaseRef> cases) {}

    /** A coordinator's load: open cases in which they are one of the pair. */
    public record Load(long userId, String name, String departmentCode, int openCases) {}

    /** A case longer in its phase than the phase's limit. */
    public record Overdue(long id, String familyName, String phaseName, LocalDate since, long days, int limit) {}

    /** The overview of one core team. */
    public record TeamOverview(long teamId, String teamName, List<PairGroup> pairs, List<Load> loads, List<CaseRef> unpaired,
                               List<Overdue> overdue) {}

    private final JdbcClient jdbc;
    private final FamilyCaseService cases;
    private final ProgrammeCatalogue programmes;
    private final StaffDirectory staff;
    private final CurrentUser currentUser;
    private final Families families;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Integer> phaseDays = new LinkedHashMap<>();

    FamilyCaseQueries(JdbcClient jdbc, FamilyCaseService cases, ProgrammeCatalogue programmes, StaffDirectory staff, CurrentUser currentUser,
                      Families families, AuditLog audit, Clock clock,
                      @Value("${vendepunkt.family.phase-days.opsporing:60}") int opsporing,
                      @Value("${vendepunkt.family.phase-days.udredning:90}") int udredning,
                      @Value("${vendepunkt.family.phase-days.indsats:365}") int indsats) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.programmes = programmes;
        this.staff = staff;
        this.currentUser = currentUser;
        this.families = families;
        this.audit = audit;
        this.clock = clock;
        phaseDays.put("OPSPORING", opsporing);
        phaseDays.put("UDREDNING", udredning);
        phaseDays.put("INDSATS", indsats);
    }

    /** The days a case may stay in each phase before the overview calls it overdue. */
    public Map<String, Integer> phaseDays() {
        return Map.copyOf(phaseDays);
    }

    /**
     * The user's teams' cases, open first; {@code phase} filters on the phase, {@code q} on the family's name,
     * {@code familyId} on one family; {@code size} per page.
     */
    public CasePage list(String phase, String q, Long familyId, int page, int size) {
        StaffMember u = caseStaff();
        String needle = Texts.isBlank(q) ? null : q.trim().toLowerCase(Locale.ROOT);
        List<CaseLine> all = cases.forTeams(u, true).stream()
                .filter(c -> Texts.isBlank(phase) || c.phase().equals(phase))
                .filter(c -> needle == null || c.familyName().toLowerCase(Locale.ROOT).contains(needle))
                .filter(c -> familyId == null || c.familyId() == familyId)
                .toList();
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int p = Math.min(Math.max(page, 0), pages - 1);
        List<CaseLine> shown = all.subList(p * size, Math.min(all.size(), (p + 1) * size));
        List<Long> members = new ArrayList<>();
        for (CaseLine c : shown) families.find(c.familyId()).ifPresent(f -> f.currentMembers().forEach(m -> members.add(m.personId())));
        if (!members.isEmpty()) audit.shown(AuditAction.READ, members.stream().distinct().toList(), "familiesager: liste", null);
        long open = jdbc.sql("select count(*) from cw_family_case where end_date is null").query(Long.class).single();
        return new CasePage(shown, p, pages, all.size(), open, programmes.get(FamilyCaseService.PROGRAMME).capacityPerYear());
    }

    /** The phases of the FAMILY programme (for the list's filter). */
    public List<Phase> phases() {
        return programmes.get(FamilyCaseService.PROGRAMME).phases();
    }

    /** The case's phase history, oldest first (read after the case itself, which checks access and audits). */
    public List<PhaseLine> history(long caseId) {
        Programme p = programmes.get(FamilyCaseService.PROGRAMME);
        return jdbc.sql("""
                select from_phase, to_phase, changed_on, reason, changed_by from cw_family_phase_change
                 where family_case_id = ? order by changed_on, id""").param(caseId)
                .query((rs, i) -> new PhaseLine(rs.getString(1) == null ? null : p.phaseName(rs.getString(1)), p.phaseName(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getString(4), staff.displayName(rs.getString(5)))).list();
    }

    /** The phases the case may move to by a phase change (the closing phase is reached by the closure). */
    public List<Phase> nextPhases(String phase) {
        Programme p = programmes.get(FamilyCaseService.PROGRAMME);
        return p.nextPhases(phase).stream().filter(x -> !x.closing()).toList();
    }

    /** The enabled core team members of the team, by name: the choices of the coordinator pair. */
    public List<Coordinator> coordinators(long teamId) {
        return coreTeam(teamId).stream().map(s -> new Coordinator(s.id(), s.displayName(), s.departmentCode())).toList();
    }

    private List<StaffMember> coreTeam(long teamId) {
        return staff.all().stream().filter(StaffMember::enabled).filter(s -> s.teamIds().contains(teamId))
                .filter(s -> s.functions().contains(StaffFunction.CORE_TEAM_MEMBER))
                .sorted(Comparator.comparing(StaffMember::displayName)).toList();
    }

    /** The user's teams (for the team choice when opening a case). */
    public List<Team> myTeams() {
        StaffMember u = caseStaff();
        return staff.teams().stream().filter(t -> u.teamIds().contains(t.id())).toList();
    }

    private record OpenCase(long id, long familyId, long teamId, String phase, LocalDate since, Long c1, Long c2) {}

    /**
     * The team leader's view of each of the user's teams that has core team members or family cases: the families per
     * coordinator pair, each core team member's load (open cases, highest first), cases without a pair and cases
     * overdue in their phase (most days over the limit first). Families barred from the user are counted in the
     * loads but not named. The family names shown are audited as a READ of their members.
     */
    public List<TeamOverview> overview() {
        StaffMember u = caseStaff();
        Programme p = programmes.get(FamilyCaseService.PROGRAMME);
        LocalDate today = LocalDate.now(clock);
        List<OpenCase> open = jdbc.sql("""
                select c.id, c.family_id, c.team_id, c.phase,
                       coalesce((select max(changed_on) from cw_family_phase_change where family_case_id = c.id), c.opened_on),
                       c.coordinator_1, c.coordinator_2
                  from cw_family_case c where c.end_date is null and c.family_id is not null and c.team_id = any(?) order by c.id""")
                .param(u.teamIds().toArray(Long[]::new))
                .query((rs, i) -> new OpenCase(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                        (Long) rs.getObject(6), (Long) rs.getObject(7))).list();
        Map<Long, String> names = new LinkedHashMap<>();
        List<Long> shownMembers = new ArrayList<>();
        for (OpenCase c : open) {
            if (families.canAccess(c.familyId())) {
                var f = families.find(c.familyId()).orElseThrow();
                names.put(c.id(), f.name());
                f.currentMembers().stream().map(Member::personId).forEach(shownMembers::add);
            }
        }
        List<TeamOverview> out = new ArrayList<>();
        for (Team t : staff.teams().stream().filter(t -> u.teamIds().contains(t.id())).sorted(Comparator.comparing(Team::name)).toList()) {
            List<OpenCase> mine = open.stream().filter(c -> c.teamId() == t.id()).toList();
            List<StaffMember> core = coreTeam(t.id());
            if (mine.isEmpty() && core.isEmpty()) continue;
            Map<List<Long>, List<CaseRef>> byPair = new LinkedHashMap<>();
            List<CaseRef> unpaired = new ArrayList<>();
            List<Overdue> overdue = new ArrayList<>();
            for (OpenCase c : mine) {
                CaseRef ref = new CaseRef(c.id(), names.get(c.id()), p.phaseName(c.phase()));
                if (c.c1() == null || c.c2() == null) unpaired.add(ref);
                else byPair.computeIfAbsent(List.of(Math.min(c.c1(), c.c2()), Math.max(c.c1(), c.c2())), k -> new ArrayList<>()).add(ref);
                Integer limit = phaseDays.get(c.phase());
                long days = ChronoUnit.DAYS.between(c.since(), today);
                if (limit != null && days > limit) overdue.add(new Overdue(c.id(), ref.familyName(), ref.phaseName(), c.since(), days, limit));
            }
            List<PairGroup> pairs = byPair.entrySet().stream()
                    .map(e -> new PairGroup(name(e.getKey().get(0)), name(e.getKey().get(1)), e.getValue()))
                    .sorted(Comparator.comparing(PairGroup::coordinator1).thenComparing(PairGroup::coordinator2)).toList();
            List<Load> loads = core.stream().map(s -> new Load(s.id(), s.displayName(), s.departmentCode(),
                            (int) mine.stream().filter(c -> Objects.equals(c.c1(), s.id()) || Objects.equals(c.c2(), s.id())).count()))
                    .sorted(Comparator.comparingInt(Load::openCases).reversed().thenComparing(Load::name)).toList();
            overdue.sort(Comparator.comparingLong((Overdue o) -> o.days() - o.limit()).reversed().thenComparingLong(Overdue::id));
            out.add(new TeamOverview(t.id(), t.name(), pairs, loads, unpaired, overdue));
        }
        if (!shownMembers.isEmpty()) audit.shown(AuditAction.READ, shownMembers.stream().distinct().toList(), "familiesager: teamoversigt", null);
        return out;
    }

    private String name(long userId) {
        return staff.find(userId).map(StaffMember::displayName).orElse("?");
    }

    private StaffMember caseStaff() {
        StaffMember u = currentUser.require();
        if (!u.hasRole(Role.CASEWORKER) && !u.hasRole(Role.PROGRAMME_MANAGER)) {
            audit.record(AuditAction.DENIED, null, null, "familiesager", "rollen giver ikke adgang");
            throw new AuditedAccessDenied("Only caseworkers and programme managers work with family cases");
        }
        return u;
    }
}
