package dk.vendepunkt.crimestats;

import java.time.LocalDate;
import java.util.Map;

/** The crime figures other modules read, from the rollups kept at import. */
public interface CrimeFigures {

    /**
     * Citizen-directed reports in a calendar year located in each district: every district's code
     * (0 when none); reports in no district are left out.
     */
    Map<String, Long> citizenDirectedReportsByDistrict(int year);

    /** Charges with {@code charged_on} in [from, to] of persons aged minAge..maxAge (both included) at the charge. */
    long charges(LocalDate from, LocalDate to, int minAge, int maxAge);
}
