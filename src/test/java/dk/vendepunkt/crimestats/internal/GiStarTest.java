package dk.vendepunkt.crimestats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Gi* against hand-computed values on small grids. */
class GiStarTest {

    static String id(int n, int e) {
        return "1km_" + (6100 + n) + "_" + (700 + e);
    }

    static Map<String, GiStar.Result> byCell(List<GiStar.Result> rs) {
        return rs.stream().collect(Collectors.toMap(GiStar.Result::cell, Function.identity()));
    }

    @Test
    void threeByThreeGridWithOneHighCentre() {
        // x = 1 everywhere except 10 in the centre; n = 9
        List<String> cells = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        for (int n = 0; n < 3; n++) {
            for (int e = 0; e < 3; e++) {
                cells.add(id(n, e));
                counts.put(id(n, e), n == 1 && e == 1 ? 10L : 1L);
            }
        }
        var r = byCell(GiStar.compute(cells, counts));
        // by hand: Σx = 18, x̄ = 2, Σx² = 8·1 + 100 = 108, S = √(108/9 − 2²) = √8
        // corner: w = 4 (itself, two edge cells, the centre), Σwx = 1 + 1 + 1 + 10 = 13
        //   z = (13 − 2·4) / (√8 · √((9·4 − 4²)/8)) = 5 / (√8 · √2.5) = 5 / √20
        assertThat(r.get(id(0, 0)).z()).isCloseTo(5 / Math.sqrt(20), within(1e-12));
        assertThat(r.get(id(2, 2)).z()).isCloseTo(5 / Math.sqrt(20), within(1e-12));
        // edge: w = 6, Σwx = 5·1 + 10 = 15: z = (15 − 12) / (√8 · √((54 − 36)/8)) = 3 / √18
        assertThat(r.get(id(0, 1)).z()).isCloseTo(3 / Math.sqrt(18), within(1e-12));
        // centre: w = 9 = n: numerator 18 − 2·9 = 0 and denominator √8·√((81 − 81)/8) = 0 — undefined
        // when the neighbourhood is the whole study area: no z-score
        assertThat(r.get(id(1, 1)).z()).isNull();
        assertThat(r.get(id(1, 1)).count()).isEqualTo(10);
        assertThat(r.values()).allMatch(x -> x.bin() == 0);
        // p two-sided: for z = 5/√20 ≈ 1.118, p ≈ 0.2636
        assertThat(r.get(id(0, 0)).p()).isCloseTo(0.26355, within(1e-4));
    }

    @Test
    void aClusterInALargerGridIsAHotSpotAndEmptyCellsCount() {
        // 5 × 5 cells, the 2 × 2 block in the north-east has 9 reports each, all other cells none (cells
        // with no reports are part of the study area with x = 0)
        List<String> cells = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        for (int n = 0; n < 5; n++) {
            for (int e = 0; e < 5; e++) {
                cells.add(id(n, e));
                if (n >= 3 && e >= 3) counts.put(id(n, e), 9L);
            }
        }
        counts.put("1km_1_1", 1000L); // outside the study area: ignored
        var r = byCell(GiStar.compute(cells, counts));
        // n = 25, Σx = 36, x̄ = 1.44, Σx² = 324, S = √(324/25 − 1.44²) = √(12.96 − 2.0736) = √10.8864
        double s = Math.sqrt(324.0 / 25 - 1.44 * 1.44);
        // the corner cell (4,4): w = 4, Σwx = 36: z = (36 − 1.44·4) / (S √((25·4 − 16)/24))
        double zCorner = (36 - 1.44 * 4) / (s * Math.sqrt((100.0 - 16) / 24));
        assertThat(r.get(id(4, 4)).z()).isCloseTo(zCorner, within(1e-12));
        assertThat(zCorner).isGreaterThan(GiStar.Z99);
        assertThat(r.get(id(4, 4)).bin()).isEqualTo(3);
        // (3,3): w = 9, Σwx = 36: z = (36 − 12.96) / (S √((225 − 81)/24))
        double zInner = (36 - 1.44 * 9) / (s * Math.sqrt((225.0 - 81) / 24));
        assertThat(r.get(id(3, 3)).z()).isCloseTo(zInner, within(1e-12));
        // the far corner (0,0): w = 4, Σwx = 0: z = −5.76 / (S √3.5), not significant
        double zCold = -1.44 * 4 / (s * Math.sqrt(3.5));
        assertThat(r.get(id(0, 0)).z()).isCloseTo(zCold, within(1e-12));
        assertThat(r.get(id(0, 0)).bin()).isEqualTo(GiStar.bin(zCold));
        assertThat(r).hasSize(25);
    }

    @Test
    void binsAtTheConfidenceLevels() {
        assertThat(GiStar.bin(1.6448)).isZero();
        assertThat(GiStar.bin(1.645)).isEqualTo(1);
        assertThat(GiStar.bin(1.96)).isEqualTo(2);
        assertThat(GiStar.bin(2.576)).isEqualTo(3);
        assertThat(GiStar.bin(-1.96)).isEqualTo(-2);
        assertThat(GiStar.bin(-3)).isEqualTo(-3);
    }

    @Test
    void noVariationGivesNoZScores() {
        var r = GiStar.compute(List.of(id(0, 0), id(0, 1)), Map.of(id(0, 0), 2L, id(0, 1), 2L));
        assertThat(r).allMatch(x -> x.z() == null && x.bin() == 0);
        assertThat(GiStar.compute(List.of(), Map.of())).isEmpty();
    }
}
