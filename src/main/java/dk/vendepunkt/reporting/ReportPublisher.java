package dk.vendepunkt.reporting;

import java.time.Instant;
import java.util.List;

/**
 * Publishing freezes a report: it is rendered once to HTML, PDF and Excel and stored, so committee
 * members (READER) always see exactly what was published, never live figures. The caller is
 * responsible for having built the report from disclosure-controlled (public) figures. Publishing and
 * withdrawing need ANALYST or PROGRAMME_MANAGER.
 */
public interface ReportPublisher {

    /** A published report as lists show it. */
    record Publication(long id, String reportKey, String title, String subtitle, Instant publishedAt,
                       String publishedBy, Instant withdrawnAt, String withdrawnReason) {
        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    record Page(List<Publication> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /**
     * @param reportKey e.g. "effect-EXIT", "sikker-by-annual", "crime-key-figures"; groups editions of one report
     * @return the publication's id
     */
    long publish(String reportKey, Report report);

    /** Withdrawn reports disappear from READER's list but stay on record. */
    void withdraw(long id, String reason);

    /** Newest first; {@code q} searches the title; withdrawn ones only when asked (not for READER). */
    Page list(String q, boolean includeWithdrawn, int page, int size);

    /** The reports in force whose key starts with one of the prefixes (one module's reports), newest first. */
    List<Publication> published(String... keyPrefixes);

    Publication get(long id, boolean includeWithdrawn);

    /** The stored rendering in one format. */
    byte[] content(long id, ReportFormat format, boolean includeWithdrawn);
}
