package dk.vendepunkt.casework.domain;

import dk.vendepunkt.casework.ProgressScales.Change;
import dk.vendepunkt.casework.ProgressScales.Kind;
import dk.vendepunkt.casework.ProgressScales.Measurement;
import dk.vendepunkt.casework.ProgressScales.Occasion;
import dk.vendepunkt.casework.ProgressScales.Option;
import dk.vendepunkt.casework.ProgressScales.Scale;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The rules of progress scales as data (ADR 0021): a valid scale definition, a valid value on a scale, and the paired
 * change per scale with its 95 % t interval (the family-model report's {@code progress}). Plain functions.
 */
public final class ProgressRules {

    public static final int MAX_NAME = 200, MAX_OPTIONS = 20;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100), LIMIT = new BigDecimal("99999999");

    private ProgressRules() {}

    /** Problems of a scale definition: code, name, kind and member given; NUMERIC min < max, step > 0; options for CATEGORY/LADDER. */
    public static List<FieldProblem> problems(Scale s) {
        List<FieldProblem> p = new ArrayList<>();
        if (s.code() == null || !InstrumentRules.CODE.matcher(s.code()).matches()) p.add(FieldProblem.of("code", "progress.scale.code.invalid"));
        if (s.name() == null || s.name().isBlank()) p.add(FieldProblem.of("name", "progress.scale.name.required"));
        else if (s.name().length() > MAX_NAME) p.add(FieldProblem.of("name", "progress.text.tooLong", MAX_NAME));
        if (s.kind() == null) p.add(FieldProblem.of("kind", "progress.scale.kind.required"));
        if (s.appliesTo() == null) p.add(FieldProblem.of("appliesTo", "progress.scale.appliesTo.required"));
        if (s.kind() == Kind.NUMERIC) {
            if (s.min() == null || s.max() == null) p.add(FieldProblem.of("min", "progress.scale.minMax.required"));
            else if (s.min().abs().compareTo(LIMIT) > 0 || s.max().abs().compareTo(LIMIT) > 0) p.add(FieldProblem.of("max", "progress.scale.minMax.tooLarge"));
            else if (s.min().compareTo(s.max()) >= 0) p.add(FieldProblem.of("max", "progress.scale.minMax.order"));
            if (s.step() == null || s.step().signum() <= 0 || s.step().scale() > 4) p.add(FieldProblem.of("step", "progress.scale.step.positive"));
        }
        boolean withOptions = s.kind() == Kind.CATEGORY || s.kind() == Kind.LADDER;
        if (withOptions && s.options().size() < 2) p.add(FieldProblem.of("options", "progress.scale.options.required"));
        if (withOptions && s.options().size() > MAX_OPTIONS) p.add(FieldProblem.of("options", "progress.scale.options.tooMany", MAX_OPTIONS));
        if (!withOptions && !s.options().isEmpty()) p.add(FieldProblem.of("options", "progress.scale.options.notForKind"));
        Set<String> codes = new HashSet<>();
        for (Option o : s.options()) {
            if (o.code() == null || !InstrumentRules.CODE.matcher(o.code()).matches()) p.add(FieldProblem.of("options", "progress.scale.option.code", o.position()));
            else if (!codes.add(o.code())) p.add(FieldProblem.of("options", "progress.scale.option.duplicate", o.position(), o.code()));
            if (o.name() == null || o.name().isBlank()) p.add(FieldProblem.of("options", "progress.scale.option.name", o.position()));
            else if (o.name().length() > MAX_NAME) p.add(FieldProblem.of("options", "progress.text.tooLong", MAX_NAME));
        }
        return p;
    }

    /** The problem with a value on a scale, or null when it is valid. Field {@code value}. */
    public static FieldProblem valueProblem(Scale s, BigDecimal v) {
        if (v == null) return FieldProblem.of("value", "progress.value.required");
        return switch (s.kind()) {
            case NUMERIC -> v.compareTo(s.min()) < 0 || v.compareTo(s.max()) > 0
                    ? FieldProblem.of("value", "progress.value.range", plain(s.min()), plain(s.max()))
                    : v.subtract(s.min()).remainder(s.step()).signum() != 0 ? FieldProblem.of("value", "progress.value.step", plain(s.step()), plain(s.min())) : null;
            case PERCENT -> v.signum() < 0 || v.compareTo(HUNDRED) > 0 || v.scale() > 2 ? FieldProblem.of("value", "progress.value.percent") : null;
            case YES_NO -> v.compareTo(BigDecimal.ZERO) != 0 && v.compareTo(BigDecimal.ONE) != 0 ? FieldProblem.of("value", "progress.value.yesNo") : null;
            case CATEGORY, LADDER -> s.option(v).isEmpty() ? FieldProblem.of("value", "progress.value.option", s.options().size()) : null;
        };
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /**
     * Per scale (in the order given), the paired change over the measurements: per (family case, person) the BASELINE
     * (the earliest, should there be more) and the latest measurement dated after it (ties: the higher id); change =
     * latest − baseline. Mean and 95 % interval mean ± t(0.975; n−1)·s/√n with the sample standard deviation s. n = 0:
     * mean and interval null; n = 1: the mean is the one change, the interval null (no spread to estimate).
     */
    public static List<Change> progress(List<Scale> scales, Collection<Measurement> measurements) {
        Map<String, Map<List<Long>, List<Measurement>>> byScale = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            byScale.computeIfAbsent(m.scale(), k -> new LinkedHashMap<>()).computeIfAbsent(List.of(m.familyCaseId(), m.personId()), k -> new ArrayList<>()).add(m);
        }
        List<Change> out = new ArrayList<>();
        for (Scale s : scales) {
            List<Double> changes = new ArrayList<>();
            for (List<Measurement> series : byScale.getOrDefault(s.code(), Map.of()).values()) {
                Measurement base = series.stream().filter(m -> m.occasion() == Occasion.BASELINE)
                        .min(Comparator.comparing(Measurement::measuredOn).thenComparingLong(Measurement::id)).orElse(null);
                if (base == null) continue;
                series.stream().filter(m -> m.occasion() != Occasion.BASELINE && m.measuredOn().isAfter(base.measuredOn()))
                        .max(Comparator.comparing(Measurement::measuredOn).thenComparingLong(Measurement::id))
                        .ifPresent(latest -> changes.add(latest.value().subtract(base.value()).doubleValue()));
            }
            out.add(change(s.code(), changes));
        }
        return out;
    }

    static Change change(String scale, List<Double> changes) {
        int n = changes.size();
        if (n == 0) return new Change(scale, 0, null, null);
        double mean = changes.stream().mapToDouble(Double::doubleValue).sum() / n;
        if (n == 1) return new Change(scale, 1, mean, null);
        double ss = changes.stream().mapToDouble(c -> (c - mean) * (c - mean)).sum();
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
        return new Change(scale, n, mean, List.of(mean - half, mean + half));
    }
}
