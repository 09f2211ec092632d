package dk.vendepunkt.safetyindex.internal;

import java.time.LocalDate;
import java.util.Map;

/**
 * The police figures the Tryghedsindeks and the "urolige områder" report use, as this module needs
 * them (implemented over the {@code crimestats} module's public API).
 */
interface PoliceFigures {

    /** Citizen-directed reports in the calendar year, by district code (districts without reports may be absent). */
    Map<String, Long> citizenDirectedReportsByDistrict(int year);

    /** Charges with {@code charged_on} in [from, to] of persons aged minAge–maxAge (inclusive) at the charge; city-wide. */
    long charges(LocalDate from, LocalDate to, int minAge, int maxAge);
}
