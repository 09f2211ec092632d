package dk.vendepunkt.people;

import java.time.Period;
import java.util.Optional;

/** The retention periods per category, from configuration ({@code vendepunkt.retention.periods.<CATEGORY>}). */
public interface RetentionRules {

    /** How long after its reference date data of this category is kept; empty when no rule deletes it. */
    Optional<Period> period(String category);

    /** The category's period; fails when the configuration names none (a handler's category must have one). */
    default Period required(String category) {
        return period(category).orElseThrow(() -> new IllegalStateException("no vendepunkt.retention.periods." + category));
    }
}
