package dk.vendepunkt.platform;

import java.util.Arrays;

/**
 * The thing asked for does not exist (404). The message is a message-bundle code. Whole-number
 * arguments are identifiers, so they are shown as written ("Personen findes ikke (1234)"), not with
 * thousands separators.
 */
public class NotFoundException extends LocalizedException {
    public NotFoundException(String code, Object... args) {
        super(code, identifiers(args));
    }

    private static Object[] identifiers(Object[] args) {
        return Arrays.stream(args)
                .map(a -> a instanceof Long || a instanceof Integer || a instanceof Short ? a.toString() : a)
                .toArray();
    }
}
