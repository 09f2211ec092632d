package dk.vendepunkt.audit.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.organisation.StaffAccountEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;

/**
 * Writes sign-ins, failed and refused sign-ins and the administration of staff accounts to the audit
 * log. A sign-in is logged under the username that was tried (cut to the column's 64 characters), the
 * administration under the administrator of the request.
 */
@Component
class StaffAccountAuditor {

    private final AuditLog audit;

    StaffAccountAuditor(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(StaffAccountEvent e) {
        AuditAction action = switch (e.kind()) {
            case LOGIN -> AuditAction.LOGIN;
            case LOGIN_FAILED, TOKEN_REFUSED -> AuditAction.LOGIN_FAILED;
            case LOCKED_OUT -> AuditAction.LOCKED_OUT;
            case USER_CREATED, TEAM_CREATED, TOKEN_CREATED -> AuditAction.CREATE;
            case TOKEN_REVOKED -> AuditAction.DELETE;
            case USER_CHANGED, PASSWORD_RESET, PASSWORD_CHANGED, TEAM_CHANGED -> AuditAction.UPDATE;
        };
        if (e.actor() == null) {
            audit.record(action, null, null, e.subject(), e.change());
            return;
        }
        SecurityContext outer = SecurityContextHolder.getContext();
        String actor = e.actor().isBlank() ? "?" : e.actor().substring(0, Math.min(64, e.actor().length()));
        SecurityContextHolder.setContext(new SecurityContextImpl(UsernamePasswordAuthenticationToken.unauthenticated(actor, null)));
        try {
            audit.record(action, null, null, e.subject(), e.change());
        } finally {
            SecurityContextHolder.setContext(outer);
        }
    }
}
