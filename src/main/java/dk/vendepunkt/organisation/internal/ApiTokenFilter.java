package dk.vendepunkt.organisation.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer vpt_…} on the API: the token is looked up by its SHA-256 ({@link ApiTokens}), no
 * password encoder is involved. A refused token ends the request with 401 and {@code WWW-Authenticate: Bearer
 * error="invalid_token"}; a valid one signs the request in with the token's roles, so the URL rules and the
 * services' role and team checks apply as to any user (a missing role is a 403 there).
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final MessageSource messages;

    ApiTokenFilter(ApiTokens tokens, MessageSource messages) {
        this.tokens = tokens;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var principal = tokens.authenticate(header.substring(7).trim());
        if (principal.isEmpty()) {
            Locale locale = request.getHeader("Accept-Language") == null ? Locale.forLanguageTag("da") : request.getLocale();
            String detail = messages.getMessage("apiToken.invalid", null, locale);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                    + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            return;
        }
        var p = principal.get();
        var auth = UsernamePasswordAuthenticationToken.authenticated(p.name(), null,
                p.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        SecurityContextHolder.setContext(new SecurityContextImpl(auth));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
