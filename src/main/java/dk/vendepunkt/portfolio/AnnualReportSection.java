package dk.vendepunkt.portfolio;

import dk.vendepunkt.reporting.Report;
import java.time.LocalDate;

/**
 * A section another module adds to the annual Sikker By report, after the portfolio's own sections, in
 * {@link org.springframework.core.annotation.Order} order. For {@code publicVersion = true} every figure
 * derived from personal data must already have passed disclosure control.
 */
public interface AnnualReportSection {

    /**
     * @param report        the report being built
     * @param asOf          the date the report's figures are taken at
     * @param publicVersion true for the version that leaves the system
     */
    void addTo(Report.Builder report, LocalDate asOf, boolean publicVersion);
}
