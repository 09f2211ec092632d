package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.platform.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentTest {

    /** The generic default: nine domains scored 0-3, bands at 0/7/14/21 (as in V4_20). */
    static Instrument generic() {
        return new Instrument("GENERIC_9", "Generisk", null,
                Arrays.stream(LifeDomain.values()).map(d -> new Instrument.DomainScale(d, 3)).toList(),
                List.of(new Instrument.Band(RiskLevel.HIGH, 14), new Instrument.Band(RiskLevel.LOW, 0),
                        new Instrument.Band(RiskLevel.VERY_HIGH, 21), new Instrument.Band(RiskLevel.MODERATE, 7)));
    }

    static List<Instrument.Rating> all(NeedLevel need) {
        return Arrays.stream(LifeDomain.values()).map(d -> new Instrument.Rating(d, "Situation", need, null)).toList();
    }

    @Test
    void scoresFollowTheNeedLevelWhenNoScoreIsGiven() {
        Instrument.Result none = generic().score(all(NeedLevel.NONE));
        assertThat(none.total()).isZero();
        assertThat(none.level()).isEqualTo(RiskLevel.LOW);
        Instrument.Result high = generic().score(all(NeedLevel.HIGH));
        assertThat(high.total()).isEqualTo(27);
        assertThat(high.maxTotal()).isEqualTo(27);
        assertThat(high.level()).isEqualTo(RiskLevel.VERY_HIGH);
        assertThat(generic().score(all(NeedLevel.MODERATE)).total()).isEqualTo(18);
        assertThat(generic().score(all(NeedLevel.MODERATE)).level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void levelBoundariesAreInclusiveAtTheBandMinimum() {
        Instrument i = generic();
        assertThat(i.level(6)).isEqualTo(RiskLevel.LOW);
        assertThat(i.level(7)).isEqualTo(RiskLevel.MODERATE);
        assertThat(i.level(13)).isEqualTo(RiskLevel.MODERATE);
        assertThat(i.level(14)).isEqualTo(RiskLevel.HIGH);
        assertThat(i.level(20)).isEqualTo(RiskLevel.HIGH);
        assertThat(i.level(21)).isEqualTo(RiskLevel.VERY_HIGH);
    }

    @Test
    void explicitScoresOverrideTheNeedLevelAndAreKeptPerDomain() {
        List<Instrument.Rating> r = new ArrayList<>(all(NeedLevel.LOW));
        r.set(0, new Instrument.Rating(LifeDomain.ECONOMY, "Gæld", NeedLevel.HIGH, 2));
        Instrument.Result res = generic().score(r);
        assertThat(res.scores()).containsEntry(LifeDomain.ECONOMY, 2).containsEntry(LifeDomain.HOUSING, 1);
        assertThat(res.total()).isEqualTo(2 + 8);
        assertThat(res.level()).isEqualTo(RiskLevel.MODERATE);
    }

    @Test
    void weightedInstrumentScalesTheDefaultScore() {
        Instrument weighted = new Instrument("W", "Vægtet", null,
                List.of(new Instrument.DomainScale(LifeDomain.CRIMINAL_THINKING, 6), new Instrument.DomainScale(LifeDomain.NETWORK, 3)),
                List.of(new Instrument.Band(RiskLevel.LOW, 0), new Instrument.Band(RiskLevel.HIGH, 5)));
        Instrument.Result res = weighted.score(List.of(
                new Instrument.Rating(LifeDomain.CRIMINAL_THINKING, null, NeedLevel.MODERATE, null),
                new Instrument.Rating(LifeDomain.NETWORK, null, NeedLevel.LOW, null)));
        assertThat(res.scores()).containsEntry(LifeDomain.CRIMINAL_THINKING, 4).containsEntry(LifeDomain.NETWORK, 1);
        assertThat(res.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void missingDomainsScoresOutOfRangeAndForeignDomainsAreRefused() {
        Instrument small = new Instrument("S", "Lille", null, List.of(new Instrument.DomainScale(LifeDomain.HOUSING, 3),
                new Instrument.DomainScale(LifeDomain.ECONOMY, 3)), List.of(new Instrument.Band(RiskLevel.LOW, 0)));
        assertThatThrownBy(() -> small.score(List.of(
                new Instrument.Rating(LifeDomain.HOUSING, null, NeedLevel.LOW, 4),
                new Instrument.Rating(LifeDomain.LEISURE, null, NeedLevel.LOW, null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().stream().map(p -> p.field()))
                        .containsExactlyInAnyOrder("domains[HOUSING].score", "domains[ECONOMY].needLevel", "domains[LEISURE]"));
    }

    @Test
    void bandsMustStartAtZero() {
        assertThatThrownBy(() -> new Instrument("X", "x", null, List.of(new Instrument.DomainScale(LifeDomain.HOUSING, 3)),
                List.of(new Instrument.Band(RiskLevel.LOW, 1)))).isInstanceOf(IllegalArgumentException.class);
    }
}
