package dk.vendepunkt.audit.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditedAccessDenied;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Every refused request is written to the audit log (action DENIED) before the 403 is sent. */
@Component
class AuditingAccessDeniedHandler implements AccessDeniedHandler {

    private final AuditLog audit;

    AuditingAccessDeniedHandler(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        if (!(e instanceof AuditedAccessDenied)) {
            // Spring's generic "Access Denied" adds nothing to the action DENIED; keep only specific reasons
            String reason = "Access Denied".equals(e.getMessage()) ? null : e.getMessage();
            audit.record(AuditAction.DENIED, null, null, "route", reason);
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"urn:vendepunkt:problem:403\",\"title\":\"Adgang nægtet\",\"status\":403,"
                    + "\"detail\":\"Du har ikke adgang til denne ressource.\"}");
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
