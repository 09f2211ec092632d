package dk.vendepunkt.casework.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.casework.domain.FamilyCase;
import dk.vendepunkt.casework.domain.FamilyConsentRules;
import dk.vendepunkt.casework.domain.FamilyConsentRules.Giver;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.organisation.StaffDirectory;
import dk.vendepunkt.organisation.Team;
import dk.vendepunkt.people.ConsentWithdrawn;
import dk.vendepunkt.people.Consents;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Family;
import dk.vendepunkt.people.Families.Member;
import dk.vendepunkt.people.LegalBasis;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent to take part in a family case, per member (issue 13 part 3, ADR 0024): recorded in people's consent register
 * ({@link Consents}) with the reference {@code cw_family_case:<id>} and the purpose {@value #PURPOSE}, under the rules of
 * {@link FamilyConsentRules} (a guardian must be a member with recorded parental authority). An adult member may refuse
 * the parents' involvement. Access and audit through {@link FamilyCaseService#readPart}/{@link FamilyCaseService#write}.
 * A withdrawn consent gives the child's forløb in the case a task ({@code cw_case_task}), seen by the case's team and so
 * by both coordinators.
 */
@Service
public class FamilyConsentService {

    /** The purpose of every family-case consent in the consent register. */
    public static final String PURPOSE = "Deltagelse i familieorienteret indsats";
    private static final String REFERENCE = "cw_family_case:";

    /** A consent to record: about {@code personId}, given by the person or by a guardian chosen among the members. */
    public record NewFamilyConsent(Long personId, String givenBy, Long guardianId, LocalDate givenOn, LocalDate expiresOn, String recipients,
                                   String note) {}

    /** An adult member's refusal of the parents' involvement. */
    public record NewRefusal(Long personId, LocalDate refusedOn, String note) {}

    public record Refusal(long id, long personId, LocalDate refusedOn, String note, String recordedBy, LocalDate liftedOn) {}

    /**
     * A member as the consent page shows them.
     *
     * @param whoConsents  message key: who may consent for the member today (guardian, own or guardian, own)
     * @param needsConsent a child 6-22 who gets a forløb when the case enters Udredning
     * @param current      the member's consent of the case in force today, or null
     * @param consents     all the member's consents of the case, newest first
     * @param refusal      the member's active refusal of the parents' involvement, or null
     */
    public record MemberConsent(long personId, String name, String relation, Integer age, String whoConsents, boolean needsConsent,
                                Consents.Recorded current, List<Consents.Recorded> consents, Refusal refusal) {
        public boolean adult() {
            return age != null && age >= FamilyConsentRules.ADULT_FROM;
        }
    }

    /** A member who can give consent for a child (a parent or guardian); {@code authorityOver}: the children they hold authority over. */
    public record Guardian(long personId, String name, Set<Long> authorityOver) {}

    public record Overview(FamilyPart part, List<MemberConsent> members, List<Guardian> guardians) {
        /** The names of the members about whom the parents are not to be involved or informed. */
        public List<String> parentsNotInvolvedAbout() {
            return members.stream().filter(m -> m.refusal() != null).map(MemberConsent::name).toList();
        }
    }

    private final FamilyCaseService cases;
    private final Families families;
    private final Consents consents;
    private final StaffDirectory staff;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ConsentTasks tasks;
    private final Clock clock;

    FamilyConsentService(FamilyCaseService cases, Families families, Consents consents, StaffDirectory staff, JdbcClient jdbc,
                         AuditLog audit, ConsentTasks tasks, Clock clock) {
        this.cases = cases;
        this.families = families;
        this.consents = consents;
        this.staff = staff;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The reference a family case's consents carry in the consent register. */
    public static String reference(long caseId) {
        return REFERENCE + caseId;
    }

    /** The case the reference names, or null for another reference. */
    static Long caseOf(String reference) {
        if (reference == null || !reference.startsWith(REFERENCE)) return null;
        try {
            return Long.parseLong(reference.substring(REFERENCE.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The recipient of what the family's members hand over to the core team: the team's name. A consent of the case
     * names it among its recipients (by default), so a hand-over on consent is covered (ADR 0011's text match).
     */
    String recipient(FamilyCase c) {
        return staff.team(c.teamId()).map(Team::name).orElse("Kerneteamet");
    }

    /** The header of a page of the case's parts. */
    FamilyPart part(FamilyCase c, Family f) {
        return FamilyPart.of(c, f, recipient(c), LocalDate.now(clock));
    }

    /** The consent page: every current member with their consent status and refusal; access checked, audited as READ. */
    public Overview read(long caseId) {
        FamilyCase c = cases.readPart(caseId, "samtykke");
        Family f = families.find(c.familyId()).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        List<Consents.Recorded> all = consents.forReference(reference(caseId));
        List<Refusal> refusals = refusals(caseId);
        List<MemberConsent> members = new ArrayList<>();
        for (Member m : f.currentMembers()) {
            Integer age = m.birthDate() == null ? null : FamilyConsentRules.age(m.birthDate(), today);
            List<Consents.Recorded> own = all.stream().filter(r -> r.personId() == m.personId()).toList();
            members.add(new MemberConsent(m.personId(), m.name(), m.relation().name(), age, whoConsents(age),
                    m.relation() == Families.Relation.CHILD && age != null && c.programme().eligibility(age) == dk.vendepunkt.casework.domain.Eligibility.ELIGIBLE,
                    own.stream().filter(r -> r.inForce(today)).findFirst().orElse(null), own,
                    refusals.stream().filter(r -> r.personId() == m.personId() && r.liftedOn() == null).findFirst().orElse(null)));
        }
        List<Guardian> guardians = f.parents().stream().map(m -> new Guardian(m.personId(), m.name(), m.authorityOver())).toList();
        return new Overview(part(c, f), members, guardians);
    }

    private static String whoConsents(Integer age) {
        if (age == null) return "familyconsent.who.unknown";
        if (age >= FamilyConsentRules.ADULT_FROM) return "familyconsent.who.adult";
        return age >= FamilyConsentRules.OWN_CONSENT_FROM ? "familyconsent.who.own" : "familyconsent.who.guardian";
    }

    /** Records a member's consent to take part on behalf of the current user; returns the consent's id in the consent register. */
    @Transactional
    public long record(long caseId, NewFamilyConsent n) {
        FamilyCase c = cases.write(caseId, "samtykke");
        Checked ok = checked(c, n);
        return consents.recordFor(ok.personId(), ok.consent(), reference(caseId));
    }

    /** Records a consent without a signed-in user (demo data), under the same rules; audited by the consent register. */
    @Transactional
    public long recordSystem(long caseId, NewFamilyConsent n, String by) {
        Checked ok = checked(cases.load(caseId), n);
        return consents.recordSystem(ok.personId(), ok.consent(), reference(caseId), by);
    }

    private record Checked(long personId, Consents.NewConsent consent) {}

    /** The consent as the register records it, after the family's rules ({@link FamilyConsentRules#giver}). */
    private Checked checked(FamilyCase c, NewFamilyConsent n) {
        Family f = families.find(c.familyId()).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        Member member = member(f, n.personId(), problems);
        Giver giver = Enums.parseOrNull(Giver.class, n.givenBy());
        LocalDate givenOn = n.givenOn() == null ? LocalDate.now(clock) : n.givenOn();
        Member guardian = null;
        if (giver == Giver.GUARDIAN && n.guardianId() != null) {
            guardian = f.parents().stream().filter(m -> m.personId() == n.guardianId()).findFirst().orElse(null);
            if (guardian == null) problems.add(FieldProblem.of("guardianId", "familyconsent.guardian.notMember"));
        }
        if (giver == null) problems.add(FieldProblem.of("givenBy", "familyconsent.givenBy.required"));
        if (member != null && member.birthDate() == null) problems.add(FieldProblem.of("personId", "familyconsent.member.noBirthDate", member.name()));
        boolean authority = guardian != null && member != null && f.hasAuthority(guardian.personId(), member.personId());
        if (problems.isEmpty()) {
            problems.addAll(FamilyConsentRules.giver(new FamilyConsentRules.Giving(member.name(), FamilyConsentRules.age(member.birthDate(), givenOn),
                    giver, guardian == null ? null : guardian.name(), authority)));
        }
        String note = Texts.blankToNull(n.note());
        Texts.check(problems, "note", note, Texts.SHORT * 5);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        String recipients = Texts.blankToNull(n.recipients()) == null ? recipient(c) : n.recipients().strip();
        return new Checked(member.personId(), new Consents.NewConsent(PURPOSE, LegalBasis.CONSENT, givenOn, n.expiresOn(), note,
                giver.name(), guardian == null ? null : guardian.name(), guardian == null ? null : authority, recipients));
    }

    /** Withdraws a consent of the case from {@code on} (today when null); {@link ConsentWithdrawn} follows. */
    @Transactional
    public void withdraw(long caseId, long consentId, LocalDate on) {
        cases.write(caseId, "samtykke tilbagekaldt");
        Consents.Recorded r = consents.forReference(reference(caseId)).stream().filter(x -> x.id() == consentId).findFirst()
                .orElseThrow(() -> new NotFoundException("consent.notFound", consentId));
        consents.withdraw(r.personId(), consentId, on == null ? LocalDate.now(clock) : on);
    }

    /**
     * A withdrawn consent of a family case: the member's ongoing forløb in the case (a child 6-22 in Udredning or later)
     * gets the CONSENT_WITHDRAWN task, due as {@link ConsentTasks#DUE_DAYS} days after; the task is the case team's, so
     * both coordinators see it on their caseload. A member without a forløb (a parent, or a child before Udredning) has
     * nothing the task could hang on: the consent page shows the withdrawal and the Udredning gate and the hand-overs on
     * consent refuse it (ADR 0024).
     */
    @EventListener
    void on(ConsentWithdrawn event) {
        Long caseId = caseOf(event.reference());
        if (caseId == null) return;
        List<Long> ongoing = jdbc.sql("select id from cw_enrolment where family_case_id = ? and person_id = ? and end_date is null")
                .params(caseId, event.personId()).query(Long.class).list();
        for (long enrolment : ongoing) tasks.create(enrolment, event, "opgave: samtykke trukket tilbage (familiesag " + caseId + ")");
    }

    /** Records an adult member's refusal of the parents' involvement; returns its id. */
    @Transactional
    public long refuseParents(long caseId, NewRefusal n) {
        FamilyCase c = cases.write(caseId, "forældrenes inddragelse frabedt");
        Family f = families.find(c.familyId()).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        Member member = member(f, n.personId(), problems);
        LocalDate on = n.refusedOn() == null ? LocalDate.now(clock) : n.refusedOn();
        if (on.isAfter(LocalDate.now(clock))) problems.add(FieldProblem.of("refusedOn", "familyconsent.date.future"));
        if (member != null) {
            if (member.birthDate() == null) problems.add(FieldProblem.of("personId", "familyconsent.member.noBirthDate", member.name()));
            else FamilyConsentRules.refusalOnlyByAdult(member.name(), FamilyConsentRules.age(member.birthDate(), on)).ifPresent(problems::add);
            if (problems.isEmpty() && refusals(caseId).stream().anyMatch(r -> r.personId() == member.personId() && r.liftedOn() == null)) {
                problems.add(FieldProblem.of("personId", "familyconsent.refusal.exists", member.name()));
            }
        }
        String note = Texts.blankToNull(n.note());
        Texts.check(problems, "note", note, Texts.SHORT * 5);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        long id = jdbc.sql("""
                insert into cw_family_involvement_refusal (family_case_id, person_id, refused_on, note, recorded_by)
                values (?, ?, ?, ?, ?) returning id""").params(caseId, member.personId(), on, note, CurrentUser.username())
                .query(Long.class).single();
        audit.person(AuditAction.UPDATE, member.personId(), "familiesag " + caseId + ": forældrenes inddragelse frabedt");
        return id;
    }

    /** Lifts a refusal (the member agrees to the parents' involvement again); the row stays as history. */
    @Transactional
    public void liftRefusal(long caseId, long refusalId) {
        cases.write(caseId, "forældrenes inddragelse genoptaget");
        Refusal r = refusals(caseId).stream().filter(x -> x.id() == refusalId && x.liftedOn() == null).findFirst()
                .orElseThrow(() -> new NotFoundException("familyconsent.refusal.notFound", refusalId));
        jdbc.sql("update cw_family_involvement_refusal set lifted_on = ?, lifted_by = ? where id = ?")
                .params(LocalDate.now(clock), CurrentUser.username(), refusalId).update();
        audit.person(AuditAction.UPDATE, r.personId(), "familiesag " + caseId + ": forældrenes inddragelse genoptaget");
    }

    /**
     * The members of the case who have refused the parents' involvement (active refusals), for the case's other parts:
     * nothing about them is to be shared with or shown to the parents. No access check (the caller has read the case).
     */
    public Set<Long> parentsNotInvolved(long caseId) {
        return refusals(caseId).stream().filter(r -> r.liftedOn() == null).map(Refusal::personId).collect(Collectors.toSet());
    }

    private List<Refusal> refusals(long caseId) {
        return jdbc.sql("""
                select id, person_id, refused_on, note, recorded_by, lifted_on from cw_family_involvement_refusal
                 where family_case_id = ? order by refused_on desc, id desc""").param(caseId)
                .query((rs, i) -> new Refusal(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class))).list();
    }

    /** The current member named by {@code personId}, or null with the problem added. */
    static Member member(Family f, Long personId, List<FieldProblem> problems) {
        if (personId == null) {
            problems.add(FieldProblem.of("personId", "familyconsent.member.required"));
            return null;
        }
        Optional<Member> m = f.member(personId);
        if (m.isEmpty()) problems.add(FieldProblem.of("personId", "familyconsent.member.notMember"));
        return m.orElse(null);
    }
}
