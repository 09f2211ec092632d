package dk.vendepunkt.people.domain;

import dk.vendepunkt.people.ConsentGiver;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of consent, each a named function returning the refusal (a message code and its arguments) or nothing
 * (ADR 0011). Age is the person's age on the day the consent was given, from the CPR number's birth date.
 */
public final class ConsentRules {

    /** Below this age only a guardian with parental authority can consent. */
    public static final int OWN_CONSENT_FROM = 15;
    /** From this age only the person themself can consent. */
    public static final int ADULT_FROM = 18;

    private ConsentRules() {}

    /** Why a consent is refused: a message code of the {@code disclosures} bundle and its arguments. */
    public record Refusal(String code, Object... args) {}

    /** A recorded consent as the disclosure rule sees it. */
    public record ConsentFacts(boolean consentBasis, String purpose, LocalDate givenOn, LocalDate expiresOn, LocalDate withdrawnOn,
                               ConsentGiver givenBy, String guardianName, Boolean guardianCustody, String recipients, LocalDate birthDate) {}

    /**
     * Who may give a consent: under 15 only a guardian with parental authority; 15-17 the young person or a guardian with
     * parental authority; from 18 only the person themself.
     */
    public static Optional<Refusal> giver(LocalDate birthDate, LocalDate givenOn, ConsentGiver givenBy, String guardianName,
                                          Boolean guardianCustody) {
        int age = Period.between(birthDate, givenOn).getYears();
        if (givenBy == null) return refuse("consent.givenBy.unknown");
        if (age >= ADULT_FROM) {
            return givenBy == ConsentGiver.PERSON ? Optional.empty() : refuse("consent.givenBy.adult", age);
        }
        if (givenBy == ConsentGiver.GUARDIAN) {
            return Boolean.TRUE.equals(guardianCustody) ? Optional.empty() : refuse("consent.givenBy.noCustody", guardianName, age);
        }
        return age < OWN_CONSENT_FROM ? refuse("consent.givenBy.child", age) : Optional.empty();
    }

    /**
     * Whether a consent carries a disclosure to {@code recipient} on {@code on}: it is a consent, given by then, not
     * withdrawn by then, not expired, names the recipient among those it allows disclosure to, and was given by
     * someone who could give it.
     */
    public static Optional<Refusal> carriesDisclosure(ConsentFacts c, String recipient, LocalDate on) {
        if (!c.consentBasis()) return refuse("disclosure.consent.notConsent", c.purpose());
        if (c.givenOn().isAfter(on)) return refuse("disclosure.consent.notYetGiven", c.givenOn());
        if (c.withdrawnOn() != null && !c.withdrawnOn().isAfter(on)) return refuse("disclosure.consent.withdrawn", c.withdrawnOn());
        if (c.expiresOn() != null && c.expiresOn().isBefore(on)) return refuse("disclosure.consent.expired", c.expiresOn());
        if (!covers(c.recipients(), recipient)) return refuse("disclosure.consent.wrongPurpose", c.purpose(), recipient);
        return giver(c.birthDate(), c.givenOn(), c.givenBy(), c.guardianName(), c.guardianCustody());
    }

    /** The recipients a consent names (one per line or separated by ";"), compared without case and outer spaces. */
    public static boolean covers(String recipients, String recipient) {
        if (recipients == null || recipient == null || recipient.isBlank()) return false;
        String wanted = recipient.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(recipients.split("[;\\n]")).map(s -> s.strip().toLowerCase(Locale.ROOT)).anyMatch(wanted::equals);
    }

    private static Optional<Refusal> refuse(String code, Object... args) {
        return Optional.of(new Refusal(code, args));
    }
}
