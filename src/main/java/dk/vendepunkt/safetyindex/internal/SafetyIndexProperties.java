package dk.vendepunkt.safetyindex.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vendepunkt.safety-index.*}: the respondent minimum, the weights of the four components in
 * the index and the category cut-points (lower bounds, inclusive).
 */
@ConfigurationProperties("vendepunkt.safety-index")
public record SafetyIndexProperties(Integer minimumRespondents, Weights weights, CutPoints cutPoints, EffectGoal3 effectGoal3) {

    public SafetyIndexProperties {
        if (effectGoal3 == null) effectGoal3 = new EffectGoal3(null, null);
        if (minimumRespondents == null) minimumRespondents = 30;
        if (minimumRespondents < 1) throw new IllegalArgumentException("vendepunkt.safety-index.minimum-respondents must be at least 1");
        if (weights == null) weights = new Weights(null, null, null, null);
        if (cutPoints == null) cutPoints = new CutPoints(null, null, null, null);
    }

    public static SafetyIndexProperties defaults() {
        return new SafetyIndexProperties(null, null, null, null);
    }

    /**
     * Feeding Sikker By's indicator for effect goal 3 (portfolio module): the indicator's ref (default
     * {@code effektmaal3_markante_omraader}; empty = do not feed) and the baseline year whose MARKANT
     * districts are "the selected areas" (default: the earliest survey year).
     */
    public record EffectGoal3(String indicator, Integer baselineYear) {
        public EffectGoal3 {
            if (indicator == null) indicator = "effektmaal3_markante_omraader";
        }
    }

    /** Weights of the component indices in the weighted mean; default all 1; 0 leaves a component out. */
    record Weights(Double feelsUnsafe, Double victimised, Double crimeBigProblem, Double reportsPer1000) {
        Weights {
            if (feelsUnsafe == null) feelsUnsafe = 1.0;
            if (victimised == null) victimised = 1.0;
            if (crimeBigProblem == null) crimeBigProblem = 1.0;
            if (reportsPer1000 == null) reportsPer1000 = 1.0;
            for (double w : new double[] {feelsUnsafe, victimised, crimeBigProblem, reportsPer1000}) {
                if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("vendepunkt.safety-index.weights must be finite and >= 0");
            }
            if (feelsUnsafe + victimised + crimeBigProblem + reportsPer1000 <= 0) {
                throw new IllegalArgumentException("vendepunkt.safety-index.weights: at least one weight must be > 0");
            }
        }

        double of(Component c) {
            return switch (c) {
                case FEELS_UNSAFE -> feelsUnsafe;
                case VICTIMISED -> victimised;
                case CRIME_BIG_PROBLEM -> crimeBigProblem;
                case REPORTS_PER_1000 -> reportsPer1000;
            };
        }
    }

    /** Lower bounds (inclusive): MARKANT ≥ markant, INTENSIVERET ≥ intensiveret, ... MINIMAL below reduceret. */
    public record CutPoints(Double markant, Double intensiveret, Double ordinaer, Double reduceret) {
        public CutPoints {
            if (markant == null) markant = 150.0;
            if (intensiveret == null) intensiveret = 125.0;
            if (ordinaer == null) ordinaer = 90.0;
            if (reduceret == null) reduceret = 75.0;
            if (!(markant > intensiveret && intensiveret > ordinaer && ordinaer > reduceret)) {
                throw new IllegalArgumentException("vendepunkt.safety-index.cut-points must be strictly decreasing: markant > intensiveret > ordinaer > reduceret");
            }
        }

        /**
         * The category of an index value. The value is compared after rounding to 6 decimals, so an
         * index that is mathematically exactly on a cut-point (e.g. 150) is not pushed below it by
         * floating-point noise in the weighted shares.
         */
        public Category categorise(double index) {
            double v = Math.round(index * 1e6) / 1e6;
            if (v >= markant) return Category.MARKANT;
            if (v >= intensiveret) return Category.INTENSIVERET;
            if (v >= ordinaer) return Category.ORDINAER;
            if (v >= reduceret) return Category.REDUCERET;
            return Category.MINIMAL;
        }
    }

    /** The four components of the index. */
    enum Component {
        FEELS_UNSAFE, VICTIMISED, CRIME_BIG_PROBLEM, REPORTS_PER_1000
    }
}
