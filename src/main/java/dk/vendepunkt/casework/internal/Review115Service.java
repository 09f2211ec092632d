package dk.vendepunkt.casework.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditedAccessDenied;
import dk.vendepunkt.casework.domain.Decision;
import dk.vendepunkt.casework.domain.Review115Decision;
import dk.vendepunkt.casework.domain.Review115Outcome;
import dk.vendepunkt.casework.domain.Review115Policy;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.organisation.Team;
import dk.vendepunkt.people.LegalBases;
import dk.vendepunkt.people.LegalBasis;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.PersonSummary;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The §115 review: meetings of a team with the police about the persons on the police's list, and an immutable log
 * of decisions per person (amendments append, ADR 0022). Only caseworkers and programme managers of the meeting's
 * team reach a meeting; anyone else gets 403 and a DENIED audit row. Every read and change is audited; a person a
 * restriction bars from the user is shown without name and cannot be decided on (the people module's one rule).
 */
@Service
public class Review115Service {

    static final int PAGE_SIZE = 20;

    private final JdbcClient jdbc;
    private final PersonDirectory people;
    private final LegalBases legalBases;
    private final CurrentUser currentUser;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Review115Service(JdbcClient jdbc, PersonDirectory people, LegalBases legalBases, CurrentUser currentUser, StaffDirectory staff,
                     AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.legalBases = legalBases;
        this.currentUser = currentUser;
        this.staff = staff;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A participant: staff by name and department, the police by name and unit. */
    public record Participant(String kind, String name, String unit) {}

    /** A new meeting; {@code legalBasis} defaults to RPL_115. */
    public record NewMeeting(Long teamId, LocalDate meetingDate, String legalBasis, List<Participant> staff, String policeName,
                             String policeUnit) {}

    /** A person discussed: a person the team knows ({@code personId}) or the minimum to register one (CPR and name). */
    public record NewPerson(Long personId, String cpr, String firstName, String lastName, String note) {}

    /** A decision on a person; an amendment names the decision in force ({@code amends}) and why. */
    public record DecisionRequest(String outcome, String reason, Long amends, String amendmentReason, Integer version) {}

    public record MeetingLine(long id, LocalDate meetingDate, long teamId, String teamName, int persons, int undecided) {}

    public record MeetingPage(List<MeetingLine> items, long total, int page, int size) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public int pages() {
            return (int) ((total + size - 1) / size);
        }
    }

    /** A decision in the log; {@code supersededBy} is the amendment that replaced it (null while in force). */
    public record LoggedDecision(long id, Review115Outcome outcome, String reason, LocalDate decidedOn, String decidedBy, Long amends,
                                 String amendmentReason, Long supersededBy) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public boolean inForce() {
            return supersededBy == null;
        }
    }

    /**
     * A person discussed, with the decisions (oldest first) and how many earlier meetings discussed them; name and CPR
     * are null when a restriction bars the person from the user.
     */
    public record DiscussedPerson(long personId, String name, String maskedCpr, String note, int earlierAppearances,
                                  List<LoggedDecision> decisions, int version) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public LoggedDecision inForce() {
            return decisions.stream().filter(LoggedDecision::inForce).findFirst().orElse(null);
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public boolean restricted() {
            return name == null;
        }
    }

    public record Meeting(long id, long teamId, String teamName, LocalDate meetingDate, String legalBasis, String legalBasisName,
                          String legalBasisParagraph, List<Participant> participants, List<DiscussedPerson> persons, int version) {}

    private record MeetingRow(long id, long teamId, LocalDate meetingDate, String legalBasis, int version) {}

    private record PersonRow(long id, long personId, String note, int version) {}

    // ---- meetings -------------------------------------------------------------------------------------------

    /** The meetings of the user's teams, newest first. */
    public MeetingPage list(int page) {
        StaffMember u = caseStaff(null);
        int p = Math.max(page, 0);
        Set<Long> teams = u.teamIds();
        if (teams.isEmpty()) return new MeetingPage(List.of(), 0, p, PAGE_SIZE);
        long total = jdbc.sql("select count(*) from cw_review115_meeting where team_id in (:teams)").param("teams", teams)
                .query(Long.class).single();
        List<MeetingLine> lines = jdbc.sql("""
                select m.id, m.meeting_date, m.team_id,
                       (select count(*) from cw_review115_person rp where rp.meeting_id = m.id),
                       (select count(*) from cw_review115_person rp where rp.meeting_id = m.id
                           and not exists (select 1 from cw_review115_decision d where d.review_person_id = rp.id))
                  from cw_review115_meeting m where m.team_id in (:teams)
                 order by m.meeting_date desc, m.id desc limit :size offset :offset""")
                .param("teams", teams).param("size", PAGE_SIZE).param("offset", p * PAGE_SIZE)
                .query((rs, i) -> new MeetingLine(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3), teamName(rs.getLong(3)),
                        rs.getInt(4), rs.getInt(5))).list();
        audit.record(AuditAction.READ, null, null, "§115-møder", "oversigt, side " + (p + 1));
        return new MeetingPage(lines, total, p, PAGE_SIZE);
    }

    /** The teams the user may hold a meeting for. */
    public List<Team> teams() {
        Set<Long> mine = currentUser.teamIds();
        return staff.teams().stream().filter(t -> mine.contains(t.id())).toList();
    }

    @Transactional
    public long create(NewMeeting m) {
        StaffMember u = caseStaff(null);
        if (m.teamId() != null && !u.teamIds().contains(m.teamId())) {
            audit.record(AuditAction.DENIED, null, null, "§115-møde", "nyt møde for et team, brugeren ikke er med i (team " + m.teamId() + ")");
            throw new AuditedAccessDenied("Not a member of the meeting's team");
        }
        String basis = m.legalBasis() == null || m.legalBasis().isBlank() ? LegalBasis.RPL_115 : m.legalBasis();
        Optional<LegalBasis> known = legalBases.find(basis);
        List<Participant> staffParticipants = (m.staff() == null ? List.<Participant>of() : m.staff()).stream()
                .filter(p -> p != null && (!Texts.isBlank(p.name()) || !Texts.isBlank(p.unit()))).toList();
        List<FieldProblem> problems = new ArrayList<>();
        if (m.teamId() == null) problems.add(FieldProblem.of("teamId", "review115.team.required"));
        Stream.of(Review115Policy.meetingDateRequired(m.meetingDate()),
                        Review115Policy.meetingNotInTheFuture(m.meetingDate(), LocalDate.now(clock)),
                        Review115Policy.legalBasisKnownAndNotConsent(known.isPresent(), known.map(LegalBasis::consent).orElse(false)),
                        Review115Policy.staffParticipantRequired(staffParticipants.size()),
                        Review115Policy.policeParticipantRequired(m.policeName(), m.policeUnit()))
                .flatMap(Optional::stream).forEach(problems::add);
        for (int i = 0; i < staffParticipants.size(); i++) {
            Participant p = staffParticipants.get(i);
            if (Texts.isBlank(p.name()) || Texts.isBlank(p.unit())) problems.add(FieldProblem.of("staff", "review115.staff.incomplete", i + 1));
            Texts.check(problems, "staff", p.name(), Texts.SHORT);
            Texts.check(problems, "staff", p.unit(), Texts.SHORT);
        }
        Texts.check(problems, "policeName", m.policeName(), Texts.SHORT);
        Texts.check(problems, "policeUnit", m.policeUnit(), Texts.SHORT);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        long id = jdbc.sql("""
                insert into cw_review115_meeting (team_id, meeting_date, legal_basis, created_by) values (?, ?, ?, ?) returning id""")
                .params(m.teamId(), m.meetingDate(), basis, u.username()).query(Long.class).single();
        for (Participant p : staffParticipants) insertParticipant(id, "STAFF", p.name(), p.unit());
        insertParticipant(id, "POLICE", m.policeName(), m.policeUnit());
        audit.record(AuditAction.CREATE, null, null, "§115-møde " + id, "møde den " + dk.vendepunkt.platform.DanishDates.format(m.meetingDate()));
        return id;
    }

    private void insertParticipant(long meetingId, String kind, String name, String unit) {
        jdbc.sql("insert into cw_review115_participant (meeting_id, kind, name, unit) values (?, ?, ?, ?)")
                .params(meetingId, kind, name.strip(), unit.strip()).update();
    }

    /** The meeting with its persons and their decisions; one audit row names every person shown. */
    public Meeting get(long meetingId) {
        return view(meetingId, null);
    }

    /** The meeting with only this person discussed (the decision page); audited for that person only. */
    public Meeting discussed(long meetingId, long personId) {
        Meeting m = view(meetingId, personId);
        if (m.persons().isEmpty()) throw new NotFoundException("review115.person.notFound", personId);
        return m;
    }

    private Meeting view(long meetingId, Long onlyPerson) {
        MeetingRow m = checked(meetingId);
        List<PersonRow> rows = jdbc.sql("select id, person_id, note, version from cw_review115_person where meeting_id = ? order by id")
                .param(meetingId).query((rs, i) -> new PersonRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4))).list()
                .stream().filter(r -> onlyPerson == null || r.personId() == onlyPerson).toList();
        List<Long> personIds = rows.stream().map(PersonRow::personId).toList();
        Set<Long> barred = people.barred(personIds);
        Map<Long, PersonSummary> summaries = new LinkedHashMap<>();
        people.summaries(personIds).forEach(s -> summaries.put(s.id(), s));
        Map<Long, List<LoggedDecision>> decisions = decisions(rows.stream().map(PersonRow::id).toList());
        List<DiscussedPerson> persons = rows.stream().map(r -> {
            PersonSummary s = barred.contains(r.personId()) ? null : summaries.get(r.personId());
            return new DiscussedPerson(r.personId(), s == null ? null : s.name(), s == null ? null : s.maskedCpr(),
                    s == null ? null : r.note(), earlierAppearances(r.personId(), m), decisions.getOrDefault(r.id(), List.of()), r.version());
        }).toList();
        List<Participant> participants = jdbc.sql("select kind, name, unit from cw_review115_participant where meeting_id = ? order by kind desc, id")
                .param(meetingId).query((rs, i) -> new Participant(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        Optional<LegalBasis> basis = legalBases.find(m.legalBasis());
        audit.shown(AuditAction.READ, personIds.stream().filter(p -> !barred.contains(p)).toList(), "§115-møde " + meetingId, null);
        return new Meeting(m.id(), m.teamId(), teamName(m.teamId()), m.meetingDate(), m.legalBasis(),
                basis.map(LegalBasis::name).orElse(m.legalBasis()), basis.map(LegalBasis::paragraph).orElse(null), participants, persons,
                m.version());
    }

    // ---- persons --------------------------------------------------------------------------------------------

    /**
     * Adds a person to the meeting: one the team knows, or registered (or found) in people by CPR and name with the
     * meeting's team granted access to the master data only. Returns the person's id.
     */
    @Transactional
    public long addPerson(long meetingId, NewPerson p) {
        MeetingRow m = checked(meetingId);
        Review115Policy.noteIsShort(p.note()).ifPresent(problem -> {
            throw new ValidationException(List.of(problem));
        });
        long personId;
        if (p.personId() != null) {
            people.checkAccess(p.personId());
            personId = p.personId();
        } else {
            personId = people.registerOrFind(new PersonDirectory.NewPerson(p.cpr(), p.firstName(), p.lastName(), null, null, null, null,
                    m.teamId()));
        }
        boolean already = jdbc.sql("select exists(select 1 from cw_review115_person where meeting_id = ? and person_id = ?)")
                .params(meetingId, personId).query(Boolean.class).single();
        Review115Policy.discussedOncePerMeeting(already).ifPresent(problem -> {
            throw new ValidationException(List.of(problem));
        });
        jdbc.sql("insert into cw_review115_person (meeting_id, person_id, note, added_by) values (?, ?, ?, ?)")
                .params(meetingId, personId, Texts.blankToNull(p.note()), CurrentUser.username()).update();
        audit.record(AuditAction.CREATE, personId, null, "§115-møde " + meetingId, "person drøftet på mødet");
        return personId;
    }

    // ---- decisions ------------------------------------------------------------------------------------------

    /**
     * Records the meeting's decision on a person, or an amendment of the decision in force (a new row; the old one stays,
     * superseded). The person's version guards against a decision recorded meanwhile (409). Publishes
     * {@link dk.vendepunkt.casework.ReferredToCoreTeam} when the person is referred to the core team.
     */
    @Transactional
    public DiscussedPerson decide(long meetingId, long personId, DecisionRequest r) {
        MeetingRow m = checked(meetingId);
        PersonRow row = jdbc.sql("select id, person_id, note, version from cw_review115_person where meeting_id = ? and person_id = ?")
                .params(meetingId, personId).query((rs, i) -> new PersonRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)))
                .optional().orElseThrow(() -> new NotFoundException("review115.person.notFound", personId));
        people.checkCase(personId, null, "§115-møde " + meetingId, true);
        if (r.version() != null && r.version() != row.version()) throw ConflictException.stale();
        Review115Decision inForce = decisions(List.of(row.id())).getOrDefault(row.id(), List.of()).stream().filter(LoggedDecision::inForce)
                .findFirst().map(d -> new Review115Decision(d.id(), d.outcome(), d.reason(), d.decidedOn())).orElse(null);
        var who = new Review115Decision.Discussed(meetingId, personId, m.teamId(), m.meetingDate());
        Decision.Accepted<Review115Decision.NewDecision> accepted = Review115Decision.decide(who, inForce, r.amends(), r.outcome(), r.reason(),
                r.amendmentReason(), r.version(), LocalDate.now(clock)).orThrow();
        int n = jdbc.sql("update cw_review115_person set version = version + 1 where id = ? and version = ?").params(row.id(), r.version()).update();
        if (n == 0) throw ConflictException.stale();
        var d = accepted.result();
        jdbc.sql("""
                insert into cw_review115_decision (review_person_id, outcome, reason, amends_id, amendment_reason, decided_on, decided_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(row.id(), d.outcome().name(), d.reason(), d.amends(), d.amendmentReason(), d.decidedOn(), CurrentUser.username()).update();
        audit.record(d.amends() == null ? AuditAction.CREATE : AuditAction.UPDATE, personId, null, "§115-møde " + meetingId,
                d.amends() == null ? "beslutning: " + d.outcome().name() : "beslutning ændret til " + d.outcome().name() + " (erstatter " + d.amends() + ")");
        accepted.events().forEach(events::publishEvent);
        PersonSummary s = people.summaries(List.of(personId)).stream().findFirst().orElseThrow();
        return new DiscussedPerson(personId, s.name(), s.maskedCpr(), row.note(), earlierAppearances(personId, m),
                decisions(List.of(row.id())).getOrDefault(row.id(), List.of()), row.version() + 1);
    }

    /** Each person row's decisions, oldest first, with the amendment that superseded each. */
    private Map<Long, List<LoggedDecision>> decisions(Collection<Long> reviewPersonIds) {
        Map<Long, List<LoggedDecision>> byRow = new LinkedHashMap<>();
        if (reviewPersonIds.isEmpty()) return byRow;
        jdbc.sql("""
                select d.review_person_id, d.id, d.outcome, d.reason, d.decided_on, d.decided_by, d.amends_id, d.amendment_reason,
                       (select a.id from cw_review115_decision a where a.amends_id = d.id)
                  from cw_review115_decision d where d.review_person_id in (:rows) order by d.id""")
                .param("rows", reviewPersonIds)
                .query((rs, i) -> Map.entry(rs.getLong(1), new LoggedDecision(rs.getLong(2), Review115Outcome.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getObject(5, LocalDate.class), staff.displayName(rs.getString(6)), (Long) rs.getObject(7),
                        rs.getString(8), (Long) rs.getObject(9))))
                .list().forEach(e -> byRow.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byRow;
    }

    /** How many meetings before this one discussed the person. */
    private int earlierAppearances(long personId, MeetingRow m) {
        return jdbc.sql("""
                select count(*) from cw_review115_person rp join cw_review115_meeting mm on mm.id = rp.meeting_id
                 where rp.person_id = ? and (mm.meeting_date < ? or (mm.meeting_date = ? and mm.id < ?))""")
                .params(personId, m.meetingDate(), m.meetingDate(), m.id()).query(Integer.class).single();
    }

    // ---- access ---------------------------------------------------------------------------------------------

    /** The meeting, when the current user is case staff of its team; otherwise 403 and a DENIED audit row. */
    private MeetingRow checked(long meetingId) {
        MeetingRow m = jdbc.sql("select id, team_id, meeting_date, legal_basis, version from cw_review115_meeting where id = ?").param(meetingId)
                .query((rs, i) -> new MeetingRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getInt(5)))
                .optional().orElseThrow(() -> new NotFoundException("review115.notFound", meetingId));
        StaffMember u = caseStaff(meetingId);
        if (!u.teamIds().contains(m.teamId())) {
            audit.record(AuditAction.DENIED, null, null, "§115-møde " + meetingId, "mødet holdes af et andet team");
            throw new AuditedAccessDenied("The meeting belongs to another team");
        }
        return m;
    }

    private StaffMember caseStaff(Long meetingId) {
        Optional<StaffMember> u = currentUser.get();
        if (u.isEmpty() || !(u.get().hasRole(Role.CASEWORKER) || u.get().hasRole(Role.PROGRAMME_MANAGER))) {
            audit.record(AuditAction.DENIED, null, null, meetingId == null ? "§115-møder" : "§115-møde " + meetingId, "rollen giver ikke adgang");
            throw new AuditedAccessDenied("Only caseworkers and programme managers take part in §115 reviews");
        }
        return u.get();
    }

    private String teamName(long teamId) {
        return staff.team(teamId).map(Team::name).orElse("?");
    }
}
