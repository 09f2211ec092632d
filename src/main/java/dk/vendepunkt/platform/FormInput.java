package dk.vendepunkt.platform;

import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.beans.PropertyEditorSupport;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.WebRequest;

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

    /** Request attribute: the unreadable dates of the record-bound form of this request (field → problem). */
    private static final String UNREADABLE = FormInput.class.getName() + ".unreadable";

    /**
     * For a form bound to a record by Spring's data binding (casework's pages; register it in an {@code @InitBinder}):
     * a date binds as {@link #date} reads it, and an unreadable one binds as null and is remembered for the request as a
     * problem of its field ({@code form.date}, the same message as the map-style forms), which
     * {@link #throwIfUnreadable} throws before the save (and {@link FormErrors#attempt} calls it).
     */
    public static void bindDates(WebDataBinder binder, WebRequest request) {
        binder.registerCustomEditor(LocalDate.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                FormInput in = new FormInput(Collections.singletonMap("date", text));
                setValue(in.date("date"));
            }

            @Override
            public String getAsText() {
                return getValue() == null ? "" : getValue().toString();
            }
        });
        Class<?> type = binder.getTargetType() != null ? binder.getTargetType().resolve()
                : binder.getTarget() != null ? binder.getTarget().getClass() : null;
        if (type == null || !type.isRecord()) return;
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> values.put(k, v.length == 0 ? null : v[0]));
        FormInput in = new FormInput(values);
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType() == LocalDate.class) in.date(c.getName());
        }
        if (in.problems.isEmpty()) return;
        @SuppressWarnings("unchecked")
        Map<String, FieldProblem> unreadable = (Map<String, FieldProblem>) request.getAttribute(UNREADABLE, RequestAttributes.SCOPE_REQUEST);
        if (unreadable == null) {
            unreadable = new LinkedHashMap<>();
            request.setAttribute(UNREADABLE, unreadable, RequestAttributes.SCOPE_REQUEST);
        }
        for (FieldProblem p : in.problems) unreadable.putIfAbsent(p.field(), p);
    }

    /** Throws the unreadable dates of this request's record-bound form ({@link #bindDates}), if there are any. */
    public static void throwIfUnreadable() {
        RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
        if (attrs == null) return;
        Object unreadable = attrs.getAttribute(UNREADABLE, RequestAttributes.SCOPE_REQUEST);
        if (unreadable instanceof Map<?, ?> m && !m.isEmpty()) {
            throw new ValidationException(m.values().stream().map(FieldProblem.class::cast).toList());
        }
    }

    /** A problem of a field that the caller's own rule found while reading (e.g. a required version), kept with the rest. */
    public void problem(String field, String code) {
        problems.add(new FieldProblem(field, code, new Object[0]));
    }

    /** Throws when a field could not be read; call after reading every field. */
    public void throwIfProblems() {
        if (!problems.isEmpty()) throw new ValidationException(problems);
    }
}
