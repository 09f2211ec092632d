package dk.vendepunkt.audit;

import java.util.List;

/**
 * How the audit log's viewer finds a person by name or CPR number without knowing the people module: the
 * people module implements it (an exact CPR number through the keyed hash, the blind index; otherwise part of
 * the name), for every person regardless of team, and audits the search itself.
 */
public interface AuditPersonLookup {

    /** A person found, with what the viewer shows of them (name and masked CPR). */
    record Found(long personId, String label) {}

    List<Found> find(String query, int limit);
}
