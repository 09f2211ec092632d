package dk.vendepunkt.audit;

import java.util.Collection;

/**
 * Records who did what to whose data. The actor and the route are taken from the current request
 * (or "system"). Each entry is committed in its own transaction on the audit log's own small connection
 * pool, so the log also keeps attempts whose business transaction failed and refusals, and a request
 * never waits for a second connection of the application's pool.
 */
public interface AuditLog {

    /**
     * @param personId    the person concerned, or null
     * @param enrolmentId the forløb concerned, or null
     * @param subject     what was touched, e.g. "person", "referral 17", "effect report"
     * @param reason      why (the user's stated reason, or a short description)
     */
    void record(AuditAction action, Long personId, Long enrolmentId, String subject, String reason);

    /**
     * One entry for a search or a list view naming every person shown (in the order shown); the viewer's
     * person filter finds the entry under each of them.
     */
    void shown(AuditAction action, Collection<Long> personIds, String subject, String reason);

    default void person(AuditAction action, long personId, String subject) {
        record(action, personId, null, subject, null);
    }

    default void enrolment(AuditAction action, Long personId, long enrolmentId, String subject) {
        record(action, personId, enrolmentId, subject, null);
    }
}
