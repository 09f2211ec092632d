package dk.vendepunkt.crimestats.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * The quarterly crime key figures of the contract ({@code GET /api/v1/crime/key-figures}).
 * Reports are counted by the date of {@code reported_at} (Europe/Copenhagen), charges by
 * {@code charged_on}; the previous period is the same dates one year earlier (29 February → 28 February).
 */
public record KeyFigures(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo,
                         List<CategoryCount> byCategory, List<AreaCount> byArea, List<CellCount> topCells,
                         List<AgeGroupCount> chargesByAgeGroup, List<ChargeCategoryCount> chargesUnder18ByCategory) {

    /** @param changePct (count − previousCount) / previousCount × 100; null when previousCount = 0 */
    public record CategoryCount(String category, long count, long previousCount, Double changePct) {}

    /** @param level BYDEL or DISTRICT; the pseudo-district UNKNOWN (no coordinates, or outside every district) is at DISTRICT level */
    public record AreaCount(String area, String level, long count, long previousCount) {}

    public record CellCount(String cell, long count) {}

    public record AgeGroupCount(String group, long count) {}

    public record ChargeCategoryCount(String category, long count) {}

    public static Double changePct(long count, long previous) {
        return previous == 0 ? null : (count - previous) * 100.0 / previous;
    }
}
