package dk.vendepunkt.outcomes;

import java.time.LocalDate;
import java.util.Map;

/**
 * A person's register events as counts, for measures per person such as the family-oriented model's outcomes per child
 * (later appearances on the §115 list, decisions of Ungdomskriminalitetsnævnet, charges and convictions). Events are
 * matched by the person's CPR blind index, so events imported before the person was registered count too. System use
 * for aggregate figures: no audit row; a caller that shows one person's counts audits that read itself.
 */
public interface RegisterEvents {

    /**
     * The kinds of {@code register-events.csv}: CHARGE and CONVICTION as the contract has them; LIST_115 (an appearance on
     * the police's list under retsplejelovens §115) and UKN_DECISION (a decision of Ungdomskriminalitetsnævnet) are our
     * extension (docs/outcomes.md) and carry no SSP level.
     */
    enum Kind {
        CHARGE, CONVICTION, LIST_115, UKN_DECISION;

        /** Whether the event is an offence with an SSP level (given, or looked up from the offence code). */
        public boolean hasLevel() {
            return this == CHARGE || this == CONVICTION;
        }
    }

    /**
     * The person's events per kind dated after {@code after} (exclusive) up to {@code until} (inclusive); either may be
     * null for no bound. Every kind is in the map (0 when none); an unregistered person has only zeros.
     */
    Map<Kind, Integer> counts(long personId, LocalDate after, LocalDate until);
}
