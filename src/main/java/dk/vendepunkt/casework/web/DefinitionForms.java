package dk.vendepunkt.casework.web;

import dk.vendepunkt.casework.ProgressScales;
import dk.vendepunkt.casework.RiskInstruments;
import dk.vendepunkt.casework.domain.RiskLevel;
import dk.vendepunkt.platform.FormInput;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The administrator's forms for instruments and progress scales as data: one textarea line per domain
 * ({@code CODE; Name; max}) or option ({@code CODE; Name}), one number per level. Reads a submitted form into the
 * API records (problems with the field they belong to) and writes a record back as the form's values.
 */
final class DefinitionForms {

    private DefinitionForms() {}

    /** The form as an instrument; unreadable lines and numbers are thrown as one {@link ValidationException}. */
    static RiskInstruments.Definition instrument(String code, Map<String, String> form) {
        FormInput in = new FormInput(form);
        List<FieldProblem> problems = new ArrayList<>();
        Integer minAge = in.integer("minAge"), maxAge = in.integer("maxAge");
        List<RiskInstruments.Domain> domains = new ArrayList<>();
        List<String[]> lines = lines(in.text("domains"));
        for (int i = 0; i < lines.size(); i++) {
            String[] p = lines.get(i);
            Integer max = p.length == 3 ? integer(p[2]) : null;
            if (max == null) problems.add(FieldProblem.of("domains", "instrument.domain.line", i + 1));
            else domains.add(new RiskInstruments.Domain(p[0], p[1], max));
        }
        List<RiskInstruments.Band> bands = new ArrayList<>();
        for (RiskLevel level : RiskLevel.values()) {
            String field = "band" + level.name();
            String text = in.text(field);
            if (text == null) continue;
            Integer min = integer(text);
            if (min == null) problems.add(FieldProblem.of(field, "instrument.band.number"));
            else bands.add(new RiskInstruments.Band(level.name(), min));
        }
        try {
            in.throwIfProblems();
        } catch (ValidationException e) {
            problems.addAll(0, e.problems());
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        return new RiskInstruments.Definition(code != null ? code : in.text("code"), in.text("name"), in.text("description"), minAge, maxAge,
                domains, bands, in.bool("active"), version(in));
    }

    /** The form's values of an instrument. */
    static Map<String, String> form(RiskInstruments.Definition d) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("code", d.code());
        f.put("name", d.name());
        f.put("description", d.description());
        f.put("minAge", d.minAge() == null ? null : String.valueOf(d.minAge()));
        f.put("maxAge", d.maxAge() == null ? null : String.valueOf(d.maxAge()));
        f.put("domains", d.domains().stream().map(x -> x.code() + "; " + x.name() + "; " + x.maxScore()).collect(Collectors.joining("\n")));
        d.bands().forEach(b -> f.put("band" + b.level(), String.valueOf(b.minTotal())));
        f.put("active", String.valueOf(d.active()));
        f.put("version", String.valueOf(d.version()));
        return f;
    }

    /** The form as a progress scale. */
    static ProgressScales.Scale scale(String code, Map<String, String> form) {
        FormInput in = new FormInput(form);
        List<FieldProblem> problems = new ArrayList<>();
        var kind = in.enumValue("kind", ProgressScales.Kind.class);
        var appliesTo = in.enumValue("appliesTo", ProgressScales.Member.class);
        var min = in.decimal("min", "progress.scale.number");
        var max = in.decimal("max", "progress.scale.number");
        var step = in.decimal("step", "progress.scale.number");
        List<ProgressScales.Option> options = new ArrayList<>();
        List<String[]> lines = lines(in.text("options"));
        for (int i = 0; i < lines.size(); i++) {
            String[] p = lines.get(i);
            if (p.length != 2) problems.add(FieldProblem.of("options", "progress.scale.option.line", i + 1));
            else options.add(new ProgressScales.Option(i + 1, p[0], p[1]));
        }
        try {
            in.throwIfProblems();
        } catch (ValidationException e) {
            problems.addAll(0, e.problems());
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        return new ProgressScales.Scale(code != null ? code : in.text("code"), in.text("name"), kind, min, max, step, appliesTo,
                in.bool("higherIsBetter"), options, in.bool("active"), 0, version(in));
    }

    /** The form's values of a scale. */
    static Map<String, String> form(ProgressScales.Scale s) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("code", s.code());
        f.put("name", s.name());
        f.put("kind", s.kind().name());
        boolean numeric = s.kind() == ProgressScales.Kind.NUMERIC;
        f.put("min", numeric ? s.min().toPlainString().replace('.', ',') : null);
        f.put("max", numeric ? s.max().toPlainString().replace('.', ',') : null);
        f.put("step", numeric ? s.step().toPlainString().replace('.', ',') : null);
        f.put("appliesTo", s.appliesTo().name());
        f.put("higherIsBetter", String.valueOf(s.higherIsBetter()));
        f.put("options", s.options().stream().map(o -> o.code() + "; " + o.name()).collect(Collectors.joining("\n")));
        f.put("active", String.valueOf(s.active()));
        f.put("version", String.valueOf(s.version()));
        return f;
    }

    private static int version(FormInput in) {
        Integer v = in.integer("version");
        return v == null ? 0 : v;
    }

    /** The non-blank lines of a textarea, each split at ";" and trimmed. */
    static List<String[]> lines(String text) {
        if (text == null) return List.of();
        return text.lines().filter(l -> !l.isBlank()).map(l -> java.util.Arrays.stream(l.split(";", -1)).map(String::strip).toArray(String[]::new))
                .toList();
    }

    private static Integer integer(String s) {
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
