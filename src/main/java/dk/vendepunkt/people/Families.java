package dk.vendepunkt.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Families (households) and their members, for the family-oriented model (issue 13): a member's relation to the
 * family, parental authority (forældremyndighed) per adult and child, and membership over time (a person may belong
 * to several families). Access follows the members by the one reach rule ({@link PersonDirectory#reach}): a family
 * is open to a user who may work with at least one current member and is barred from none; every read and change is
 * audited under each member.
 */
public interface Families {

    /** A member's relation to the family. */
    enum Relation {
        MOTHER, FATHER, GUARDIAN, CHILD, SIBLING, OTHER;

        /** Whether the relation is one of a parent or guardian (who can hold parental authority). */
        public boolean parent() {
            return this == MOTHER || this == FATHER || this == GUARDIAN;
        }
    }

    /** A family to register; {@code districtCode} is the address area (bydel), may be null. */
    record NewFamily(String name, String districtCode) {}

    /** A membership; {@code to} is null while it lasts; {@code authorityOver}: the children this adult has parental authority over. */
    record Member(long personId, String name, LocalDate birthDate, Relation relation, LocalDate from, LocalDate to,
                  Set<Long> authorityOver) {
        public boolean current() {
            return to == null;
        }
    }

    record Family(long id, String name, String districtCode, int version, List<Member> members) {

        public List<Member> currentMembers() {
            return members.stream().filter(Member::current).toList();
        }

        public List<Member> children() {
            return currentMembers().stream().filter(m -> m.relation() == Relation.CHILD).toList();
        }

        public List<Member> parents() {
            return currentMembers().stream().filter(m -> m.relation().parent()).toList();
        }

        public Optional<Member> member(long personId) {
            return currentMembers().stream().filter(m -> m.personId() == personId).findFirst();
        }

        /** Whether {@code adultId} has parental authority over {@code childId} in this family. */
        public boolean hasAuthority(long adultId, long childId) {
            return member(adultId).map(m -> m.authorityOver().contains(childId)).orElse(false);
        }
    }

    /** A family a person belongs to (or belonged to), for the person page. */
    record FamilyLine(long familyId, String name, Relation relation, LocalDate from, LocalDate to) {}

    /** Registers a family on behalf of the current user (case staff); audited. Returns its id. */
    long create(NewFamily family);

    /** Registers a family without a signed-in user (demo data, system use); audited. */
    long createSystem(NewFamily family, String by);

    /**
     * Adds a person the current user may work with as a member from {@code from}; a person already a current member is
     * refused. Audited as an UPDATE of the person ("familie").
     */
    void addMember(long familyId, long personId, Relation relation, LocalDate from);

    /** System variant of {@link #addMember} (demo data, tests): no user check, audited all the same. */
    void addMemberSystem(long familyId, long personId, Relation relation, LocalDate from, String by);

    /** Ends a current membership on {@code to}; parental authority recorded in the family for that person ends with it. */
    void endMembership(long familyId, long personId, LocalDate to);

    /** Records or removes an adult's parental authority over a child of the family (both current members). */
    void setParentalAuthority(long familyId, long adultId, long childId, boolean holds);

    /** System variant of {@link #setParentalAuthority} (demo data). */
    void setParentalAuthoritySystem(long familyId, long adultId, long childId, boolean holds, String by);

    /** The family with its members (all memberships, current and past), access checked and audited as a READ. */
    Family read(long familyId);

    /** The family without access check or audit (system use inside other modules' already-checked flows). */
    Optional<Family> find(long familyId);

    /**
     * Throws an audited 403 unless the current user may work with the family (see the class comment); {@code subject}
     * names what is touched (e.g. "familiesag").
     */
    void checkAccess(long familyId, String subject);

    /** Whether the current user may work with the family (no audit; for lists that filter). */
    boolean canAccess(long familyId);

    /** The families a person belongs or belonged to, newest first. */
    List<FamilyLine> familiesOf(long personId);
}
