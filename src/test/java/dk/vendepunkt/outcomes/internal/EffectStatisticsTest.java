package dk.vendepunkt.outcomes.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dk.vendepunkt.outcomes.internal.EffectStatistics.DayCount;
import dk.vendepunkt.outcomes.internal.EffectStatistics.Interval;
import dk.vendepunkt.outcomes.internal.EffectStatistics.KmPoint;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EffectStatisticsTest {

    static final double Z = 1.959963984540054;

    @Test
    void wilsonMatchesTheHandComputation() {
        // 50 of 120 (the contract's example): p = 5/12, z² = 3.841458820694124
        double p = 50 / 120.0, n = 120, z2 = Z * Z;
        double centre = (p + z2 / 240) / (1 + z2 / 120);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / 120);
        Interval w = EffectStatistics.wilson(50, 120);
        assertThat(w.lower()).isCloseTo(centre - half, within(1e-12)).isCloseTo(0.332383521, within(1e-9));
        assertThat(w.upper()).isCloseTo(centre + half, within(1e-12)).isCloseTo(0.506119673, within(1e-9));
    }

    @Test
    void wilsonAtTheEdges() {
        assertThat(EffectStatistics.wilson(0, 0)).isNull();
        Interval none = EffectStatistics.wilson(0, 10);
        assertThat(none.lower()).isEqualTo(0.0);
        // p = 0: upper = z²/n / (1 + z²/n)
        double z2n = Z * Z / 10;
        assertThat(none.upper()).isCloseTo(z2n / (1 + z2n), within(1e-12));
        Interval all = EffectStatistics.wilson(10, 10);
        assertThat(all.upper()).isEqualTo(1.0);
        assertThat(all.lower()).isCloseTo(1 - z2n / (1 + z2n), within(1e-12));
    }

    @Test
    void newcombeHybridScoreMatchesThePublishedExamples() {
        // Newcombe RG (1998), Statistics in Medicine 17:873-890, Table II, method 10
        assertInterval(EffectStatistics.newcombe(56, 70, 48, 80), 0.0524, 0.3339);
        assertInterval(EffectStatistics.newcombe(9, 10, 3, 10), 0.1705, 0.8090);
        assertInterval(EffectStatistics.newcombe(6, 7, 2, 7), 0.0582, 0.8062);
        assertInterval(EffectStatistics.newcombe(5, 56, 0, 29), -0.0381, 0.1926);
        assertInterval(EffectStatistics.newcombe(0, 10, 0, 20), -0.1611, 0.2775);
        assertThat(EffectStatistics.newcombe(1, 0, 1, 2)).isNull();
    }

    private static void assertInterval(Interval i, double lower, double upper) {
        assertThat(i.lower()).isCloseTo(lower, within(0.00005));
        assertThat(i.upper()).isCloseTo(upper, within(0.00005));
    }

    @Test
    void kaplanMeierWithGreenwoodAndLogLogIntervalByHand() {
        // six forløb: event day 1; censored day 2; events day 3 (two); censored day 3; censored day 5
        var byDay = new TreeMap<Integer, DayCount>();
        byDay.put(1, new DayCount(1, 0));
        byDay.put(2, new DayCount(0, 1));
        byDay.put(3, new DayCount(2, 1));
        byDay.put(5, new DayCount(0, 1));
        List<KmPoint> km = EffectStatistics.kaplanMeier(byDay);
        assertThat(km).extracting(KmPoint::day).containsExactly(1, 3);

        // day 1: 6 at risk, 1 event
        double s1 = 1 - 1 / 6.0;
        double gw1 = 1 / (6.0 * 5);
        assertPoint(km.get(0), 6, 1, s1, gw1);
        // day 3: at risk = 6 - 1 (event day 1) - 1 (censored day 2) = 4 (the one censored on day 3 counts), 2 events
        double s3 = s1 * (1 - 2 / 4.0);
        double gw3 = gw1 + 2 / (4.0 * 2);
        assertPoint(km.get(1), 4, 2, s3, gw3);
    }

    private static void assertPoint(KmPoint p, long atRisk, long events, double s, double greenwoodSum) {
        assertThat(p.atRisk()).isEqualTo(atRisk);
        assertThat(p.events()).isEqualTo(events);
        assertThat(p.survival()).isCloseTo(s, within(1e-12));
        double se = Math.sqrt(greenwoodSum) / Math.abs(Math.log(s));
        assertThat(p.lower()).isCloseTo(Math.pow(s, Math.exp(Z * se)), within(1e-12));
        assertThat(p.upper()).isCloseTo(Math.pow(s, Math.exp(-Z * se)), within(1e-12));
        assertThat(p.lower()).isLessThan(s);
        assertThat(p.upper()).isGreaterThan(s);
    }

    @Test
    void kaplanMeierDownToZero() {
        var byDay = new TreeMap<Integer, DayCount>();
        byDay.put(0, new DayCount(0, 3)); // ended on asOf: never at risk after day 0
        byDay.put(4, new DayCount(2, 0));
        List<KmPoint> km = EffectStatistics.kaplanMeier(byDay);
        assertThat(km).hasSize(1);
        assertThat(km.getFirst().atRisk()).isEqualTo(2);
        assertThat(km.getFirst().survival()).isZero();
        assertThat(km.getFirst().lower()).isZero();
        assertThat(km.getFirst().upper()).isZero();
    }
}
