package dk.vendepunkt.audit;

import java.time.Instant;

/**
 * The audit log's retention (category AUDIT, ADR 0020): the entries at the start of the chain that are older than
 * the period are removed under a signed anchor, and verification continues from the anchor. The retention service
 * counts them in its preview and prunes them in its job.
 */
public interface AuditRetention {

    /**
     * How many entries a prune before {@code before} removes: the longest run from the start of the chain whose
     * entries are all older than {@code before} (an entry dated later stops it; the chain is cut only at its start).
     */
    long dueBefore(Instant before);

    /**
     * Removes exactly those entries, records the anchor and audits the prune (one DELETE entry); returns how many were
     * removed. Nothing is removed while the chain does not verify: the evidence is kept and the error logged.
     */
    long pruneBefore(Instant before);
}
