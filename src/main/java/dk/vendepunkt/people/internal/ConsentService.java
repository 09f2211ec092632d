package dk.vendepunkt.people.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.people.Consents;
import dk.vendepunkt.people.LegalBasis;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import dk.vendepunkt.platform.Zones;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's consents and other legal bases, one per purpose (e.g. "Henvisning til Exitprogrammet"): the
 * basis, when it was given, when it expires and when it was withdrawn. A referral on the basis of consent
 * records one. Reading and changing them is limited to the person's teams and audited, like the person.
 */
@Service
public class ConsentService implements Consents {

    private final JdbcClient jdbc;
    private final PersonService people;
    private final AuditLog audit;

    ConsentService(JdbcClient jdbc, PersonService people, AuditLog audit) {
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
    }

    /** @param active given, not withdrawn and not expired today */
    public record Consent(long id, String purpose, LegalBasis legalBasis, LocalDate givenOn, LocalDate expiresOn, LocalDate withdrawnOn,
                          String note, String createdBy, boolean active) {}


    public List<Consent> list(long personId) {
        people.checkAccess(personId);
        audit.person(AuditAction.READ, personId, "samtykker");
        LocalDate today = LocalDate.now(Zones.ZONE);
        return jdbc.sql("""
                select id, purpose, legal_basis, given_on, expires_on, withdrawn_on, note, created_by from ppl_consent
                 where person_id = ? order by given_on desc, id desc""").param(personId)
                .query((rs, i) -> {
                    LocalDate expires = rs.getObject(5, LocalDate.class);
                    LocalDate withdrawn = rs.getObject(6, LocalDate.class);
                    return new Consent(rs.getLong(1), rs.getString(2), LegalBasis.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                            expires, withdrawn, rs.getString(7), rs.getString(8),
                            withdrawn == null && (expires == null || !expires.isBefore(today)));
                }).list();
    }

    @Transactional
    public long record(long personId, NewConsent c) {
        return recordFor(personId, c, null);
    }

    @Override
    @Transactional
    public long recordFor(long personId, NewConsent c, String reference) {
        people.checkAccess(personId);
        return insert(personId, c, reference, CurrentUser.username());
    }

    @Override
    @Transactional
    public long recordSystem(long personId, NewConsent c, String reference, String by) {
        return insert(personId, c, reference, by);
    }

    @Override
    public Optional<LocalDate> withdrawnOn(long personId, String reference) {
        people.checkAccess(personId);
        return jdbc.sql("select max(withdrawn_on) from ppl_consent where person_id = ? and reference = ? and withdrawn_on is not null")
                .params(personId, reference).query(LocalDate.class).optional();
    }

    private long insert(long personId, NewConsent c, String reference, String by) {
        List<FieldProblem> problems = new ArrayList<>();
        String purpose = c.purpose() == null ? "" : c.purpose().trim();
        if (purpose.isEmpty()) problems.add(FieldProblem.of("purpose", "consent.purpose.required"));
        else if (purpose.length() > 200) problems.add(FieldProblem.of("purpose", "consent.purpose.tooLong"));
        LegalBasis basis = null;
        try {
            basis = c.legalBasis() == null ? null : LegalBasis.valueOf(c.legalBasis());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (basis == null) problems.add(FieldProblem.of("legalBasis", "consent.legalBasis.required"));
        LocalDate today = LocalDate.now(Zones.ZONE);
        if (c.givenOn() == null) problems.add(FieldProblem.of("givenOn", "consent.givenOn.required"));
        else if (c.givenOn().isAfter(today)) problems.add(FieldProblem.of("givenOn", "consent.givenOn.future"));
        if (c.expiresOn() != null && c.givenOn() != null && !c.expiresOn().isAfter(c.givenOn())) {
            problems.add(FieldProblem.of("expiresOn", "consent.expiresOn.beforeGiven"));
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        String note = c.note() == null || c.note().isBlank() ? null : c.note().trim();
        long id = jdbc.sql("""
                insert into ppl_consent (person_id, purpose, legal_basis, given_on, expires_on, note, reference, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""").params(personId, purpose, basis.name(), c.givenOn(), c.expiresOn(), note, reference, by)
                .query(Long.class).single();
        audit.person(AuditAction.CREATE, personId, "samtykke: " + purpose);
        return id;
    }

    /** Withdraws a person's consent from a date (not before it was given, not in the future). */
    @Transactional
    public void withdraw(long personId, long consentId, LocalDate on) {
        people.checkAccess(personId);
        record Row(long personId, LocalDate givenOn, LocalDate withdrawnOn, String purpose) {}
        Row row = jdbc.sql("select person_id, given_on, withdrawn_on, purpose from ppl_consent where id = ? and person_id = ?").params(consentId, personId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .optional().orElseThrow(() -> new NotFoundException("consent.notFound", consentId));
        List<FieldProblem> problems = new ArrayList<>();
        if (on == null) problems.add(FieldProblem.of("withdrawnOn", "consent.withdrawnOn.required"));
        else if (on.isBefore(row.givenOn())) problems.add(FieldProblem.of("withdrawnOn", "consent.withdrawnOn.beforeGiven", row.givenOn()));
        else if (on.isAfter(LocalDate.now(Zones.ZONE))) problems.add(FieldProblem.of("withdrawnOn", "consent.withdrawnOn.future"));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        if (row.withdrawnOn() != null
                || jdbc.sql("update ppl_consent set withdrawn_on = ? where id = ? and withdrawn_on is null").params(on, consentId).update() == 0) {
            throw new ConflictException("consent.alreadyWithdrawn");
        }
        audit.person(AuditAction.UPDATE, personId, "samtykke tilbagekaldt: " + row.purpose());
    }
}
