package dk.vendepunkt.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Risk/need instruments as data (ADR 0021), for other parts of the product such as the family case's screening of
 * each child: YLS/CMI for 12–17, LS/RNR from 18, and whatever an administrator defines at {@code /admin/instruments}.
 * Only domains and levels are held, never a licensed instrument's item texts. No personal data: no audit.
 */
public interface RiskInstruments {

    /** One scored domain: a code (e.g. {@code PEER_RELATIONS}), its Danish name, scores 0..{@code maxScore}. */
    record Domain(String code, String name, int maxScore) {}

    /** From total score {@code minTotal} the level applies; {@code level} is LOW, MODERATE, HIGH or VERY_HIGH. */
    record Band(String level, int minTotal) {}

    /** An instrument; {@code minAge} null = not picked by age (the Exit instruments); {@code maxAge} null = no upper age. */
    record Definition(String code, String name, String description, Integer minAge, Integer maxAge, List<Domain> domains,
                      List<Band> bands, boolean active, int version) {
        public Definition {
            domains = domains == null ? List.of() : List.copyOf(domains);
            bands = bands == null ? List.of() : List.copyOf(bands);
        }

        public int maxTotal() {
            return domains.stream().mapToInt(Domain::maxScore).sum();
        }

        public boolean coversAge(int age) {
            return active && minAge != null && age >= minAge && (maxAge == null || age <= maxAge);
        }
    }

    /** A scored screening: the total and the level of the band it reaches. */
    record Score(int total, int maxTotal, String level) {}

    /** Every instrument, active first, then by name. */
    List<Definition> all();

    /** The instrument by code, if any. */
    Optional<Definition> find(String code);

    /** The active instrument whose age range holds {@code age} (12–17 YLS/CMI, 18+ LS/RNR with the seed); empty under 12. */
    Optional<Definition> forAge(int age);

    /** {@link #forAge} for the person's age in whole years on {@code on}. */
    default Optional<Definition> forPerson(LocalDate birthDate, LocalDate on) {
        return forAge(java.time.Period.between(birthDate, on).getYears());
    }

    /**
     * Scores one screening: every domain of the instrument with a score within 0..maxScore, no other domain.
     * Refused with a {@link dk.vendepunkt.platform.ValidationException} (fields {@code domains[CODE]}) otherwise.
     */
    Score score(String instrumentCode, Map<String, Integer> domainScores);
}
