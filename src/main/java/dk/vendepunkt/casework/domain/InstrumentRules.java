package dk.vendepunkt.casework.domain;

import dk.vendepunkt.casework.RiskInstruments.Band;
import dk.vendepunkt.casework.RiskInstruments.Definition;
import dk.vendepunkt.casework.RiskInstruments.Domain;
import dk.vendepunkt.casework.RiskInstruments.Score;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of an instrument defined as data (ADR 0021): what a valid definition is, which instrument an age picks,
 * and how a screening is scored. Plain functions, tested without Spring.
 */
public final class InstrumentRules {

    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    public static final int MAX_NAME = 200, MAX_DESCRIPTION = 2000, MAX_AGE = 120, MAX_DOMAIN_SCORE = 100;

    private InstrumentRules() {}

    /**
     * Problems of a definition, given the other instruments (by code): code, name, ages (0–120, min ≤ max, max only with
     * min), at least one domain (unique codes, a name, a maximum 1–100), bands (known levels, each once, the lowest at 0,
     * rising with the level, none above the maximum total), and an active age range that overlaps no other active one.
     */
    public static List<FieldProblem> problems(Definition d, Collection<Definition> others) {
        List<FieldProblem> p = new ArrayList<>();
        if (d.code() == null || !CODE.matcher(d.code()).matches()) p.add(FieldProblem.of("code", "instrument.code.invalid"));
        if (d.name() == null || d.name().isBlank()) p.add(FieldProblem.of("name", "instrument.name.required"));
        else if (d.name().length() > MAX_NAME) p.add(FieldProblem.of("name", "instrument.text.tooLong", MAX_NAME));
        if (d.description() != null && d.description().length() > MAX_DESCRIPTION) {
            p.add(FieldProblem.of("description", "instrument.text.tooLong", MAX_DESCRIPTION));
        }
        boolean agesOk = true;
        for (var age : List.of(Map.entry("minAge", Optional.ofNullable(d.minAge())), Map.entry("maxAge", Optional.ofNullable(d.maxAge())))) {
            if (age.getValue().isPresent() && (age.getValue().get() < 0 || age.getValue().get() > MAX_AGE)) {
                p.add(FieldProblem.of(age.getKey(), "instrument.age.range", MAX_AGE));
                agesOk = false;
            }
        }
        if (agesOk && d.maxAge() != null && d.minAge() == null) {
            p.add(FieldProblem.of("minAge", "instrument.age.minRequired"));
            agesOk = false;
        }
        if (agesOk && d.minAge() != null && d.maxAge() != null && d.minAge() > d.maxAge()) {
            p.add(FieldProblem.of("maxAge", "instrument.age.order"));
            agesOk = false;
        }
        if (agesOk && d.active() && d.minAge() != null) {
            others.stream().filter(o -> !o.code().equals(d.code()) && o.active() && o.minAge() != null && overlap(d, o)).findFirst()
                    .ifPresent(o -> p.add(FieldProblem.of("minAge", "instrument.age.overlap", o.name(), ages(o))));
        }
        if (d.domains().isEmpty()) p.add(FieldProblem.of("domains", "instrument.domains.required"));
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < d.domains().size(); i++) {
            Domain dom = d.domains().get(i);
            Object line = i + 1;
            if (dom.code() == null || !CODE.matcher(dom.code()).matches()) p.add(FieldProblem.of("domains", "instrument.domain.code", line));
            else if (!codes.add(dom.code())) p.add(FieldProblem.of("domains", "instrument.domain.duplicate", line, dom.code()));
            if (dom.name() == null || dom.name().isBlank()) p.add(FieldProblem.of("domains", "instrument.domain.name", line));
            else if (dom.name().length() > MAX_NAME) p.add(FieldProblem.of("domains", "instrument.text.tooLong", MAX_NAME));
            if (dom.maxScore() < 1 || dom.maxScore() > MAX_DOMAIN_SCORE) p.add(FieldProblem.of("domains", "instrument.domain.maxScore", line, MAX_DOMAIN_SCORE));
        }
        p.addAll(bandProblems(d.bands(), d.maxTotal()));
        return p;
    }

    private static List<FieldProblem> bandProblems(List<Band> bands, int maxTotal) {
        List<FieldProblem> p = new ArrayList<>();
        if (bands.isEmpty()) return List.of(FieldProblem.of("bands", "instrument.bands.required"));
        Band previous = null;
        Set<RiskLevel> seen = new HashSet<>();
        for (Band b : bands.stream().sorted(java.util.Comparator.comparing(b -> level(b).map(Enum::ordinal).orElse(-1))).toList()) {
            Optional<RiskLevel> level = level(b);
            if (level.isEmpty()) {
                p.add(FieldProblem.of("bands", "instrument.band.level", b.level()));
                continue;
            }
            String field = "band" + level.get().name();
            if (!seen.add(level.get())) p.add(FieldProblem.of(field, "instrument.band.duplicate"));
            else if (previous == null && b.minTotal() != 0) p.add(FieldProblem.of(field, "instrument.band.startAtZero"));
            else if (previous != null && b.minTotal() <= previous.minTotal()) p.add(FieldProblem.of(field, "instrument.band.rising"));
            else if (b.minTotal() > maxTotal && maxTotal > 0) p.add(FieldProblem.of(field, "instrument.band.aboveMax", maxTotal));
            previous = b;
        }
        return p;
    }

    private static Optional<RiskLevel> level(Band b) {
        return java.util.Arrays.stream(RiskLevel.values()).filter(l -> l.name().equals(b.level())).findFirst();
    }

    /** Throws the {@link #problems} as one {@link ValidationException}. */
    public static void check(Definition d, Collection<Definition> others) {
        List<FieldProblem> p = problems(d, others);
        if (!p.isEmpty()) throw new ValidationException(p);
    }

    static boolean overlap(Definition a, Definition b) {
        long aMax = a.maxAge() == null ? Long.MAX_VALUE : a.maxAge();
        long bMax = b.maxAge() == null ? Long.MAX_VALUE : b.maxAge();
        return a.minAge() <= bMax && b.minAge() <= aMax;
    }

    /** "12–17" or "18+". */
    public static String ages(Definition d) {
        if (d.minAge() == null) return "";
        return d.maxAge() == null ? d.minAge() + "+" : d.minAge() + "–" + d.maxAge();
    }

    /** The active instrument whose age range holds {@code age}: none under the youngest range. */
    public static Optional<Definition> forAge(Collection<Definition> all, int age) {
        return all.stream().filter(d -> d.coversAge(age)).findFirst();
    }

    /** Scores a screening: every domain scored within its range, no unknown domain; the level is the highest band reached. */
    public static Score score(Definition d, Map<String, Integer> scores) {
        List<FieldProblem> p = new ArrayList<>();
        for (String code : scores.keySet()) {
            if (d.domains().stream().noneMatch(x -> x.code().equals(code))) p.add(FieldProblem.of("domains[" + code + "]", "instrument.score.unknownDomain", d.code()));
        }
        int total = 0;
        for (Domain dom : d.domains()) {
            Integer s = scores.get(dom.code());
            if (s == null) p.add(FieldProblem.of("domains[" + dom.code() + "]", "instrument.score.required"));
            else if (s < 0 || s > dom.maxScore()) p.add(FieldProblem.of("domains[" + dom.code() + "]", "instrument.score.range", dom.maxScore()));
            else total += s;
        }
        if (!p.isEmpty()) throw new ValidationException(p);
        String level = null;
        for (Band b : d.bands().stream().sorted(java.util.Comparator.comparingInt(Band::minTotal)).toList()) {
            if (total >= b.minTotal()) level = b.level();
        }
        return new Score(total, d.maxTotal(), level);
    }
}
