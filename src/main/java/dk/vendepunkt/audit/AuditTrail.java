package dk.vendepunkt.audit;

import java.time.Instant;
import java.util.List;

/**
 * Who accessed a person's data, when, what and why: the audit log's share of a subject-access answer (GDPR
 * art. 15). Reading the trail is not itself audited here; the caller audits the answer it builds.
 */
public interface AuditTrail {

    /** One access: the entry about the person, or a search or list view that showed them. */
    record Access(long id, Instant occurredAt, String actor, String action, Long enrolmentId, String subject,
                  String route, String reason) {}

    /** Every entry about the person or naming them among the persons shown, oldest first. */
    List<Access> accessesTo(long personId);
}
