package dk.vendepunkt.crimestats.internal;

import dk.vendepunkt.areas.Kvadratnet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Getis–Ord Gi* on the 1 km grid: binary queen contiguity including the cell itself (the cell and its
 * up to eight neighbours in the study area), counts x per cell, n cells in the study area:
 * <pre>
 *   Gi* = (Σj wij xj − x̄ Σj wij) / (S √((n Σj wij² − (Σj wij)²) / (n − 1)))
 *   x̄ = Σ xj / n,  S = √(Σ xj² / n − x̄²)
 * </pre>
 * The z-score is Gi* itself; bins at 90, 95 and 99 % (two-sided): |z| ≥ 1.645, 1.960, 2.576.
 */
final class GiStar {

    static final double Z90 = 1.6448536269514722;
    static final double Z95 = 1.959963984540054;
    static final double Z99 = 2.5758293035489004;
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private GiStar() {}

    /**
     * @param z   null when the study area has no variation (S = 0) or fewer than 2 cells
     * @param p   two-sided p-value, null with z
     * @param bin +3/+2/+1 hot spot at 99/95/90 %, −3/−2/−1 cold spot, 0 not significant
     */
    record Result(String cell, long count, Double z, Double p, int bin) {}

    /** Gi* for every cell of the study area; counts of cells outside it are ignored. */
    static List<Result> compute(Collection<String> studyArea, Map<String, Long> counts) {
        int n = studyArea.size();
        Map<Long, Map<Long, Long>> grid = new HashMap<>();
        double sum = 0;
        double sumSq = 0;
        for (String id : studyArea) {
            Kvadratnet.Cell c = Kvadratnet.parse(id);
            long x = counts.getOrDefault(id, 0L);
            grid.computeIfAbsent(c.northKm(), k -> new HashMap<>()).put(c.eastKm(), x);
            sum += x;
            sumSq += (double) x * x;
        }
        List<Result> out = new ArrayList<>(n);
        double mean = n == 0 ? 0 : sum / n;
        double s = n == 0 ? 0 : Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        for (String id : studyArea) {
            Kvadratnet.Cell c = Kvadratnet.parse(id);
            long x = counts.getOrDefault(id, 0L);
            if (n < 2 || s == 0) {
                out.add(new Result(id, x, null, null, 0));
                continue;
            }
            double wx = 0;
            int w = 0;
            for (long dn = -1; dn <= 1; dn++) {
                Map<Long, Long> row = grid.get(c.northKm() + dn);
                if (row == null) continue;
                for (long de = -1; de <= 1; de++) {
                    Long v = row.get(c.eastKm() + de);
                    if (v != null) {
                        wx += v;
                        w++;
                    }
                }
            }
            // binary weights: Σ wij² = Σ wij = w
            double denom = s * Math.sqrt(((double) n * w - (double) w * w) / (n - 1));
            if (denom == 0) {
                out.add(new Result(id, x, null, null, 0));
                continue;
            }
            double z = (wx - mean * w) / denom;
            double p = 2 * (1 - NORMAL.cumulativeProbability(Math.abs(z)));
            out.add(new Result(id, x, z, p, bin(z)));
        }
        return out;
    }

    static int bin(double z) {
        double a = Math.abs(z);
        int level = a >= Z99 ? 3 : a >= Z95 ? 2 : a >= Z90 ? 1 : 0;
        return z < 0 ? -level : level;
    }
}
