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
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request whose query or form parameters (names or values) break {@link Texts}' rule (a
 * control character such as NUL, or more than {@link Texts#MAX_LENGTH} characters) with 400 before any
 * controller, search or login sees it: the Danish error page for a browser, problem details otherwise.
 * Runs after the request context filter (−105, for the language) and before Spring Security (−100).
 */
@Component
@Order(-104)
class BadInputFilter extends OncePerRequestFilter {

    private final ApiExceptionHandler problems;
    private final FormErrors messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;

    BadInputFilter(ApiExceptionHandler problems, FormErrors messages, LocaleResolver localeResolver, JsonMapper json) {
        this.problems = problems;
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FieldProblem problem = firstProblem(request.getParameterMap());
        if (problem == null) {
            chain.doFilter(request, response);
            return;
        }
        LocaleContextHolder.setLocale(localeResolver.resolveLocale(request));
        if (PageExceptionResolver.isPage(request, null)) {
            request.setAttribute("detail", messages.message("error.field", problem.field(),
                    messages.message(problem.code(), problem.args())));
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        ProblemDetail pd = problems.validation(new ValidationException(List.of(problem)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(pd.getType()));
        body.put("title", pd.getTitle());
        body.put("status", pd.getStatus());
        body.put("detail", pd.getDetail());
        if (pd.getProperties() != null) body.putAll(pd.getProperties());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
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
