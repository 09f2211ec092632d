package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * Consent to take part in the family-oriented model (seed 003, issue 13, ADR 0024), one named function per rule. Danish
 * law as 003 applies it: for a child under 15 the consent comes from a guardian with parental authority
 * (forældremyndighed); from 15 the young person may consent (or the guardian with authority); from 18 only the person
 * themself. An adult member may refuse the parents' involvement. Before the case enters Udredning every child who will
 * get a forløb has a consent in force. Ages are on the day the consent is given.
 */
public final class FamilyConsentRules {

    /** From this age a young person may give their own consent. */
    public static final int OWN_CONSENT_FROM = 15;
    /** From this age only the person themself may consent, and may refuse the parents' involvement. */
    public static final int ADULT_FROM = 18;

    private FamilyConsentRules() {}

    /** Who gives the consent. */
    public enum Giver { PERSON, GUARDIAN }

    /**
     * A consent as the giver rules see it.
     *
     * @param memberName   the member the consent is about
     * @param guardianName the guardian chosen among the family's members (null when the person gives it)
     * @param guardianHasAuthority whether that guardian is a current member with recorded parental authority over the member
     */
    public record Giving(String memberName, int age, Giver givenBy, String guardianName, boolean guardianHasAuthority) {}

    /** A child the case is about to enrol (6-22, no forløb yet) and whether a consent of the case is in force for them. */
    public record ChildConsent(String name, boolean consentInForce) {}

    public static int age(LocalDate birthDate, LocalDate on) {
        return Period.between(birthDate, on).getYears();
    }

    /** Every giver rule, in order; empty when the consent may be recorded. */
    public static List<FieldProblem> giver(Giving g) {
        return Rules.problems(giverRequired(g), guardianNamed(g), underFifteenOnlyByGuardian(g), adultOnlyOwn(g),
                guardianWithAuthority(g));
    }

    public static Optional<FieldProblem> giverRequired(Giving g) {
        return Rules.when(g.givenBy() == null, "givenBy", "familyconsent.givenBy.required");
    }

    public static Optional<FieldProblem> guardianNamed(Giving g) {
        return Rules.when(g.givenBy() == Giver.GUARDIAN && g.guardianName() == null, "guardianId", "familyconsent.guardian.required");
    }

    /** Under 15 the child cannot consent alone: a guardian with parental authority gives it. */
    public static Optional<FieldProblem> underFifteenOnlyByGuardian(Giving g) {
        return Rules.when(g.givenBy() == Giver.PERSON && g.age() < OWN_CONSENT_FROM, "givenBy", "familyconsent.givenBy.child",
                g.memberName(), g.age());
    }

    /** From 18 only the person's own consent counts; a parent's is refused. */
    public static Optional<FieldProblem> adultOnlyOwn(Giving g) {
        return Rules.when(g.givenBy() == Giver.GUARDIAN && g.age() >= ADULT_FROM, "givenBy", "familyconsent.givenBy.adult",
                g.memberName(), g.age());
    }

    /** Under 18 a guardian's consent counts only when the guardian is a member with recorded parental authority over the child. */
    public static Optional<FieldProblem> guardianWithAuthority(Giving g) {
        return Rules.when(g.givenBy() == Giver.GUARDIAN && g.guardianName() != null && g.age() < ADULT_FROM && !g.guardianHasAuthority(),
                "guardianId", "familyconsent.guardian.noAuthority", g.guardianName(), g.memberName());
    }

    /** Only a member of 18 or more may refuse the parents' involvement (a child's parents hold the authority). */
    public static Optional<FieldProblem> refusalOnlyByAdult(String memberName, int age) {
        return Rules.when(age < ADULT_FROM, "personId", "familyconsent.refusal.notAdult", memberName, age);
    }

    /**
     * The Udredning gate: every child who will get a forløb when the case enters Udredning has a consent of the case in
     * force on the day; the refusal names the children without one.
     */
    public static Optional<FieldProblem> consentForEveryChild(List<ChildConsent> children) {
        List<String> missing = children.stream().filter(c -> !c.consentInForce()).map(ChildConsent::name).toList();
        return Rules.when(!missing.isEmpty(), "toPhase", "familyconsent.udredning.missing", String.join(", ", missing));
    }
}
