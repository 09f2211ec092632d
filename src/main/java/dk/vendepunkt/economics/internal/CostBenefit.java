package dk.vendepunkt.economics.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.TriangularDistribution;

/**
 * The contract's calculation ("Economics"): money in {@link BigDecimal} kroner (34 significant digits, not
 * rounded to whole kroner); the Monte Carlo and the tornado in doubles, which is ample for figures that are
 * uncertain in their second digit.
 */
public final class CostBenefit {

    static final MathContext MC = MathContext.DECIMAL128;

    private CostBenefit() {}

    /** A parameter's value with its range for the uncertainty analysis (low/high null: not uncertain). */
    public record Value(BigDecimal value, BigDecimal low, BigDecimal high, String source) {
        boolean uncertain() {
            return low != null && high != null && low.compareTo(high) < 0;
        }
    }

    /** The point figures for one set of parameter values and one success rate. */
    public record Point(BigDecimal totalCost, BigDecimal costPerParticipant, BigDecimal costPerParticipantYear,
                        BigDecimal benefitPerSuccess, BigDecimal gainPerParticipant, BigDecimal breakEvenSuccessRate) {}

    /** Gains of {@code draws} Monte Carlo draws, sorted ascending, and their summary. */
    public record Simulation(int draws, long seed, double gainP05, double gainP50, double gainP95, double probabilityPositive,
                             double gainMean, double[] sortedGains) {}

    /** The gain with one parameter at its low and at its high end, the others at their values. */
    public record Swing(Parameter parameter, BigDecimal low, BigDecimal high, BigDecimal gainAtLow, BigDecimal gainAtHigh) {}

    static BigDecimal v(Map<Parameter, BigDecimal> values, Parameter p) {
        BigDecimal x = values.get(p);
        return x != null ? x : p.defaultValue();
    }

    /**
     * totalCost = annual × years + one-off; per participant; per participant and year; benefitPerSuccess =
     * Σ_{t=1..T} b / (1 + r)^t; gain = (p − p0) × benefitPerSuccess − costPerParticipant; break-even =
     * p0 + costPerParticipant / benefitPerSuccess (null when a success is worth nothing).
     */
    public static Point point(Map<Parameter, BigDecimal> values, BigDecimal p) {
        BigDecimal years = v(values, Parameter.YEARS);
        BigDecimal total = v(values, Parameter.ANNUAL_COST_DKK).multiply(years).add(v(values, Parameter.ONE_OFF_COST_DKK));
        BigDecimal perParticipant = total.divide(v(values, Parameter.PARTICIPANTS), MC);
        BigDecimal perYear = perParticipant.divide(years, MC);
        BigDecimal benefit = benefitPerSuccess(v(values, Parameter.BENEFIT_PER_SUCCESS_YEAR_DKK),
                v(values, Parameter.BENEFIT_YEARS).intValueExact(), v(values, Parameter.DISCOUNT_RATE));
        BigDecimal p0 = v(values, Parameter.REFERENCE_SUCCESS_RATE);
        BigDecimal gain = p == null ? null : gain(p, p0, benefit, perParticipant);
        BigDecimal breakEven = benefit.signum() == 0 ? null : p0.add(perParticipant.divide(benefit, MC), MC);
        return new Point(total, perParticipant, perYear, benefit, gain, breakEven);
    }

    static BigDecimal gain(BigDecimal p, BigDecimal p0, BigDecimal benefitPerSuccess, BigDecimal costPerParticipant) {
        return p.subtract(p0).multiply(benefitPerSuccess, MC).subtract(costPerParticipant, MC);
    }

    /** Σ_{t=1..years} perYear / (1 + rate)^t. */
    static BigDecimal benefitPerSuccess(BigDecimal perYear, int years, BigDecimal rate) {
        BigDecimal sum = BigDecimal.ZERO, factor = BigDecimal.ONE.add(rate), discount = BigDecimal.ONE;
        for (int t = 1; t <= years; t++) {
            discount = discount.multiply(factor, MC);
            sum = sum.add(perYear.divide(discount, MC), MC);
        }
        return sum;
    }

    /** The same in doubles, with a continuous number of years (the annuity formula; equal to the sum at whole years). */
    static double benefitPerSuccess(double perYear, double years, double rate) {
        return rate == 0 ? perYear * years : perYear * (1 - Math.pow(1 + rate, -years)) / rate;
    }

