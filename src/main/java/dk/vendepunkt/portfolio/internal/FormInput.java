package dk.vendepunkt.portfolio.internal;

import dk.vendepunkt.platform.DanishNumbers;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a submitted HTML form (all values as text) into typed values, collecting a Danish message per
 * unreadable field instead of failing on the first, so the form can be shown again with every problem.
 */
public final class FormInput {

    private final Map<String, String> form;
    private final List<FieldProblem> problems = new ArrayList<>();

    public FormInput(Map<String, String> form) {
        this.form = form;
    }

    public String text(String field) {
        String v = form.get(field);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public boolean bool(String field) {
        String v = text(field);
        return v != null && (v.equals("true") || v.equals("on"));
    }

    public Integer integer(String field) {
        String v = text(field);
        if (v == null) return null;
        try {
            return Integer.valueOf(v.replace(" ", ""));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "portfolio.error.integer", new Object[0]));
            return null;
        }
    }

    public Long id(String field) {
        String v = text(field);
        if (v == null) return null;
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "portfolio.error.integer", new Object[0]));
            return null;
        }
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
        String v = text(field);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "portfolio.error.date", new Object[0]));
            return null;
        }
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String v = text(field);
        if (v == null) return null;
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "portfolio.error.choice", new Object[0]));
            return null;
        }
    }

    /** Throws when a field could not be read; call after reading every field. */
    public void throwIfProblems() {
        if (!problems.isEmpty()) throw new ValidationException(problems);
    }
}
