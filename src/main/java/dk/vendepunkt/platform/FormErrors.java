package dk.vendepunkt.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns domain validation problems into field → message maps for forms, in the user's language. */
@Component
public class FormErrors {

    private final MessageSource messages;

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    public Map<String, String> of(ValidationException e) {
        Map<String, String> out = new LinkedHashMap<>();
        e.problems().forEach(p -> out.merge(p.field(), message(p.code(), p.args()), (a, b) -> a + " " + b));
        return out;
    }

    /** A stale or conflicting save as the form's error on its {@code version} field. */
    public Map<String, String> of(ConflictException e) {
        return Map.of("version", message(e.code(), e.args()));
    }

    /**
     * Runs a form's save. Answers no errors when it went through; otherwise the messages of the
     * {@link ValidationException} or {@link ConflictException} it threw, as {@link #of} gives them.
     */
    public Map<String, String> attempt(Runnable save) {
        try {
            save.run();
            return Map.of();
        } catch (ValidationException e) {
            return of(e);
        } catch (ConflictException e) {
            return of(e);
        }
    }

    public String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
