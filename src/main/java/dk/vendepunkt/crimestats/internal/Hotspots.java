package dk.vendepunkt.crimestats.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * Getis–Ord Gi* hotspots of reports on the 1 km grid for a period and a set of categories.
 *
 * @param studyAreaCells the cells analysed: the 1 km cells overlapping any district (or, without
 *                       districts, the bounding box of the cells with reports)
 * @param mean           mean reports per cell of the study area
 * @param sd             standard deviation (population) of reports per cell
 * @param cells          every cell of the study area, hottest first (z descending, cells without z last)
 */
public record Hotspots(LocalDate from, LocalDate to, List<String> categories, int studyAreaCells, double mean, double sd,
                       List<Cell> cells) {

    /**
     * @param z   the Gi* z-score; null where undefined (no variation, or the neighbourhood is the whole area)
     * @param p   two-sided p-value
     * @param bin 3/2/1 hot spot with 99/95/90 % confidence, −3/−2/−1 cold spot, 0 not significant
     */
    public record Cell(String cell, long count, Double z, Double p, int bin) {}
}