    /**
     * The seeded Monte Carlo: per draw, every uncertain parameter (in {@link Parameter} order) from the
     * triangular distribution (low, value, high), then p from Beta(successes + 1, eligible − successes + 1)
     * when measured ({@code eligible} not null), else p fixed. All randomness comes from one
     * {@link SplittableRandom} seeded with {@code seed}, so the same seed gives the same draws: the triangular
     * draws through Hipparchus' inverse distribution function, the Beta draw as X / (X + Y) of two gamma
     * draws (Marsaglia–Tsang; Hipparchus' inverse Beta function would take a second per 10 000 draws).
     * Percentiles by linear interpolation between order statistics (Hyndman–Fan type 7).
     */
    public static Simulation simulate(Map<Parameter, Value> parameters, double p, Long successes, Long eligible, int draws, long seed) {
        Parameter[] all = Parameter.values();
        double[] fixed = new double[all.length];
        TriangularDistribution[] uncertain = new TriangularDistribution[all.length];
        for (Parameter q : all) {
            Value val = parameters.get(q);
            fixed[q.ordinal()] = (val == null ? q.defaultValue() : val.value()).doubleValue();
            if (val != null && val.uncertain())
                uncertain[q.ordinal()] = new TriangularDistribution(val.low().doubleValue(), val.value().doubleValue(), val.high().doubleValue());
        }
        boolean measured = eligible != null;
        double alpha = measured ? successes + 1.0 : 0, beta = measured ? eligible - successes + 1.0 : 0;
        SplittableRandom random = new SplittableRandom(seed);
        double[] gains = new double[draws];
        double[] x = new double[all.length];
        double sum = 0;
        int positive = 0;
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < all.length; i++)
                x[i] = uncertain[i] == null ? fixed[i] : uncertain[i].inverseCumulativeProbability(random.nextDouble());
            double pd = p;
            if (measured) {
                double a = gamma(random, alpha);
                pd = a / (a + gamma(random, beta));
            }
            double years = x[Parameter.YEARS.ordinal()];
            double cost = (x[Parameter.ANNUAL_COST_DKK.ordinal()] * years + x[Parameter.ONE_OFF_COST_DKK.ordinal()]) / x[Parameter.PARTICIPANTS.ordinal()];
            double benefit = benefitPerSuccess(x[Parameter.BENEFIT_PER_SUCCESS_YEAR_DKK.ordinal()], x[Parameter.BENEFIT_YEARS.ordinal()],
                    x[Parameter.DISCOUNT_RATE.ordinal()]);
            double g = (pd - x[Parameter.REFERENCE_SUCCESS_RATE.ordinal()]) * benefit - cost;
            gains[d] = g;
            sum += g;
            if (g > 0) positive++;
        }
        Arrays.sort(gains);
        return new Simulation(draws, seed, quantile(gains, 0.05), quantile(gains, 0.50), quantile(gains, 0.95),
                (double) positive / draws, sum / draws, gains);
    }

    /** A Gamma(shape, 1) draw for shape ≥ 1, Marsaglia and Tsang (2000), "A simple method for generating gamma variables". */
    static double gamma(SplittableRandom random, double shape) {
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian(), v = 1 + c * x;
            if (v <= 0) continue;
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
        }
    }

    /** Type-7 quantile of sorted values: h = (n − 1)q, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        return lo + 1 >= sorted.length ? sorted[sorted.length - 1] : sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /** Each uncertain parameter at its low and its high end, the rest at their values, at success rate p. */
    public static List<Swing> tornado(Map<Parameter, Value> parameters, BigDecimal p) {
        Map<Parameter, BigDecimal> base = values(parameters);
        List<Swing> out = new ArrayList<>();
        for (var e : parameters.entrySet()) {
            if (!e.getValue().uncertain()) continue;
            Map<Parameter, BigDecimal> lo = new EnumMap<>(base), hi = new EnumMap<>(base);
            lo.put(e.getKey(), e.getValue().low());
            hi.put(e.getKey(), e.getValue().high());
            out.add(new Swing(e.getKey(), e.getValue().low(), e.getValue().high(),
                    point(lo, p).gainPerParticipant(), point(hi, p).gainPerParticipant()));
        }
        out.sort((a, b) -> b.gainAtHigh().subtract(b.gainAtLow()).abs().compareTo(a.gainAtHigh().subtract(a.gainAtLow()).abs()));
        return out;
    }

    public static Map<Parameter, BigDecimal> values(Map<Parameter, Value> parameters) {
        Map<Parameter, BigDecimal> out = new EnumMap<>(Parameter.class);
        parameters.forEach((k, val) -> out.put(k, val.value()));
        return out;
    }
}
