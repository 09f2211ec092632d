package dk.vendepunkt.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns domain validation problems into field → message maps for forms, in the user's language. */
public interface FormErrors {

    /** The message for a code from the message bundles, in the user's language; the code itself when there is none. */
    String message(String code, Object... args);

    default Map<String, String> of(ValidationException e) {
        Map<String, String> out = new LinkedHashMap<>();
        e.problems().forEach(p -> out.merge(p.field(), message(p.code(), p.args()), (a, b) -> a + " " + b));
        return out;
    }

    /** A stale or conflicting save as the form's error on its {@code version} field. */
    default Map<String, String> of(ConflictException e) {
        return Map.of("version", message(e.code(), e.args()));
    }

    /**
     * Runs a form's save, unless the form had unreadable dates ({@link FormInput#bindDates}). Answers no errors when it
     * went through; otherwise the messages of the
     * {@link ValidationException} or {@link ConflictException} it threw, as {@link #of} gives them.
     */
    default Map<String, String> attempt(Runnable save) {
        try {
            FormInput.throwIfUnreadable(); // a record-bound form's unreadable dates: the save does not run
            save.run();
            return Map.of();
        } catch (ValidationException e) {
            return of(e);
        } catch (ConflictException e) {
            return of(e);
        }
    }
}
