package dk.vendepunkt.casework.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.casework.domain.Channel;
import dk.vendepunkt.casework.domain.Eligibility;
import dk.vendepunkt.people.Consents;
import dk.vendepunkt.people.LegalBases;
import dk.vendepunkt.people.LegalBasis;
import dk.vendepunkt.casework.domain.Programme;
import dk.vendepunkt.casework.domain.Referral;
import dk.vendepunkt.casework.domain.ReferralStatus;
import dk.vendepunkt.casework.domain.ScreeningDecision;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.StaffMember;
import dk.vendepunkt.organisation.Team;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.people.PersonSummary;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals and their screening. Registering a referral registers (or finds) the person and grants the
 * user's team access; screening decides accept (a forløb starts in the programme's initial phase with a
 * coordinator — an exit expert when the crime is gang-related), waiting list or reject with a reason.
 */
@Service
public class ReferralService {

    private final JdbcClient jdbc;
    private final Consents consents;
    private final LegalBases legalBases;
    private final PersonDirectory people;
    private final ProgrammeCatalogue programmes;
    private final EnrolmentAccess access;
    private final AuditLog audit;
    private final StaffDirectory staff;
    private final EnrolmentService enrolments;
    private final Clock clock;

    ReferralService(JdbcClient jdbc, PersonDirectory people, ProgrammeCatalogue programmes, EnrolmentAccess access, AuditLog audit,
                    StaffDirectory staff, EnrolmentService enrolments, Consents consents, LegalBases legalBases, Clock clock) {
        this.clock = clock;
        this.consents = consents;
        this.legalBases = legalBases;
        this.jdbc = jdbc;
        this.people = people;
        this.programmes = programmes;
        this.access = access;
        this.audit = audit;
        this.staff = staff;
        this.enrolments = enrolments;
    }

    /**
     * A new referral. Either {@code personId} (a person the user's teams already work with) or the new person's
     * CPR and names (a CPR already registered finds that person, and the team gets access to their master data —
     * not to other teams' referrals and forløb).
     */
    public record NewReferral(Long personId, String cpr, String firstName, String lastName, String phone, String email,
                              String address, String districtCode, String programme, Long teamId, String channel,
                              LocalDate referredOn, String referrer, String reason, String legalBasis, LocalDate consentOn) {}

    /** The screening decision; coordinator and start date are needed for ACCEPT, a reason for REJECT. */
    public record Screening(Boolean gangRelated, String decision, String decisionReason, Long coordinatorId, LocalDate startDate,
                            String baseline, Integer version) {}

    public record ScreeningResult(long referralId, String status, Long enrolmentId) {}

    public record ReferralDetails(long id, long personId, String personName, String maskedCpr, LocalDate birthDate, int age,
                                  String programme, String programmeName, long teamId, String teamName, String channel,
                                  LocalDate referredOn, String referrer, String reason, String legalBasis, LocalDate consentOn,
                                  String status, Boolean gangRelated, String eligibility, Integer ageAtScreening,
                                  LocalDate screenedOn, String screenedBy, String decisionReason, Long coordinatorId,
                                  String coordinatorName, Long enrolmentId, String createdBy, int version) {}

    /** A line of a referral list (person page, caseload). */
    public record ReferralLine(long id, long personId, String personName, String programme, String channel, LocalDate referredOn,
                               String status, Boolean gangRelated, Long enrolmentId) {}

