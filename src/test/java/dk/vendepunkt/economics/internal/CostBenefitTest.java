package dk.vendepunkt.economics.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.vendepunkt.economics.internal.CostBenefit.Value;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's formulas against figures worked out by hand in each test. */
class CostBenefitTest {

    static Map<Parameter, BigDecimal> values(long annual, long oneOff, String years, long participants, long benefit, int benefitYears, String rate,
                                             String p0) {
        Map<Parameter, BigDecimal> v = new EnumMap<>(Parameter.class);
        v.put(Parameter.ANNUAL_COST_DKK, BigDecimal.valueOf(annual));
        v.put(Parameter.ONE_OFF_COST_DKK, BigDecimal.valueOf(oneOff));
        v.put(Parameter.YEARS, new BigDecimal(years));
        v.put(Parameter.PARTICIPANTS, BigDecimal.valueOf(participants));
        v.put(Parameter.BENEFIT_PER_SUCCESS_YEAR_DKK, BigDecimal.valueOf(benefit));
        v.put(Parameter.BENEFIT_YEARS, BigDecimal.valueOf(benefitYears));
        if (rate != null) v.put(Parameter.DISCOUNT_RATE, new BigDecimal(rate));
        if (p0 != null) v.put(Parameter.REFERENCE_SUCCESS_RATE, new BigDecimal(p0));
        return v;
    }

    @Test
    void discountsEachYearsBenefit() {
        // 10 000 a year for 2 years at 10 %: 10 000/1.1 + 10 000/1.21 = 9 090.909090… + 8 264.462809… = 17 355.371900…
        var p = CostBenefit.point(values(0, 0, "1", 1, 10_000, 2, "0.10", null), BigDecimal.ONE);
        assertThat(p.benefitPerSuccess().doubleValue()).isCloseTo(10_000 / 1.1 + 10_000 / 1.21, within(1e-9));
        assertThat(p.benefitPerSuccess().doubleValue()).isCloseTo(17_355.371900826446, within(1e-9));
        // no discount rate given: the Ministry of Finance's 3.5 %; one year: 100 000 / 1.035 = 96 618.357487…
        var q = CostBenefit.point(values(0, 0, "1", 1, 100_000, 1, null, null), BigDecimal.ONE);
        assertThat(q.benefitPerSuccess().doubleValue()).isCloseTo(96_618.35748792271, within(1e-8));
        // the continuous form the Monte Carlo uses is the same sum at whole years
        assertThat(CostBenefit.benefitPerSuccess(10_000, 2, 0.10)).isCloseTo(17_355.371900826446, within(1e-9));
        assertThat(CostBenefit.benefitPerSuccess(10_000, 3, 0.0)).isEqualTo(30_000);
    }

    @Test
    void costsGainAndBreakEven() {
        // annual 1 000 000 × 2 years + 200 000 = 2 200 000; 40 participants: 55 000 each, 27 500 a year
        // benefit 100 000 for 1 year at 0 %: 100 000; p 0.5, p0 0.2: 0.3 × 100 000 − 55 000 = −25 000
        // break-even: 0.2 + 55 000 / 100 000 = 0.75
        var p = CostBenefit.point(values(1_000_000, 200_000, "2", 40, 100_000, 1, "0", "0.2"), new BigDecimal("0.5"));
        assertThat(p.totalCost()).isEqualByComparingTo("2200000");
        assertThat(p.costPerParticipant()).isEqualByComparingTo("55000");
        assertThat(p.costPerParticipantYear()).isEqualByComparingTo("27500");
        assertThat(p.benefitPerSuccess()).isEqualByComparingTo("100000");
        assertThat(p.gainPerParticipant()).isEqualByComparingTo("-25000");
        assertThat(p.breakEvenSuccessRate()).isEqualByComparingTo("0.75");
        // at the break-even rate the gain is 0
        assertThat(CostBenefit.point(values(1_000_000, 200_000, "2", 40, 100_000, 1, "0", "0.2"), p.breakEvenSuccessRate())
                .gainPerParticipant()).isEqualByComparingTo("0");
        // a success worth nothing never breaks even
        assertThat(CostBenefit.point(values(1, 0, "1", 1, 0, 5, null, null), BigDecimal.ONE).breakEvenSuccessRate()).isNull();
    }

