package dk.vendepunkt.audit;

/** Result of checking the hash chain: the first broken link, if any. */
public record ChainVerification(boolean intact, long checked, Long firstBrokenId, String problem) {}
