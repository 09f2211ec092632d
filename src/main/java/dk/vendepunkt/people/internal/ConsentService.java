package dk.vendepunkt.people.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.people.ConsentGiver;
import dk.vendepunkt.people.ConsentWithdrawn;
import dk.vendepunkt.people.Consents;
import dk.vendepunkt.people.LegalBases;
import dk.vendepunkt.people.LegalBasis;
import dk.vendepunkt.people.domain.ConsentRules;
import dk.vendepunkt.people.domain.ConsentRules.ConsentFacts;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's consents and other legal bases, one per purpose (e.g. "Henvisning til Exitprogrammet"): the
 * basis, when it was given, when it expires and when it was withdrawn. A referral on the basis of consent
 * records one. Reading and changing them is limited to the person's teams and audited, like the person. A consent
 * records who gave it (the person, or a guardian with or without parental authority; the age rules are
 * {@link ConsentRules#giver}) and whom it allows disclosure to; withdrawing it publishes {@link ConsentWithdrawn}.
 */
@Service
public class ConsentService implements Consents {

    private final JdbcClient jdbc;
    private final PersonService people;
    private final AuditLog audit;
    private final LegalBases legalBases;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConsentService(JdbcClient jdbc, PersonService people, AuditLog audit, LegalBases legalBases, ApplicationEventPublisher events,
                   Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.legalBases = legalBases;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param legalBasis     the basis's code; {@code legalBasisName} its Danish name
     * @param givenBy        {@code PERSON}, {@code GUARDIAN} or null (not recorded)
     * @param active         given, not withdrawn and not expired today
     */
    public record Consent(long id, String purpose, String legalBasis, String legalBasisName, LocalDate givenOn, LocalDate expiresOn,
                          LocalDate withdrawnOn, String note, String createdBy, boolean active, String givenBy, String guardianName,
                          Boolean guardianCustody, String recipients) {

        public boolean consent() {
            return LegalBasis.CONSENT.equals(legalBasis);
        }
    }

    public List<Consent> list(long personId) {
        people.checkAccess(personId);
        audit.person(AuditAction.READ, personId, "samtykker");
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select c.id, c.purpose, c.legal_basis, b.name, c.given_on, c.expires_on, c.withdrawn_on, c.note, c.created_by,
                       c.given_by, c.guardian_name, c.guardian_custody, c.recipients
                  from ppl_consent c join ppl_legal_basis b on b.code = c.legal_basis
                 where c.person_id = ? order by c.given_on desc, c.id desc""").param(personId)
                .query((rs, i) -> {
                    LocalDate expires = rs.getObject(6, LocalDate.class);
                    LocalDate withdrawn = rs.getObject(7, LocalDate.class);
                    return new Consent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                            expires, withdrawn, rs.getString(8), rs.getString(9),
                            withdrawn == null && (expires == null || !expires.isBefore(today)),
                            rs.getString(10), rs.getString(11), (Boolean) rs.getObject(12), rs.getString(13));
                }).list();
    }

    /** A consent recorded on the consent page or API: for a consent, who gave it is required. */
    @Transactional
    public long record(long personId, NewConsent c) {
        people.checkAccess(personId);
        return insert(personId, c, null, CurrentUser.username(), true);
    }

    @Override
    @Transactional
    public long recordFor(long personId, NewConsent c, String reference) {
        people.checkAccess(personId);
        return insert(personId, c, reference, CurrentUser.username(), false);
    }

    @Override
    @Transactional
    public long recordSystem(long personId, NewConsent c, String reference, String by) {
        return insert(personId, c, reference, by, false);
    }

    /** A consent of the person as the disclosure rule sees it; empty when the person has no such consent. No access check, no audit. */
    Optional<ConsentFacts> facts(long personId, long consentId) {
        return jdbc.sql("""
                select b.consent, c.purpose, c.given_on, c.expires_on, c.withdrawn_on, c.given_by, c.guardian_name, c.guardian_custody,
                       c.recipients, p.birth_date
                  from ppl_consent c join ppl_legal_basis b on b.code = c.legal_basis join ppl_person p on p.id = c.person_id
                 where c.id = ? and c.person_id = ?""").params(consentId, personId)
                .query((rs, i) -> new ConsentFacts(rs.getBoolean(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                        rs.getString(6) == null ? null : ConsentGiver.valueOf(rs.getString(6)), rs.getString(7), (Boolean) rs.getObject(8),
                        rs.getString(9), rs.getObject(10, LocalDate.class)))
                .optional();
    }

    @Override
    public Optional<LocalDate> withdrawnOn(long personId, String reference) {
        people.checkAccess(personId);
        return jdbc.sql("select max(withdrawn_on) from ppl_consent where person_id = ? and reference = ? and withdrawn_on is not null")
                .params(personId, reference).query(LocalDate.class).optional();
    }

    @Override
    public List<Recorded> forReference(String reference) {
        return jdbc.sql("""
                select id, person_id, purpose, legal_basis, given_on, expires_on, withdrawn_on, given_by, guardian_name, guardian_custody,
                       recipients, note, created_by
                  from ppl_consent where reference = ? order by given_on desc, id desc""").param(reference)
                .query((rs, i) -> new Recorded(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
                        (Boolean) rs.getObject(10), rs.getString(11), rs.getString(12), rs.getString(13)))
                .list();
    }

    /** @param giverRequired whether a consent must say who gave it (the consent page and API) */
    private long insert(long personId, NewConsent c, String reference, String by, boolean giverRequired) {
        List<FieldProblem> problems = new ArrayList<>();
        String purpose = c.purpose() == null ? "" : c.purpose().trim();
        if (purpose.isEmpty()) problems.add(FieldProblem.of("purpose", "consent.purpose.required"));
        else if (purpose.length() > 200) problems.add(FieldProblem.of("purpose", "consent.purpose.tooLong"));
        LegalBasis basis = legalBases.find(c.legalBasis()).orElse(null);
        if (basis == null) problems.add(FieldProblem.of("legalBasis", "consent.legalBasis.required"));
        LocalDate today = LocalDate.now(clock);
        if (c.givenOn() == null) problems.add(FieldProblem.of("givenOn", "consent.givenOn.required"));
        else if (c.givenOn().isAfter(today)) problems.add(FieldProblem.of("givenOn", "consent.givenOn.future"));
        if (c.expiresOn() != null && c.givenOn() != null && !c.expiresOn().isAfter(c.givenOn())) {
            problems.add(FieldProblem.of("expiresOn", "consent.expiresOn.beforeGiven"));
        }
        Giver giver = basis != null && basis.consent() ? giver(personId, c, giverRequired, problems) : Giver.NONE;
        String recipients = blank(c.recipients());
        Texts.check(problems, "recipients", recipients, Texts.SHORT * 5);
        if (!problems.isEmpty()) throw new ValidationException(problems);
        long id = jdbc.sql("""
                insert into ppl_consent (person_id, purpose, legal_basis, given_on, expires_on, note, reference, created_by,
                                         given_by, guardian_name, guardian_custody, recipients)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, purpose, basis.code(), c.givenOn(), c.expiresOn(), blank(c.note()), reference, by,
                        giver.givenBy() == null ? null : giver.givenBy().name(), giver.guardianName(), giver.custody(), recipients)
                .query(Long.class).single();
        audit.person(AuditAction.CREATE, personId, "samtykke: " + purpose);
        return id;
    }

    private record Giver(ConsentGiver givenBy, String guardianName, Boolean custody) {
        static final Giver NONE = new Giver(null, null, null);
    }

    /** Who gave a consent, checked against the person's age on the day it was given ({@link ConsentRules#giver}). */
    private Giver giver(long personId, NewConsent c, boolean required, List<FieldProblem> problems) {
        ConsentGiver givenBy = null;
        try {
            givenBy = c.givenBy() == null || c.givenBy().isBlank() ? null : ConsentGiver.valueOf(c.givenBy().strip());
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("givenBy", "consent.givenBy.required"));
            return Giver.NONE;
        }
        if (givenBy == null) {
            if (required) problems.add(FieldProblem.of("givenBy", "consent.givenBy.required"));
            return Giver.NONE;
        }
        String guardian = givenBy == ConsentGiver.GUARDIAN ? blank(c.guardianName()) : null;
        Boolean custody = givenBy == ConsentGiver.GUARDIAN ? c.guardianCustody() : null;
        if (givenBy == ConsentGiver.GUARDIAN) {
            if (guardian == null) problems.add(FieldProblem.of("guardianName", "consent.guardianName.required"));
            else Texts.check(problems, "guardianName", guardian, Texts.SHORT);
            if (custody == null) problems.add(FieldProblem.of("guardianCustody", "consent.guardianCustody.required"));
        }
        if (c.givenOn() != null && problems.stream().noneMatch(p -> p.field().startsWith("guardian"))) {
            LocalDate birth = jdbc.sql("select birth_date from ppl_person where id = ?").param(personId).query(LocalDate.class).single();
            ConsentRules.giver(birth, c.givenOn(), givenBy, guardian, custody)
                    .ifPresent(r -> problems.add(FieldProblem.of("givenBy", r.code(), r.args())));
        }
        return new Giver(givenBy, guardian, custody);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * Withdraws a person's consent from a date (not before it was given, not in the future). What rested on it is told
     * by {@link ConsentWithdrawn}, in the same transaction.
     */
    @Override
    @Transactional
    public void withdraw(long personId, long consentId, LocalDate on) {
        people.checkAccess(personId);
        record Row(long personId, LocalDate givenOn, LocalDate withdrawnOn, String purpose, String reference) {}
        Row row = jdbc.sql("select person_id, given_on, withdrawn_on, purpose, reference from ppl_consent where id = ? and person_id = ?").params(consentId, personId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getString(5)))
                .optional().orElseThrow(() -> new NotFoundException("consent.notFound", consentId));
        List<FieldProblem> problems = new ArrayList<>();
        if (on == null) problems.add(FieldProblem.of("withdrawnOn", "consent.withdrawnOn.required"));
        else if (on.isBefore(row.givenOn())) problems.add(FieldProblem.of("withdrawnOn", "consent.withdrawnOn.beforeGiven", row.givenOn()));
        else if (on.isAfter(LocalDate.now(clock))) problems.add(FieldProblem.of("withdrawnOn", "consent.withdrawnOn.future"));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        if (row.withdrawnOn() != null
                || jdbc.sql("update ppl_consent set withdrawn_on = ? where id = ? and withdrawn_on is null").params(on, consentId).update() == 0) {
            throw new ConflictException("consent.alreadyWithdrawn");
        }
        audit.person(AuditAction.UPDATE, personId, "samtykke tilbagekaldt: " + row.purpose());
        events.publishEvent(new ConsentWithdrawn(personId, consentId, row.reference(), row.purpose(), on));
    }
}
