package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.domain.FamilyCase;
import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.people.Consents;
import dk.vendepunkt.people.Disclosures;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Family;
import dk.vendepunkt.people.Families.Member;
import dk.vendepunkt.people.LegalBases;
import dk.vendepunkt.people.LegalBasis;
import dk.vendepunkt.platform.Enums;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-over of the family's existing cases in the departments to the core team (003): per member and department,
 * what case, when, by whom and on which legal basis. Each hand-over is a disclosure of personal data and is recorded in
 * people's disclosure log ({@link Disclosures}) to the case's team, which checks the basis — on {@code CONSENT} a consent
 * of the member in force that names the team (the case's consent does by default). Access and audit through
 * {@link FamilyCaseService}.
 */
@Service
public class FamilyHandoverService {

    /** The departments whose existing cases are handed over. */
    public enum Department { BUF, SOF, BIF, SUF }

    /**
     * @param consentId the consent the hand-over rests on when the basis is {@code CONSENT}; when null, the member's
     *                  consent of the case in force on the day
     */
    public record NewHandover(Long personId, String departmentCode, String caseDescription, LocalDate handedOverOn, String legalBasis,
                              String legalBasisText, Long consentId) {}

    public record Handover(long id, long personId, String memberName, Department department, String caseDescription, LocalDate handedOverOn,
                           String legalBasis, String legalBasisName, long disclosureId, String createdBy) {}

    /** The hand-over page: the case part's header, the recipient (the core team) and the hand-overs, newest first. */
    public record Register(FamilyPart part, String recipient, List<Handover> handovers) {}

    private final FamilyCaseService cases;
    private final FamilyConsentService familyConsents;
    private final Families families;
    private final Consents consents;
    private final Disclosures disclosures;
    private final LegalBases legalBases;
    private final JdbcClient jdbc;
    private final Clock clock;

    FamilyHandoverService(FamilyCaseService cases, FamilyConsentService familyConsents, Families families, Consents consents,
                          Disclosures disclosures, LegalBases legalBases, JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.familyConsents = familyConsents;
        this.families = families;
        this.consents = consents;
        this.disclosures = disclosures;
        this.legalBases = legalBases;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The case's hand-overs, newest first; access checked, audited as READ. */
    public Register list(long caseId) {
        FamilyCase c = cases.readPart(caseId, "overdragelser");
        Family f = families.find(c.familyId()).orElseThrow();
        return new Register(familyConsents.part(c, f), familyConsents.recipient(c), handovers(caseId, f));
    }

    /** Records a hand-over and its disclosure (both or neither); returns it. */
    @Transactional
    public Handover add(long caseId, NewHandover n) {
        FamilyCase c = cases.write(caseId, "overdragelse");
        Family f = families.find(c.familyId()).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        Member member = FamilyConsentService.member(f, n.personId(), problems);
        Department department = Enums.parseOrNull(Department.class, n.departmentCode());
        if (department == null) problems.add(FieldProblem.of("departmentCode", "familyconsent.handover.department.required"));
        String what = Texts.blankToNull(n.caseDescription());
        if (what == null) problems.add(FieldProblem.of("caseDescription", "familyconsent.handover.case.required"));
        else Texts.check(problems, "caseDescription", what, Texts.SHORT);
        LocalDate on = n.handedOverOn() == null ? LocalDate.now(clock) : n.handedOverOn();
        if (on.isAfter(LocalDate.now(clock))) problems.add(FieldProblem.of("handedOverOn", "familyconsent.date.future"));
        if (!problems.isEmpty()) throw new ValidationException(problems);
        Long consentId = n.consentId();
        if (consentId == null && LegalBasis.CONSENT.equals(n.legalBasis())) {
            consentId = consents.forReference(FamilyConsentService.reference(caseId)).stream()
                    .filter(r -> r.personId() == member.personId() && r.inForce(on)).map(Consents.Recorded::id).findFirst().orElse(null);
        }
        String scope = "Eksisterende sag i " + department.name() + ": " + what;
        long disclosure = disclosures.record(member.personId(), new Disclosures.NewDisclosure(familyConsents.recipient(c), n.legalBasis(),
                n.legalBasisText(), consentId, scope, on, FamilyConsentService.reference(caseId)));
        long id = jdbc.sql("""
                insert into cw_family_handover (family_case_id, person_id, department_code, case_description, handed_over_on, legal_basis,
                                                disclosure_id, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(caseId, member.personId(), department.name(), what, on, n.legalBasis(), disclosure, CurrentUser.username())
                .query(Long.class).single();
        return handovers(caseId, f).stream().filter(h -> h.id() == id).findFirst().orElseThrow();
    }

    private List<Handover> handovers(long caseId, Family f) {
        Map<Long, String> names = f.members().stream().collect(Collectors.toMap(Member::personId, Member::name, (a, b) -> a));
        return jdbc.sql("""
                select id, person_id, department_code, case_description, handed_over_on, legal_basis, disclosure_id, created_by
                  from cw_family_handover where family_case_id = ? order by handed_over_on desc, id desc""").param(caseId)
                .query((rs, i) -> new Handover(rs.getLong(1), rs.getLong(2), names.getOrDefault(rs.getLong(2), "?"),
                        Department.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6),
                        legalBases.find(rs.getString(6)).map(LegalBasis::name).orElse(rs.getString(6)), rs.getLong(7),
                        rs.getString(8))).list();
    }
}
