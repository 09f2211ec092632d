package dk.vendepunkt.organisation.internal;

import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which passwords may be set, after NIST SP 800-63B (section 3.1.1.2): at least 12 characters, at most
 * 64 characters and 72 bytes of UTF-8 (bcrypt ignores everything after the 72nd byte, and Spring's
 * encoder refuses such a password), not on the shipped list of common and breached passwords (also
 * not after stripping digits and symbols from both ends and undoing look-alike digits such as
 * {@code P@ssw0rd2024!}), not the username, and not made of repeated or sequential characters
 * ({@code aaaaaaaaaaaa}, {@code 123456789012}, {@code abcd1234efgh}, {@code qwertyuiopå}). No
 * composition rules (no "one digit and one capital"): length and the list do the work.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 64;
    static final int MAX_BYTES = 72;
    static final String FIELD = "password";

    private static final Set<String> COMMON = load();
    private static final String[] KEYBOARD_ROWS = {"1234567890", "qwertyuiopå", "asdfghjklæø", "zxcvbnm"};

    private PasswordPolicy() {}

    /** @return the rule the password breaks (field {@value #FIELD}), or empty when it may be used */
    static Optional<FieldProblem> check(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return problem("user.password.tooShort", MIN_LENGTH);
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return problem("user.password.tooLong", MAX_LENGTH, MAX_BYTES);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String core = unLeet(strip(lower));
        if (username != null && !username.isBlank()) {
            String name = username.toLowerCase(Locale.ROOT);
            if (lower.equals(name) || core.equals(unLeet(strip(name))) || core.equals(name.replaceAll("[^\\p{L}]", ""))) {
                return problem("user.password.username");
            }
        }
        if (isTrivial(lower)) {
            return problem("user.password.trivial");
        }
        if (COMMON.contains(lower) || COMMON.contains(core) || COMMON.contains(unit(core))) {
            return problem("user.password.common");
        }
        return Optional.empty();
    }

    static boolean isAcceptable(String password, String username) {
        return check(password, username).isEmpty();
    }

    private static Optional<FieldProblem> problem(String code, Object... args) {
        return Optional.of(FieldProblem.of(FIELD, code, args));
    }

    /** Digits, symbols and spaces at either end removed: "sommer2024!" → "sommer". */
    static String strip(String s) {
        return s.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    }

    /** Look-alike characters back to letters: "p@ssw0rd" → "password". */
    static String unLeet(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(switch (c) {
                case '@', '4' -> 'a';
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return sb.toString();
    }

    /** The shortest unit the string repeats ("passwordpassword" → "password"), or the string itself. */
    static String unit(String s) {
        int n = s.length();
        for (int p = 1; p <= n / 2; p++) {
            if (n % p == 0 && s.substring(0, p).repeat(n / p).equals(s)) {
                return s.substring(0, p);
            }
        }
        return s;
    }

    /**
     * Repeated or sequential: the password repeats one unit, or splits into few runs in which each
     * character repeats its predecessor or follows it in the alphabet, the digits (9 → 0 wraps) or a
     * keyboard row, either way. At most one run per four characters is trivial.
     */
    static boolean isTrivial(String lower) {
        if (unit(lower).length() < lower.length()) return true;
        int runs = 1;
        for (int i = 1; i < lower.length(); i++) {
            if (!trivialStep(lower.charAt(i - 1), lower.charAt(i))) runs++;
        }
        return runs * 4 <= lower.length();
    }

    private static boolean trivialStep(char a, char b) {
        if (a == b) return true;
        if (Character.isLetter(a) && Character.isLetter(b) && Math.abs(a - b) == 1) return true;
        if (Character.isDigit(a) && Character.isDigit(b)) {
            int d = Math.floorMod(b - a, 10);
            if (d == 1 || d == 9) return true;
        }
        for (String row : KEYBOARD_ROWS) {
            int i = row.indexOf(a);
            int j = row.indexOf(b);
            if (i >= 0 && j >= 0 && Math.abs(i - j) == 1) return true;
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) throw new IllegalStateException("common-passwords.txt missing from the classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip().toLowerCase(Locale.ROOT);
                if (!w.isEmpty() && !w.startsWith("#")) words.add(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
