package dk.vendepunkt.people.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.people.Disclosures;
import dk.vendepunkt.people.LegalBases;
import dk.vendepunkt.people.LegalBasis;
import dk.vendepunkt.people.domain.ConsentRules;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The disclosure log (ADR 0011): every hand-over of a person's data to another department or authority. Only the
 * person's teams record and read it, each call audited; a disclosure on consent must rest on a consent of the person
 * that carries it ({@link ConsentRules#carriesDisclosure}), otherwise it is refused with the reason at {@code consentId}.
 */
@Service
class DisclosureService implements Disclosures {

    /** The longest scope (what was handed over). */
    static final int SCOPE_MAX = 2000;

    private final JdbcClient jdbc;
    private final PersonService people;
    private final ConsentService consents;
    private final LegalBases legalBases;
    private final AuditLog audit;
    private final Clock clock;

    DisclosureService(JdbcClient jdbc, PersonService people, ConsentService consents, LegalBases legalBases, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.consents = consents;
        this.legalBases = legalBases;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long record(long personId, NewDisclosure d) {
        people.checkAccess(personId);
        List<FieldProblem> problems = new ArrayList<>();
        String recipient = blank(d.recipient());
        if (recipient == null) problems.add(FieldProblem.of("recipient", "disclosure.recipient.required"));
        else Texts.check(problems, "recipient", recipient, Texts.SHORT);
        String scope = blank(d.scope());
        if (scope == null) problems.add(FieldProblem.of("scope", "disclosure.scope.required"));
        else Texts.check(problems, "scope", scope, SCOPE_MAX);
        if (d.disclosedOn() == null) problems.add(FieldProblem.of("disclosedOn", "disclosure.disclosedOn.required"));
        else if (d.disclosedOn().isAfter(LocalDate.now(clock))) problems.add(FieldProblem.of("disclosedOn", "disclosure.disclosedOn.future"));
        LegalBasis basis = legalBases.find(d.legalBasis()).orElse(null);
        String basisText = blank(d.legalBasisText());
        if (basis == null) {
            problems.add(FieldProblem.of("legalBasis", "disclosure.legalBasis.required"));
        } else {
            if (basis.requiresText() && basisText == null) problems.add(FieldProblem.of("legalBasisText", "disclosure.legalBasisText.required"));
            Texts.check(problems, "legalBasisText", basisText, Texts.SHORT);
            consentProblem(personId, basis, d.consentId(), recipient, d.disclosedOn()).ifPresent(problems::add);
        }
        Texts.check(problems, "reference", d.reference(), Texts.SHORT);
        if (!problems.isEmpty()) {
            if (basis != null && basis.consent() && d.consentId() != null) {
                // the consent was read to decide: logged with the outcome
                audit.record(AuditAction.READ, personId, null, "samtykke " + d.consentId() + " prøvet for en videregivelse: afvist",
                        problems.stream().map(FieldProblem::code).toList().toString());
            }
            throw new ValidationException(problems);
        }
        long id = jdbc.sql("""
                insert into ppl_disclosure (person_id, recipient, legal_basis, legal_basis_text, consent_id, scope, disclosed_on, reference, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(personId, recipient, basis.code(), basisText, basis.consent() ? d.consentId() : null, scope, d.disclosedOn(),
                        blank(d.reference()), CurrentUser.username())
                .query(Long.class).single();
        audit.record(AuditAction.CREATE, personId, null, "videregivelse " + id + " til " + Texts.excerpt(recipient), basis.code());
        return id;
    }

    /** A consent basis needs a consent of this person that carries the disclosure; another basis takes none. */
    private Optional<FieldProblem> consentProblem(long personId, LegalBasis basis, Long consentId, String recipient, LocalDate on) {
        if (!basis.consent()) {
            return consentId == null ? Optional.empty() : Optional.of(FieldProblem.of("consentId", "disclosure.consentId.notConsent"));
        }
        if (consentId == null) return Optional.of(FieldProblem.of("consentId", "disclosure.consentId.required"));
        var facts = consents.facts(personId, consentId);
        if (facts.isEmpty()) return Optional.of(FieldProblem.of("consentId", "disclosure.consentId.unknown"));
        if (recipient == null || on == null) return Optional.empty(); // reported at their own fields
        return ConsentRules.carriesDisclosure(facts.get(), recipient, on).map(r -> FieldProblem.of("consentId", r.code(), r.args()));
    }

    @Override
    public List<Disclosure> forPerson(long personId) {
        people.checkAccess(personId);
        audit.person(AuditAction.READ, personId, "videregivelser");
        return jdbc.sql("""
                select d.id, d.person_id, d.recipient, d.legal_basis, b.name, d.legal_basis_text, d.consent_id, c.purpose, d.scope,
                       d.disclosed_on, d.reference, d.created_by
                  from ppl_disclosure d join ppl_legal_basis b on b.code = d.legal_basis left join ppl_consent c on c.id = d.consent_id
                 where d.person_id = ? order by d.disclosed_on desc, d.id desc""").param(personId)
                .query((rs, i) -> new Disclosure(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), (Long) rs.getObject(7), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class),
                        rs.getString(11), rs.getString(12)))
                .list();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
