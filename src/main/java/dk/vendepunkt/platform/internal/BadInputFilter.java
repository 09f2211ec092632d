package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request whose body is larger than {@code vendepunkt.limits.max-body-size} (default 1 MB; file imports
 * under {@code /api/v1/imports/} and {@code /imports} may send up to {@code vendepunkt.limits.max-upload-size}, default
 * 512 MB, the multipart limit) with 413, judged by its Content-Length before anything reads it. Refuses a request whose query or form parameters (names or values) break {@link Texts}' rule (a
 * control character such as NUL, or more than {@link Texts#MAX_LENGTH} characters) with 400 before any
 * controller, search or login sees it: the Danish error page for a browser, problem details otherwise.
 * A form or multipart body that cannot be decoded (a bad %-escape, no multipart boundary) is a 400 too, also when
 * Spring's {@code FormContentFilter} (−9900) finds it in a PUT. Runs before that filter and Spring Security (−100), after
 * the character encoding filter; it resolves the request's language itself.
 */
@Component
@Order(-10000)
class BadInputFilter extends OncePerRequestFilter {

    private final ApiExceptionHandler problems;
    private final FormErrors messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;

    private final long maxBody;
    private final long maxUpload;

    BadInputFilter(ApiExceptionHandler problems, FormErrors messages, LocaleResolver localeResolver, JsonMapper json,
            @Value("${vendepunkt.limits.max-body-size:1MB}") DataSize maxBody,
            @Value("${vendepunkt.limits.max-upload-size:512MB}") DataSize maxUpload) {
        this.maxBody = maxBody.toBytes();
        this.maxUpload = maxUpload.toBytes();
        this.problems = problems;
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = isUpload(request) ? maxUpload : maxBody;
        if (request.getContentLengthLong() > limit) {
            LocaleContextHolder.setLocale(localeResolver.resolveLocale(request));
            String detail = messages.message("error.tooLarge", megabytes(limit), megabytes(maxUpload));
            if (PageExceptionResolver.isPage(request, null)) {
                request.setAttribute("detail", detail);
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            write(response, problems.tooLarge(detail));
            return;
        }
        FieldProblem problem;
        try {
            problem = firstProblem(request.getParameterMap());
        } catch (IllegalStateException e) { // Tomcat's InvalidParameterException: a broken form or multipart body
            refuseUnreadable(request, response);
            return;
        }
        if (problem != null) {
            LocaleContextHolder.setLocale(localeResolver.resolveLocale(request));
            if (PageExceptionResolver.isPage(request, null)) {
                request.setAttribute("detail", messages.message("error.field", problem.field(),
                        messages.message(problem.code(), problem.args())));
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            write(response, problems.validation(new ValidationException(List.of(problem))));
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (HttpMessageNotReadableException e) { // from FormContentFilter (a PUT/PATCH form body); controllers' go to the advice
            if (response.isCommitted()) throw e;
            refuseUnreadable(request, response);
        }
    }

    private void refuseUnreadable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LocaleContextHolder.setLocale(localeResolver.resolveLocale(request));
        String detail = messages.message("error.unreadableForm");
        if (PageExceptionResolver.isPage(request, null)) {
            request.setAttribute("detail", detail);
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        write(response, problems.unreadable(detail));
    }

    /** A file import: the import API and the import page's upload. */
    private static boolean isUpload(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/v1/imports/") || path.equals("/imports");
    }

    /** "1 MB", "512 kB", "100 byte": a limit as the operator set it. */
    static String megabytes(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return bytes / (1024 * 1024) + " MB";
        if (bytes >= 1024 && bytes % 1024 == 0) return bytes / 1024 + " kB";
        return bytes + " byte";
    }

    private void write(HttpServletResponse response, ProblemDetail pd) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(pd.getType()));
        body.put("title", pd.getTitle());
        body.put("status", pd.getStatus());
        body.put("detail", pd.getDetail());
        if (pd.getProperties() != null) body.putAll(pd.getProperties());
        response.setStatus(pd.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    /** The first bad parameter name or value; the field is named by (an excerpt of) the parameter's name. */
    static FieldProblem firstProblem(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> p : parameters.entrySet()) {
            String field = Texts.excerpt(p.getKey());
            FieldProblem bad = Texts.problem(field, p.getKey(), Texts.SHORT);
            for (int i = 0; bad == null && i < p.getValue().length; i++) {
                bad = Texts.problem(field, p.getValue()[i], Texts.MAX_LENGTH);
            }
            if (bad != null) return bad;
        }
        return null;
    }
}
