package dk.vendepunkt.platform;

import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a submitted map-style HTML form (all values as text) into typed values, collecting a message per
 * unreadable field instead of failing on the first, so the form can be shown again with every problem
 * ({@link #throwIfProblems}). The one form binding for forms that are not bound to a record; text through
 * {@link Texts#blankToNull}, choices through {@link Enums}. Messages {@code form.integer}, {@code form.date},
 * {@code form.choice} (i18n/messages), numbers with the caller's code.
 */
public final class FormInput {

    private final Map<String, String> form;
    private final List<FieldProblem> problems = new ArrayList<>();

    public FormInput(Map<String, String> form) {
        this.form = form;
    }

    public String text(String field) {
        return Texts.blankToNull(form.get(field));
    }

    public boolean bool(String field) {
        String v = text(field);
        return v != null && (v.equals("true") || v.equals("on"));
    }

    public Integer integer(String field) {
        return read(field, "form.integer", v -> Integer.valueOf(v.replace(" ", "")));
    }

    public Long id(String field) {
        return read(field, "form.integer", Long::valueOf);
    }

    /** An exact decimal as Danes write it (0,60; 1.250.000,50) or with a decimal point (0.60), see {@link DanishNumbers}. */
    public BigDecimal decimal(String field, String code) {
        return number(field, code, false);
    }

    /** An amount in kroner: as {@link #decimal}, but "12.500" and "1.250.000" are thousands (12 500 kr, not 12,5 kr). */
    public BigDecimal amount(String field, String code) {
        return number(field, code, true);
    }

    private BigDecimal number(String field, String code, boolean amount) {
        String v = text(field);
        if (v == null) return null;
        Optional<BigDecimal> d = DanishNumbers.parse(v, amount);
        if (d.isEmpty()) problems.add(new FieldProblem(field, code, new Object[0]));
        return d.orElse(null);
    }

    public LocalDate date(String field) {
        return read(field, "form.date", LocalDate::parse);
    }

    /** The field's text read by {@code parse}; null when empty; null and a problem ({@code code}) when unreadable. */
    private <T> T read(String field, String code, Function<String, T> parse) {
        String v = text(field);
        if (v == null) return null;
        try {
            return parse.apply(v);
        } catch (NumberFormatException | DateTimeParseException e) {
            problems.add(new FieldProblem(field, code, new Object[0]));
            return null;
        }
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String v = text(field);
        if (v == null) return null;
        E value = Enums.parseOrNull(type, v);
        if (value == null) problems.add(new FieldProblem(field, "form.choice", new Object[0]));
        return value;
    }

    /** Throws when a field could not be read; call after reading every field. */
    public void throwIfProblems() {
        if (!problems.isEmpty()) throw new ValidationException(problems);
    }
}
