package dk.vendepunkt.reporting;

import dk.vendepunkt.reporting.ReportSection.Kind;
import dk.vendepunkt.reporting.internal.CachedReportRenderer;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * Renders a {@link Report} to HTML (a page body, or a standalone document), PDF (charts as vector SVG) and
 * Excel (.xlsx: one sheet, tables with numeric cells and a total row; charts as their data). Numbers are
 * formatted the Danish way in HTML and PDF. Implemented by {@link CachedReportRenderer}.
 */
public interface ReportRenderer {

    /** The report's content for embedding in a page (no html/head/body). */
    String htmlBody(Report r);

    /** A standalone XHTML document; with {@code embedCss} the styles are inlined (for PDF and downloads). */
    String htmlDocument(Report r, boolean embedCss);

    byte[] pdf(Report r);

    byte[] xlsx(Report r);

    /**
     * The report as a download (PDF, Excel) or a standalone HTML page, with a sensible file name; from the
     * rendering cache when the same report was rendered today since the report data last changed. The
     * endpoint authorises and audits the request before it calls this.
     *
     * @param report     builds the report (its figures are read only when it is not in the cache)
     * @param fileBase   the file name without extension; with {@code disclosure} and {@code parameters} it must
     *                   name the report and everything its content depends on
     * @param disclosure the figures the report shows, as the request was authorised for
     * @param parameters the request's other parameters that the content depends on and {@code fileBase} does
     *                   not show (values with equals: numbers, dates, strings, enums, collections of them; null allowed)
     */
    ResponseEntity<byte[]> response(Supplier<Report> report, ReportFormat format, String fileBase, Disclosure disclosure,
                                    Object... parameters);

    /** Danish formatting of a cell: 1.234.567, 12,5, 41,7 %, "–" for a suppressed figure. */
    static String format(Object v, Kind kind) {
        return CachedReportRenderer.format(v, kind);
    }
}
