package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A risk/need assessment instrument, defined as data ({@code cw_assessment_instrument} and its
 * domains and bands): which life domains it scores, the maximum score of each, and the bands that
 * turn the total score into a {@link RiskLevel}. No proprietary item texts are stored; a
 * municipality licensed for LS/RNR or YLS/CMI enters its own instrument as data.
 */
public record Instrument(String code, String name, String description, List<DomainScale> domains, List<Band> bands) {

    /** One scored domain: scores run from 0 to {@code maxScore}. */
    public record DomainScale(LifeDomain domain, int maxScore) {}

    /** The total score from which {@code level} applies (the band with the highest minimum reached wins). */
    public record Band(RiskLevel level, int minTotal) {}

    /** What the caseworker records for one domain; {@code score} may be left out and then follows the need level. */
    public record Rating(LifeDomain domain, String situation, NeedLevel needLevel, Integer score) {}

    /** The scored result: domain scores, total and level. */
    public record Result(Map<LifeDomain, Integer> scores, int total, int maxTotal, RiskLevel level) {}

    public Instrument {
        domains = List.copyOf(domains);
        bands = bands.stream().sorted(Comparator.comparingInt(Band::minTotal)).toList();
        if (domains.isEmpty()) throw new IllegalArgumentException("An instrument scores at least one domain");
        if (bands.isEmpty() || bands.getFirst().minTotal() > 0) {
            throw new IllegalArgumentException("An instrument's bands must start at 0: " + code);
        }
    }

    public int maxTotal() {
        return domains.stream().mapToInt(DomainScale::maxScore).sum();
    }

    public Optional<DomainScale> scale(LifeDomain domain) {
        return domains.stream().filter(d -> d.domain() == domain).findFirst();
    }

    /** The score a need level gives when no score is entered: NONE 0 … HIGH the maximum, rounded. */
    public static int defaultScore(NeedLevel need, int maxScore) {
        return Math.round(need.ordinal() * maxScore / (float) (NeedLevel.values().length - 1));
    }

    /** The level for a total score. */
    public RiskLevel level(int total) {
        RiskLevel level = bands.getFirst().level();
        for (Band b : bands) {
            if (total >= b.minTotal()) level = b.level();
        }
        return level;
    }

    /**
     * Scores a set of ratings: every domain of the instrument must be rated with a need level, a score
     * (when given) must lie within the domain's scale, and domains outside the instrument are refused.
     * Field names in the problems are {@code domains[<DOMAIN>].needLevel} / {@code .score}.
     */
    public Result score(List<Rating> ratings) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<LifeDomain, Rating> byDomain = new EnumMap<>(LifeDomain.class);
        for (Rating r : ratings) {
            if (r.domain() == null) continue;
            if (scale(r.domain()).isEmpty()) {
                problems.add(new FieldProblem("domains[" + r.domain() + "]", "caseplan.assessment.domain.notInInstrument", new Object[] {code}));
            } else if (byDomain.put(r.domain(), r) != null) {
                problems.add(new FieldProblem("domains[" + r.domain() + "]", "caseplan.assessment.domain.duplicate", new Object[0]));
            }
        }
        Map<LifeDomain, Integer> scores = new EnumMap<>(LifeDomain.class);
        for (DomainScale s : domains) {
            Rating r = byDomain.get(s.domain());
            String field = "domains[" + s.domain() + "]";
            if (r == null || r.needLevel() == null) {
                problems.add(new FieldProblem(field + ".needLevel", "caseplan.assessment.needLevel.required", new Object[0]));
                continue;
            }
            int score = r.score() != null ? r.score() : defaultScore(r.needLevel(), s.maxScore());
            if (score < 0 || score > s.maxScore()) {
                problems.add(new FieldProblem(field + ".score", "caseplan.assessment.score.range", new Object[] {s.maxScore()}));
                continue;
            }
            scores.put(s.domain(), score);
        }
        if (!problems.isEmpty()) throw new ValidationException(problems);
        int total = scores.values().stream().mapToInt(Integer::intValue).sum();
        return new Result(scores, total, maxTotal(), level(total));
    }
}