    private record Row(long id, long personId, String programme, long teamId, String channel, LocalDate referredOn, String referrer,
                       String reason, String legalBasis, LocalDate consentOn, String status, Boolean gangRelated, Integer ageAtScreening,
                       LocalDate screenedOn, String screenedBy, String decisionReason, Long assignedTo, Long enrolmentId,
                       String createdBy, int version) {}

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("person_id"), rs.getString("programme"), rs.getLong("team_id"),
                rs.getString("channel"), rs.getObject("referred_on", LocalDate.class), rs.getString("referrer"), rs.getString("reason"),
                rs.getString("legal_basis"), rs.getObject("consent_on", LocalDate.class), rs.getString("status"),
                (Boolean) rs.getObject("gang_related"), (Integer) rs.getObject("age_at_screening"),
                rs.getObject("screened_on", LocalDate.class), rs.getString("screened_by"), rs.getString("decision_reason"),
                (Long) rs.getObject("assigned_to"), (Long) rs.getObject("enrolment_id"), rs.getString("created_by"), rs.getInt("version"));
    }

    private static final String COLUMNS = """
            id, person_id, programme, team_id, channel, referred_on, referrer, reason, legal_basis, consent_on, status, gang_related,
            age_at_screening, screened_on, screened_by, decision_reason, assigned_to, enrolment_id, created_by, version""";

    /** The reference of the consent a referral rests on, in the person's consent register. */
    public static String consentReference(long referralId) {
        return CONSENT_REFERENCE + referralId;
    }

    private static final String CONSENT_REFERENCE = "cw_referral:";

    /** The referral a consent reference names ({@link #consentReference}); null for another or no reference. */
    static Long referralOf(String reference) {
        if (reference == null || !reference.startsWith(CONSENT_REFERENCE)) return null;
        try {
            return Long.parseLong(reference.substring(CONSENT_REFERENCE.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The programmes an individual referral can go to: the active ones except FAMILY (families come in through family cases). */
    public List<Programme> referable() {
        return programmes.active().stream().filter(p -> !FamilyCaseService.PROGRAMME.equals(p.code())).toList();
    }

    @Transactional
    public long register(NewReferral r) {
        StaffMember user = access.caseStaff(r.personId(), null);
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Programme> programme = Optional.ofNullable(r.programme()).flatMap(code ->
                programmes.active().stream().filter(p -> p.code().equals(code)).findFirst());
        if (FamilyCaseService.PROGRAMME.equals(r.programme())) problems.add(FieldProblem.of("programme", "referral.programme.family"));
        else if (programme.isEmpty()) problems.add(FieldProblem.of("programme", "referral.programme.required"));
        if (r.teamId() == null || !user.teamIds().contains(r.teamId())) problems.add(FieldProblem.of("teamId", "referral.team.notYours"));
        if (Enums.parseOrNull(Channel.class, r.channel()) == null) problems.add(FieldProblem.of("channel", "referral.channel.required"));
        if (r.referredOn() == null) problems.add(FieldProblem.of("referredOn", "referral.referredOn.required"));
        else if (r.referredOn().isAfter(today())) problems.add(FieldProblem.of("referredOn", "referral.referredOn.future"));
        if (Texts.isBlank(r.reason())) problems.add(FieldProblem.of("reason", "referral.reason.required"));
        LegalBasis basis = legalBases.find(r.legalBasis()).orElse(null);
        if (basis == null) problems.add(FieldProblem.of("legalBasis", "referral.legalBasis.required"));
        if (basis != null && basis.consent() && r.consentOn() == null) problems.add(FieldProblem.of("consentOn", "referral.consentOn.required"));
        if (r.consentOn() != null && r.consentOn().isAfter(today())) problems.add(FieldProblem.of("consentOn", "referral.consentOn.future"));
        if (r.personId() == null) {
            Optional<CprNumber> cpr = CprNumber.parse(r.cpr());
            if (cpr.isEmpty()) {
                problems.add(FieldProblem.of("cpr", Texts.isBlank(r.cpr()) ? "referral.person.required" : "person.cpr.invalid"));
            } else if (!people.isRegistered(cpr.get())) {
                if (Texts.isBlank(r.firstName())) problems.add(FieldProblem.of("firstName", "person.firstName.required"));
                if (Texts.isBlank(r.lastName())) problems.add(FieldProblem.of("lastName", "person.lastName.required"));
            }
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);

        long personId;
        if (r.personId() != null) {
            people.checkAccess(r.personId());
            people.grantTeam(r.personId(), r.teamId());
            personId = r.personId();
        } else {
            personId = people.registerOrFind(new PersonDirectory.NewPerson(r.cpr(), r.firstName(), r.lastName(), r.phone(), r.email(),
                    r.address(), r.districtCode(), r.teamId()));
        }
        long id = jdbc.sql("""
                insert into cw_referral (person_id, programme, team_id, channel, referred_on, referrer, reason, legal_basis, consent_on, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, r.programme(), r.teamId(), r.channel(), r.referredOn(), Texts.blankToNull(r.referrer()), r.reason().trim(),
                        basis.code(), r.consentOn(), user.username())
                .query(Long.class).single();
        audit.record(AuditAction.CREATE, personId, null, "henvisning " + id, null);
        if (basis.consent()) {
            // the person's consent register gets the consent the referral rests on
            consents.recordFor(personId,
                    Consents.NewConsent.of("Henvisning til " + programme.get().name(), basis.code(), r.consentOn(), null, null),
                    consentReference(id));
        }
        return id;
    }

    private Row load(long id) {
        return jdbc.sql("select " + COLUMNS + " from cw_referral where id = ?").param(id).query(ReferralService::row).optional()
                .orElseThrow(() -> new NotFoundException("referral.notFound", id));
    }

    /**
     * A referral is the referring team's (and, once screened, its coordinator's): seeing the person, e.g. after one's
     * own referral on a CPR known elsewhere, does not open other teams' referrals.
     */
    private void check(Row r, String subject) {
        StaffMember user = access.caseStaff(r.personId(), r.enrolmentId());
        people.checkCase(r.personId(), r.enrolmentId(), subject, mayWorkOn(user, r));
    }

    private static boolean mayWorkOn(StaffMember user, Row r) {
        return user.teamIds().contains(r.teamId()) || (r.assignedTo() != null && r.assignedTo() == user.id());
    }

    /** The referral with its screening; audited READ. Eligibility is computed from the CPR's birth date today. */
    public ReferralDetails get(long id) {
        Row r = load(id);
        check(r, "henvisning " + id);
        audit.record(AuditAction.READ, r.personId(), r.enrolmentId(), "henvisning " + id, null);
        return details(r);
    }

    private ReferralDetails details(Row r) {
        PersonSummary p = people.summaries(List.of(r.personId())).getFirst();
        Programme programme = programmes.get(r.programme());
        int age = p.ageOn(today());
        Eligibility eligibility = programme.eligibility(age);
        return new ReferralDetails(r.id(), r.personId(), p.name(), p.maskedCpr(), p.birthDate(), age, r.programme(), programme.name(),
                r.teamId(), staff.team(r.teamId()).map(Team::name).orElse(null), r.channel(), r.referredOn(), r.referrer(), r.reason(),
                r.legalBasis(), r.consentOn(), r.status(), r.gangRelated(), eligibility.name(), r.ageAtScreening(), r.screenedOn(),
                r.screenedBy(), r.decisionReason(), r.assignedTo(),
                r.assignedTo() == null ? null : staff.find(r.assignedTo()).map(StaffMember::displayName).orElse(null),
                r.enrolmentId(), r.createdBy(), r.version());
    }

    /** Staff who can coordinate a forløb: enabled caseworkers and programme managers; exit experts flagged. */
    public record Coordinator(long id, String name, boolean exitExpert) {}

    public List<Coordinator> coordinators() {
        return staff.all().stream()
                .filter(EnrolmentService::mayCoordinate)
                .map(s -> new Coordinator(s.id(), s.displayName(), s.functions().contains(StaffFunction.EXIT_EXPERT)))
                .sorted(java.util.Comparator.comparing(Coordinator::name)).toList();
    }

    /** Screens the referral: gang-related or not, eligibility (computed), decision. Accepting starts the forløb. */
    @Transactional
    public ScreeningResult screen(long id, Screening s) {
        Row r = load(id);
        check(r, "visitation " + id);
        StaffMember user = access.caseStaff(r.personId(), null);
        Programme programme = programmes.get(r.programme());
        Optional<StaffMember> coordinator = Optional.ofNullable(s.coordinatorId()).flatMap(staff::find).filter(EnrolmentService::mayCoordinate);
        LocalDate today = today();
        int age = people.summaries(List.of(r.personId())).getFirst().ageOn(today);
        Referral referral = new Referral(r.id(), programme, ReferralStatus.valueOf(r.status()), r.referredOn());
        Referral.Screened screened = referral.screen(s.decision(), s.gangRelated(), s.decisionReason(), s.coordinatorId(),
                coordinator.map(EnrolmentService::coordinator).orElse(null), s.startDate(), s.version(), age, today).orThrow().result();

        Long enrolmentId = null;
        if (screened.decision() == ScreeningDecision.ACCEPT) {
            enrolmentId = enrolments.start(new EnrolmentService.Start(r.personId(), programme, r.id(), r.teamId(), screened.coordinator().id(),
                    screened.startDate(), screened.gangRelated(), Texts.blankToNull(s.baseline()), user.username()));
            for (long team : coordinator.orElseThrow().teamIds()) people.grantTeam(r.personId(), team);
        }
        int n = jdbc.sql("""
                update cw_referral set status = ?, gang_related = ?, eligible = ?, age_at_screening = ?, screened_on = ?, screened_by = ?,
                       decision_reason = ?, assigned_to = ?, enrolment_id = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(screened.status().name(), screened.gangRelated(), screened.eligibility().eligible(), screened.age(),
                        screened.screenedOn(), user.username(), screened.decisionReason(),
                        screened.coordinator() == null ? null : screened.coordinator().id(), enrolmentId, id, s.version())
                .update();
        if (n == 0) throw ConflictException.stale();
        audit.record(AuditAction.UPDATE, r.personId(), enrolmentId, "visitation " + id, screened.decision().name());
        return new ScreeningResult(id, screened.status().name(), enrolmentId);
    }

    /**
     * The person's referrals that are the user's (their teams' or assigned to them); other teams' referrals are left
     * out unless {@code all} (break-the-glass). The caller has checked access to the person and audits the page.
     */
    public List<ReferralLine> forPerson(long personId, StaffMember user, boolean all) {
        return lines(r -> all || mayWorkOn(user, r), "person_id = ?", personId);
    }

    /** Referrals awaiting screening or on the waiting list in the given teams, gang-related first, oldest first. */
    public List<ReferralLine> openInTeams(java.util.Collection<Long> teamIds) {
        if (teamIds.isEmpty()) return List.of();
        return lines(r -> true, "status in ('RECEIVED', 'WAITING') and team_id = any(?)", (Object) teamIds.toArray(Long[]::new));
    }

    private List<ReferralLine> lines(java.util.function.Predicate<Row> shown, String where, Object... params) {
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from cw_referral where " + where
                        + " order by status = 'WAITING', coalesce(gang_related, false) desc, referred_on desc, id desc")
                .params(params).query(ReferralService::row).list().stream().filter(shown).toList();
        Map<Long, PersonSummary> persons = people.summaries(rows.stream().map(Row::personId).distinct().toList()).stream()
                .collect(Collectors.toMap(PersonSummary::id, Function.identity()));
        return rows.stream().map(r -> new ReferralLine(r.id(), r.personId(),
                Optional.ofNullable(persons.get(r.personId())).map(PersonSummary::name).orElse("?"), r.programme(), r.channel(),
                r.referredOn(), r.status(), r.gangRelated(), r.enrolmentId())).toList();
    }

}
