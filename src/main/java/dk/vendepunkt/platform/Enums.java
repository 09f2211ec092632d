package dk.vendepunkt.platform;

import java.util.Locale;

/**
 * The one parser for a choice sent as text (a form's select, a JSON field, a query parameter): the enum constant
 * whose name is the text, surrounding white space ignored. A blank text is no choice (null); what a text that names
 * no constant means is the caller's: absent ({@link #parseOrNull}) or a field error ({@link #parse}).
 */
public final class Enums {

    private Enums() {}

    /** The constant named by the text (stripped, exact case), or null when the text is null, blank or names none. */
    public static <E extends Enum<E>> E parseOrNull(Class<E> type, String text) {
        return find(type, text, false);
    }

    /** As {@link #parseOrNull}, with the name compared in upper case ("bydel" names {@code BYDEL}). */
    public static <E extends Enum<E>> E parseIgnoringCase(Class<E> type, String text) {
        return find(type, text, true);
    }

    /**
     * The constant named by the text (stripped, exact case), or null when the text is null or blank; a text that
     * names no constant is a validation error (400) on {@code field} with message {@code code}.
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, String field, String code) {
        E value = parseOrNull(type, text);
        if (value == null && !Texts.isBlank(text)) throw ValidationException.of(field, code);
        return value;
    }

    private static <E extends Enum<E>> E find(Class<E> type, String text, boolean ignoreCase) {
        String name = Texts.blankToNull(text);
        if (name == null) return null;
        if (ignoreCase) name = name.toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) return constant;
        }
        return null;
    }
}