    @Test
    void tornadoSwingsOneParameterAtATime() {
        Map<Parameter, Value> params = new EnumMap<>(Parameter.class);
        values(1_000_000, 0, "1", 10, 100_000, 1, "0", null).forEach((k, v) -> params.put(k, new Value(v, null, null, null)));
        params.put(Parameter.PARTICIPANTS, new Value(BigDecimal.TEN, new BigDecimal("5"), new BigDecimal("20"), null));
        params.put(Parameter.BENEFIT_PER_SUCCESS_YEAR_DKK, new Value(new BigDecimal("100000"), new BigDecimal("90000"), new BigDecimal("110000"), null));
        var t = CostBenefit.tornado(params, new BigDecimal("0.5"));
        // participants 5: 0.5 × 100 000 − 200 000 = −150 000; 20: 50 000 − 50 000 = 0 (swing 150 000, first)
        assertThat(t.getFirst().parameter()).isEqualTo(Parameter.PARTICIPANTS);
        assertThat(t.getFirst().gainAtLow()).isEqualByComparingTo("-150000");
        assertThat(t.getFirst().gainAtHigh()).isEqualByComparingTo("0");
        // benefit 90 000: 45 000 − 100 000 = −55 000; 110 000: 55 000 − 100 000 = −45 000
        assertThat(t.get(1).gainAtLow()).isEqualByComparingTo("-55000");
        assertThat(t.get(1).gainAtHigh()).isEqualByComparingTo("-45000");
        assertThat(t).hasSize(2);
    }

    @Test
    void monteCarloMeetsItsAnalyticMeanAndIsReproducible() {
        // annual cost triangular(600 000, 900 000, 1 500 000): mean 1 000 000; 10 participants, 1 year: cost 100 000 on average
        // p ~ Beta(30 + 1, 70 + 1): mean 31/102; benefit 500 000 (1 year, 0 %), p0 0.1
        // E[gain] = (31/102 − 0.1) × 500 000 − 100 000 = 1 960.784313…
        Map<Parameter, Value> params = new EnumMap<>(Parameter.class);
        values(900_000, 0, "1", 10, 500_000, 1, "0", "0.1").forEach((k, v) -> params.put(k, new Value(v, null, null, null)));
        params.put(Parameter.ANNUAL_COST_DKK, new Value(new BigDecimal("900000"), new BigDecimal("600000"), new BigDecimal("1500000"), null));
        double expected = (31.0 / 102 - 0.1) * 500_000 - 100_000;
        var s = CostBenefit.simulate(params, 0.3, 30L, 100L, 20_000, 7);
        double[] g = s.sortedGains();
        double mean = 0, sq = 0;
        for (double x : g) mean += x;
        mean /= g.length;
        for (double x : g) sq += (x - mean) * (x - mean);
        double standardError = Math.sqrt(sq / (g.length - 1) / g.length);
        assertThat(s.gainMean()).isCloseTo(mean, within(1e-6));
        assertThat(Math.abs(s.gainMean() - expected)).isLessThan(4 * standardError);
        assertThat(s.gainP05()).isLessThan(s.gainP50());
        assertThat(s.gainP50()).isLessThan(s.gainP95());
        assertThat(s.draws()).isEqualTo(20_000);

        var again = CostBenefit.simulate(params, 0.3, 30L, 100L, 20_000, 7);
        assertThat(again.sortedGains()).isEqualTo(g);
        assertThat(again.gainP05()).isEqualTo(s.gainP05());
        assertThat(CostBenefit.simulate(params, 0.3, 30L, 100L, 20_000, 8).gainP50()).isNotEqualTo(s.gainP50());
    }

    @Test
    void withoutUncertaintyEveryDrawIsThePointEstimate() {
        // p given (not measured) and no ranges: all draws equal 0.4 × 100 000 − 30 000 = 10 000
        Map<Parameter, Value> params = new EnumMap<>(Parameter.class);
        values(300_000, 0, "1", 10, 100_000, 1, "0", null).forEach((k, v) -> params.put(k, new Value(v, null, null, null)));
        var s = CostBenefit.simulate(params, 0.4, null, null, 100, 1);
        assertThat(s.gainP05()).isCloseTo(10_000, within(1e-6));
        assertThat(s.gainP95()).isCloseTo(10_000, within(1e-6));
        assertThat(s.probabilityPositive()).isEqualTo(1.0);
    }

    @Test
    void gammaDrawsHaveTheirMeanAndVariance() {
        // Gamma(k, 1): mean k, variance k
        var random = new java.util.SplittableRandom(11);
        int n = 50_000;
        double k = 43, sum = 0, sq = 0;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) sum += x[i] = CostBenefit.gamma(random, k);
        double mean = sum / n;
        for (double v : x) sq += (v - mean) * (v - mean);
        assertThat(Math.abs(mean - k)).isLessThan(4 * Math.sqrt(k / n));
        assertThat(sq / (n - 1)).isCloseTo(k, within(0.05 * k));
        assertThat(CostBenefit.gamma(new java.util.SplittableRandom(2), 1.0)).isPositive();
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] x = {0, 10, 20, 30, 40};
        // h = 4 × 0.05 = 0.2: 0 + 0.2 × 10 = 2; h = 2: 20; h = 3.8: 30 + 0.8 × 10 = 38
        assertThat(CostBenefit.quantile(x, 0.05)).isCloseTo(2, within(1e-12));
        assertThat(CostBenefit.quantile(x, 0.5)).isEqualTo(20);
        assertThat(CostBenefit.quantile(x, 0.95)).isCloseTo(38, within(1e-12));
    }
}
