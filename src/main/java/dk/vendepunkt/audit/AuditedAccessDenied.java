package dk.vendepunkt.audit;

import org.springframework.security.access.AccessDeniedException;

/**
 * A refusal that the throwing service has already written to the audit log with the person or forløb
 * concerned (so the generic handler does not log it twice).
 */
public class AuditedAccessDenied extends AccessDeniedException {
    public AuditedAccessDenied(String msg) {
        super(msg);
    }
}
