package dk.vendepunkt.platform;

import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The one rule for text typed or sent by users: no control characters other than tab and line breaks
 * (a NUL byte cannot even be stored), and a length limit. Used on every request parameter
 * ({@link BadInputFilter}), every string of a JSON body, every cell of an import, and with a tighter
 * per-field limit by the services for short fields (names). Errors show at most an {@link #excerpt}
 * of the value.
 */
public final class Texts {

    /** The longest text any field accepts (journal notes and other free text included). */
    public static final int MAX_LENGTH = 20_000;

    /** The longest short text: names, titles, references (they are indexed, and an index row is small). */
    public static final int SHORT = 200;

    /** How much of a bad value an error shows. */
    public static final int EXCERPT = 60;

    private Texts() {}

    /** True when the text holds a control character other than tab, line feed and carriage return. */
    public static boolean hasControl(CharSequence s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (isControl(c)) return true;
        }
        return false;
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    /**
     * The problem with a value, or null when it is fine (null is fine): message code
     * {@code text.control} or {@code text.tooLong} (argument: the limit).
     */
    public static FieldProblem problem(String field, String value, int max) {
        if (value == null) return null;
        if (value.length() > max) return FieldProblem.of(field, "text.tooLong", max);
        if (hasControl(value)) return FieldProblem.of(field, "text.control");
        return null;
    }

    /** Adds the value's problem (if any) to the list. */
    public static void check(List<FieldProblem> problems, String field, String value, int max) {
        FieldProblem p = problem(field, value, max);
        if (p != null) problems.add(p);
    }

    /** Throws when the value breaks the rule. */
    public static void require(String field, String value, int max) {
        FieldProblem p = problem(field, value, max);
        if (p != null) throw new ValidationException(List.of(p));
    }

    /**
     * SQL states with which the database (or its driver) refuses a value a request brought: too long for
     * its column (22001), too long for an index row (54000), a NUL or a character the encoding lacks
     * (22021, 22P05, and the driver's 22023 for a zero byte in a parameter).
     */
    private static final Set<String> REFUSED_BY_DATABASE = Set.of("22001", "54000", "22021", "22P05", "22023");

    /** True when the exception (or a cause) is the database refusing a text value, a 400 and not a 500. */
    public static boolean refusedByDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && REFUSED_BY_DATABASE.contains(s.getSQLState())) return true;
        }
        return false;
    }

    /** True when the text is null or only white space: a field left empty. */
    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * An optional text as stored: stripped of surrounding white space, or null when it is null or blank. The one
     * helper for "empty means absent" (forms, JSON bodies, services).
     */
    public static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }

    /** The value's first {@value #EXCERPT} characters and '…' when longer, control characters shown as '�'. */
    public static String excerpt(String value) {
        if (value == null) return null;
        String s = value.length() > EXCERPT ? value.substring(0, EXCERPT) : value;
        if (hasControl(s)) {
            char[] cs = s.toCharArray();
            for (int i = 0; i < cs.length; i++) if (isControl(cs[i])) cs[i] = '\uFFFD';
            s = new String(cs);
        }
        return value.length() > EXCERPT ? s + "…" : s;
    }

    /**
     * A Danish title as a file name a user recognises and every system accepts: lower case, æ ø å as ae oe aa,
     * other accents dropped, everything but letters and digits as single hyphens ("Nøgletal for kriminalitet
     * 2025" → "noegletal-for-kriminalitet-2025"); "rapport" when nothing is left.
     */
    public static String fileName(String title) {
        String s = title == null ? "" : title.toLowerCase(java.util.Locale.ROOT)
                .replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
        s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 80) s = s.substring(0, 80).replaceAll("-+$", "");
        return s.isEmpty() ? "rapport" : s;
    }
}
