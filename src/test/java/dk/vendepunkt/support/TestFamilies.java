package dk.vendepunkt.support;

import dk.vendepunkt.casework.internal.FamilyCaseService;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffFunction;
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
 * A family case for the consent tests: a core team with one caseworker, and the family Mette (mother, 40, parental
 * authority over Bo and Ida), Frank (father, 42, no recorded authority), Bo (12), Ida (15) and Adam (19, a child of the
 * family), the case opened by the caseworker 60 days ago in Opsporing.
 */
@Component
public class TestFamilies {

    public record Case(long id, long familyId, long team, TestStaff.User worker, long mother, long father, long child12, long young15,
                       long adult19, String surname) {}

    private final TestStaff staff;
    private final Families families;
    private final PersonDirectory people;
    private final FamilyCaseService cases;
    private final Clock clock;

    TestFamilies(TestStaff staff, Families families, PersonDirectory people, FamilyCaseService cases, Clock clock) {
        this.staff = staff;
        this.families = families;
        this.people = people;
        this.cases = cases;
        this.clock = clock;
    }

    /** Creates the family and opens its case; the caseworker is left signed in ({@link SignedIn#clear} afterwards). */
    public Case open(String prefix) {
        LocalDate today = LocalDate.now(clock);
        long team = staff.team(prefix);
        TestStaff.User worker = staff.user(Role.CASEWORKER, Set.of(StaffFunction.CORE_TEAM_MEMBER), team);
        String surname = "Fam" + Math.abs(System.nanoTime() % 1_000_000);
        long family = families.createSystem(new Families.NewFamily("Familien " + surname, null), "test");
        long mother = member(family, "Mette", surname, today.minusYears(40).minusDays(20), Relation.MOTHER, team);
        long father = member(family, "Frank", surname, today.minusYears(42).minusDays(20), Relation.FATHER, team);
        long child12 = member(family, "Bo", surname, today.minusYears(12).minusDays(20), Relation.CHILD, team);
        long young15 = member(family, "Ida", surname, today.minusYears(15).minusDays(20), Relation.CHILD, team);
        long adult19 = member(family, "Adam", surname, today.minusYears(19).minusDays(20), Relation.CHILD, team);
        families.setParentalAuthoritySystem(family, mother, child12, true, "test");
        families.setParentalAuthoritySystem(family, mother, young15, true, "test");
        SignedIn.as(worker, Role.CASEWORKER);
        long id = cases.open(new FamilyCaseService.Opening(family, team, "REVIEW_115", "Storebror er sigtet for vold",
                today.minusDays(60), List.of("GANG_RELATION")));
        return new Case(id, family, team, worker, mother, father, child12, young15, adult19, surname);
    }

    private long member(long family, String first, String surname, LocalDate birth, Relation relation, long team) {
        long p = people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr(birth)).orElseThrow(), first, surname, null, team);
        families.addMemberSystem(family, p, relation, birth.isBefore(LocalDate.now(clock).minusYears(30)) ? LocalDate.now(clock).minusYears(20) : birth, "test");
        return p;
    }
}
