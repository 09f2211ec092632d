package dk.vendepunkt.audit.internal;

import java.time.Instant;

/**
 * Result of checking the hash chain and comparing its head with the latest checkpoint.
 *
 * @param intact        the chain checks out and contains the latest checkpoint
 * @param checked       entries whose link and hash were checked
 * @param firstBrokenId the first entry that does not check out (null when none or when entries are missing at the end)
 * @param problem       message key of the problem, null when intact (see {@link #args()})
 * @param lastId        the last entry in the table (null when empty)
 * @param checkpoint    the latest checkpoint read from the data dir (null when there is none or it is forged)
 * @param missing       entries the checkpoint counts that are gone (tail deleted, table emptied), or null
 * @param anchor        where the pruned log starts (the latest valid anchor; null when nothing was pruned or the anchors are forged)
 */
public record ChainVerification(boolean intact, long checked, Long firstBrokenId, String problem, Long lastId,
                                Checkpoint checkpoint, Long missing, Anchor anchor) {

    /**
     * Where a prune cut the chain (ADR 0020): its last removed entry (id, hash, time), the chain's position there
     * (entries up to and including it, over every prune), the cutoff, how many this prune removed, and when.
     */
    public record Anchor(long lastId, long position, String lastHash, Instant lastOccurredAt, Instant cutoff, long pruned,
                         Instant createdAt) {}

    /** A signed head of the chain kept outside the database: last id, number of entries up to it, its hash. */
    public record Checkpoint(long lastId, long count, String hash, Instant at) {}

    /** The message arguments of {@link #problem()}. */
    public Object[] args() {
        return new Object[] {firstBrokenId, checked, missing, lastId, checkpoint == null ? null : checkpoint.lastId(),
                checkpoint == null ? null : checkpoint.count()};
    }
}
