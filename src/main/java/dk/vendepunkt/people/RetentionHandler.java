package dk.vendepunkt.people;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Removes one retention category's data when its rule says so: a module implements one bean per category it
 * owns (casework: CASE_RECORD, outcomes: OUTCOME, people: PERSON). The retention preview lists {@link #due}; the
 * nightly job passes exactly that list to {@link #erase}. The period comes from {@link RetentionRules}.
 */
public interface RetentionHandler {

    /** One thing to delete or pseudonymise: a row of {@code table} (its id), of a person when known. */
    record Item(String table, long id, Long personId) {}

    /** A date on which some of a person's data in this category goes; {@code on} is null while it cannot be known yet (an open forløb). */
    record Expiry(String category, String what, LocalDate on) {}

    /** The category, as named in the column-sensitivity registry, e.g. "CASE_RECORD". */
    String category();

    /** "DELETE" or "PSEUDONYMISE": what {@link #erase} does. */
    String action();

    /** The tables whose rows this handler removes or pseudonymises (checked against the registry). */
    Set<String> tables();

    /** What is due at {@code asOf}, in id order. */
    List<Item> due(LocalDate asOf);

    /** Deletes or pseudonymises exactly these items (as returned by {@link #due}). */
    void erase(List<Item> items);

    /** When each part of the person's data in this category goes (for the person page). */
    List<Expiry> expiries(long personId);

    /**
     * Of these persons, those for whom this category still holds data that is not due at {@code asOf} (an open
     * forløb, one ended too recently): the person's own master data must wait for them.
     */
    Set<Long> holding(Collection<Long> personIds, LocalDate asOf);
}
