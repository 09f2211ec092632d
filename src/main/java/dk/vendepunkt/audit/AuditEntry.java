package dk.vendepunkt.audit;

import java.time.Instant;

/** One row of the log. */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, Long personId,
                         Long enrolmentId, String subject, String route, String reason, String prevHash, String hash) {}
