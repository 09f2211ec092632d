package dk.vendepunkt.audit.internal;

import dk.vendepunkt.audit.AuditAction;
import java.time.Instant;
import java.util.List;

/**
 * One row of the log. {@code personIds} lists the persons shown by a search or a list view (null for an entry
 * about one person or none); {@code hashAlg} is how {@code hash} was computed (see {@link AuditHash}).
 */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, Long personId,
                         Long enrolmentId, List<Long> personIds, String subject, String route, String reason,
                         String prevHash, String hash, String hashAlg) {}
