package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.FormErrors;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.TooManyRequestsException;
import dk.vendepunkt.platform.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of the HTML pages as the Danish error page instead of the API's problem details: an unknown
 * address, a person/forløb/programme that does not exist, a malformed id or date in the address, and
 * domain refusals a page controller does not turn into form messages. API calls ({@code /api/**},
 * {@code @ResponseBody} handlers) and clients that do not ask for HTML keep the problem details of
 * {@link ApiExceptionHandler}; access denied stays with Spring Security.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageExceptionResolver implements HandlerExceptionResolver {

    private final FormErrors messages;

    PageExceptionResolver(FormErrors messages) {
        this.messages = messages;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!isPage(request, handler)) {
            return null;
        }
        return switch (ex) {
            case NotFoundException e -> page(HttpStatus.NOT_FOUND, messages.message(e.code(), e.args()));
            case NoResourceFoundException e -> page(HttpStatus.NOT_FOUND, null);
            case MethodArgumentTypeMismatchException e when e.getParameter().hasParameterAnnotation(PathVariable.class) ->
                    page(HttpStatus.NOT_FOUND, null);
            case MethodArgumentTypeMismatchException e ->
                    page(HttpStatus.BAD_REQUEST, messages.message("error.badParameter", e.getName()));
            case MissingServletRequestParameterException e ->
                    page(HttpStatus.BAD_REQUEST, messages.message("error.missingParameter", e.getParameterName()));
            case ValidationException e -> page(HttpStatus.BAD_REQUEST, String.join(" ", messages.of(e).values()));
            case ConflictException e -> page(HttpStatus.CONFLICT, messages.message(e.code(), e.args()));
            case TooManyRequestsException e -> page(HttpStatus.TOO_MANY_REQUESTS, messages.message(e.code(), e.args()));
            case OptimisticLockingFailureException e -> page(HttpStatus.CONFLICT, messages.message("error.stale"));
            case DuplicateKeyException e -> page(HttpStatus.CONFLICT, messages.message("error.duplicate"));
            case DataAccessException e when Texts.refusedByDatabase(e) -> page(HttpStatus.BAD_REQUEST, messages.message("error.badText"));
            case HttpMediaTypeNotSupportedException e -> page(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    messages.message(e.getDetailMessageCode(), e.getDetailMessageArguments()));
            default -> null;
        };
    }

    private static ModelAndView page(HttpStatus status, String detail) {
        ModelAndView mv = new ModelAndView("error", status);
        mv.addObject("status", status.value());
        mv.addObject("detail", detail);
        return mv;
    }

    /** A browser asking for a page (not the API, not a JSON/file endpoint). */
    static boolean isPage(HttpServletRequest request, Object handler) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return false;
        }
        if (handler instanceof HandlerMethod m && (AnnotatedElementUtils.hasAnnotation(m.getBeanType(), ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(m.getMethod(), ResponseBody.class))) {
            return false;
        }
        String accept = request.getHeader("Accept");
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(t -> !t.isWildcardType() && t.isCompatibleWith(MediaType.TEXT_HTML));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
