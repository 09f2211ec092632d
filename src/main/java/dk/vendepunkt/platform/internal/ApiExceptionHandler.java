package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.Texts;
import dk.vendepunkt.platform.TooManyRequestsException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.imports.ImportFailedException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the REST API as RFC 9457 problem details, with field errors under {@code errors}.
 * Messages are in the request's language (Danish by default). Ordered before Spring Boot's generic
 * problem-details handler (order 0), whose Spring MVC errors get Danish texts from the
 * {@code problemDetail.*} keys of the message bundle (e.g. 415 for an unsupported Content-Type).
 */
@Order(-1)
@RestControllerAdvice(basePackages = "dk.vendepunkt", annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiExceptionHandler {

    private final MessageSource messages;

    public ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    private String msg(String code, Object[] args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, MessageSourceFormErrors.danishDates(args), code, locale);
    }

    private ProblemDetail problem(HttpStatus status, String titleCode, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(msg(titleCode, new Object[0]));
        pd.setType(URI.create("urn:vendepunkt:problem:" + status.value()));
        return pd;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "problem.notFound", msg(e.code(), e.args()));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "problem.conflict", msg(e.code(), e.args()));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ProblemDetail tooMany(TooManyRequestsException e) {
        return problem(HttpStatus.TOO_MANY_REQUESTS, "problem.tooManyRequests", msg(e.code(), e.args()));
    }

    /** A request body over the configured limit (see {@code BadInputFilter}). */
    ProblemDetail tooLarge(String detail) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "problem.tooLarge", detail);
    }

    /** A form or multipart body that cannot be decoded (see {@code BadInputFilter}). */
    ProblemDetail unreadable(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "problem.validation", detail);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail stale(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "problem.conflict", msg("error.stale", new Object[0]));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "problem.conflict", msg("error.duplicate", new Object[0]));
    }

    @ExceptionHandler(ValidationException.class)
    ProblemDetail validation(ValidationException e) {
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "problem.validation", msg("problem.validation.detail", new Object[0]));
        List<Map<String, String>> errors = new ArrayList<>();
        for (var p : e.problems()) {
            errors.add(Map.of("field", p.field(), "message", msg(p.code(), p.args())));
        }
        pd.setProperty("errors", errors);
        return pd;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail beanValidation(MethodArgumentNotValidException e) {
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, "problem.validation", msg("problem.validation.detail", new Object[0]));
        List<Map<String, String>> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(fe -> errors.add(Map.of(
                "field", fe.getField(),
                "message", messages.getMessage(fe, LocaleContextHolder.getLocale()))));
        pd.setProperty("errors", errors);
        return pd;
    }

    /** A JSON body that cannot be read, or with a string that breaks {@link Texts}' rule. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ValidationException v) return validation(v);
        }
        return problem(HttpStatus.BAD_REQUEST, "problem.validation", msg("error.unreadable", new Object[0]));
    }

    /** The safety net: a value the database refuses (too long, NUL) that no validation caught is a 400. */
    @ExceptionHandler(DataAccessException.class)
    ProblemDetail refusedByDatabase(DataAccessException e) {
        if (!Texts.refusedByDatabase(e)) throw e;
        return problem(HttpStatus.BAD_REQUEST, "problem.validation", msg("error.badText", new Object[0]));
    }

    @ExceptionHandler(ImportFailedException.class)
    ResponseEntity<Map<String, Object>> importFailed(ImportFailedException e) {
        return ResponseEntity.status(422).body(Map.of("kind", e.kind(), "errors", e.errors()));
    }
}
