package dk.vendepunkt.audit.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditedAccessDenied;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/** Every refused request is written to the audit log (action DENIED) before the 403 is sent. */
@Component
class AuditingAccessDeniedHandler implements AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditLog audit;
    private final MessageSource messages;
    private final LocaleResolver locales;

    AuditingAccessDeniedHandler(AuditLog audit, MessageSource messages, LocaleResolver locales) {
        this.audit = audit;
        this.messages = messages;
        this.locales = locales;
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
            Locale locale = locales.resolveLocale(request); // the user's language (cookie), Danish by default
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "urn:vendepunkt:problem:403");
            problem.put("title", messages.getMessage("audit.denied.title", null, locale));
            problem.put("status", 403);
            problem.put("detail", messages.getMessage("audit.denied.detail", null, locale));
            response.getWriter().write(JSON.writeValueAsString(problem));
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
