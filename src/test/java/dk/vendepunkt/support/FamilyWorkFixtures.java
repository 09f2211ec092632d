package dk.vendepunkt.support;

import dk.vendepunkt.casework.internal.FamilyCaseService;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffFunction;
import dk.vendepunkt.organisation.internal.StaffAdministration;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.Families;
import dk.vendepunkt.people.Families.Relation;
import dk.vendepunkt.people.PersonDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A family case in Udredning for the assessment and plan tests (issue 13 parts 5-6): a core team with a BUF and a SOF
 * coordinator, a family of a mother (40) and a child (15) with parental authority, the case opened by the BUF
 * coordinator from the §115 review and moved to Udredning (the child's forløb has started).
 */
@Component
public class FamilyWorkFixtures {

    public record FamilyInAssessment(long caseId, long teamId, TestStaff.User coordinator, TestStaff.User partner, long familyId, long mother,
                                     long child) {}

    private final TestStaff staff;
    private final StaffAdministration admin;
    private final Families families;
    private final PersonDirectory people;
    private final FamilyCaseService cases;
    private final Clock clock;

    FamilyWorkFixtures(TestStaff staff, StaffAdministration admin, Families families, PersonDirectory people, FamilyCaseService cases, Clock clock) {
        this.staff = staff;
        this.admin = admin;
        this.families = families;
        this.people = people;
        this.cases = cases;
        this.clock = clock;
    }

    public FamilyInAssessment familyInAssessment(String familyName) {
        LocalDate today = LocalDate.now(clock);
        long team = staff.team("familywork");
        TestStaff.User buf = staff.user(Role.CASEWORKER, Set.of(StaffFunction.CORE_TEAM_MEMBER), team);
        TestStaff.User sof = staff.user(Role.CASEWORKER, Set.of(StaffFunction.CORE_TEAM_MEMBER), team);
        admin.setDepartment(buf.id(), "BUF");
        admin.setDepartment(sof.id(), "SOF");
        long family = families.createSystem(new Families.NewFamily(familyName, null), "test");
        long mother = person("Mor", today.minusYears(40), team, familyName);
        long child = person("Barn", today.minusYears(15), team, familyName);
        families.addMemberSystem(family, mother, Relation.MOTHER, today.minusYears(15), "test");
        families.addMemberSystem(family, child, Relation.CHILD, today.minusYears(15), "test");
        families.setParentalAuthoritySystem(family, mother, child, true, "test");
        try {
            SignedIn.as(buf, Role.CASEWORKER);
            long id = cases.open(new FamilyCaseService.Opening(family, team, "REVIEW_115", "Storebror sigtet; barnet har højt fravær",
                    today.minusDays(40), List.of("GANG_RELATION")));
            cases.assignPair(id, buf.id(), sof.id(), cases.read(id).version());
            // the system path: the consent gate (FamilyConsentGate) is not what these tests are about
            cases.changePhaseSystem(id, "UDREDNING", "Samtykke givet", today.minusDays(30), buf.username());
            return new FamilyInAssessment(id, team, buf, sof, family, mother, child);
        } finally {
            SignedIn.clear();
        }
    }

    private long person(String first, LocalDate birth, long team, String familyName) {
        String last = familyName.replaceFirst("^Familien ", "");
        return people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr(birth)).orElseThrow(), first, last, null, team);
    }
}
