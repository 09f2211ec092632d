package dk.vendepunkt.reporting;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing freezes a report: it is rendered once to HTML, PDF and Excel and stored, so committee
 * members (READER) always see exactly what was published, never live figures. The caller is
 * responsible for having built the report from disclosure-controlled (public) figures.
 */
@Service
public class ReportPublisher {

    private final JdbcClient jdbc;
    private final ReportRenderer renderer;

    ReportPublisher(JdbcClient jdbc, ReportRenderer renderer) {
        this.jdbc = jdbc;
        this.renderer = renderer;
    }

    /** A published report as lists show it. */
    public record Publication(long id, String reportKey, String title, String subtitle, Instant publishedAt,
                              String publishedBy, Instant withdrawnAt, String withdrawnReason) {
        public boolean withdrawn() {
            return withdrawnAt != null;
        }
    }

    /**
     * @param reportKey e.g. "effect-EXIT", "sikker-by-annual", "crime-key-figures"; groups editions of one report
     * @return the publication's id
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
    public long publish(String reportKey, Report report) {
        return jdbc.sql("""
                insert into rep_publication (report_key, title, subtitle, html, pdf, xlsx, published_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(reportKey, report.title(), report.subtitle(), renderer.htmlBody(report), renderer.pdf(report),
                        renderer.xlsx(report), CurrentUser.username())
                .query(Long.class).single();
    }

    /** Withdrawn reports disappear from READER's list but stay on record. */
    @Transactional
    @PreAuthorize("hasAnyRole('ANALYST','PROGRAMME_MANAGER')")
    public void withdraw(long id, String reason) {
        int n = jdbc.sql("update rep_publication set withdrawn_at = now(), withdrawn_by = ?, withdrawn_reason = ? where id = ? and withdrawn_at is null")
                .params(CurrentUser.username(), reason, id).update();
        if (n == 0) throw new NotFoundException("report.notFound", id);
    }

    private static Publication row(ResultSet rs, int i) throws SQLException {
        var w = rs.getTimestamp("withdrawn_at");
        return new Publication(rs.getLong("id"), rs.getString("report_key"), rs.getString("title"), rs.getString("subtitle"),
                rs.getTimestamp("published_at").toInstant(), rs.getString("published_by"), w == null ? null : w.toInstant(),
                rs.getString("withdrawn_reason"));
    }

    public record Page(List<Publication> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** Newest first; {@code q} searches the title; withdrawn ones only when asked (not for READER). */
    public Page list(String q, boolean includeWithdrawn, int page, int size) {
        String where = " where (? = '' or lower(title || ' ' || coalesce(subtitle, '')) like ?)" + (includeWithdrawn ? "" : " and withdrawn_at is null");
        String query = q == null ? "" : q.trim().toLowerCase();
        String like = "%" + query.replace("%", "\\%").replace("_", "\\_") + "%";
        long total = jdbc.sql("select count(*) from rep_publication" + where).params(query, like).query(Long.class).single();
        List<Publication> items = jdbc.sql("select id, report_key, title, subtitle, published_at, published_by, withdrawn_at, withdrawn_reason from rep_publication"
                        + where + " order by published_at desc, id desc limit ? offset ?")
                .params(query, like, size, (long) page * size).query(ReportPublisher::row).list();
        return new Page(items, total, page, size);
    }

    /** The reports in force whose key starts with one of the prefixes (one module's reports), newest first. */
    public List<Publication> published(String... keyPrefixes) {
        String[] patterns = java.util.Arrays.stream(keyPrefixes).map(k -> k.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toArray(String[]::new);
        return jdbc.sql("select id, report_key, title, subtitle, published_at, published_by, withdrawn_at, withdrawn_reason from rep_publication"
                        + " where withdrawn_at is null and report_key like any (?) order by published_at desc, id desc")
                .param(patterns).query(ReportPublisher::row).list();
    }

    public Publication get(long id, boolean includeWithdrawn) {
        return jdbc.sql("select id, report_key, title, subtitle, published_at, published_by, withdrawn_at, withdrawn_reason from rep_publication where id = ?"
                        + (includeWithdrawn ? "" : " and withdrawn_at is null"))
                .param(id).query(ReportPublisher::row).optional()
                .orElseThrow(() -> new NotFoundException("report.notFound", id));
    }

    /** The stored rendering in one format. */
    public byte[] content(long id, ReportFormat format, boolean includeWithdrawn) {
        get(id, includeWithdrawn);
        String col = switch (format) {
            case HTML -> "convert_to(html, 'UTF8')";
            case PDF -> "pdf";
            case XLSX -> "xlsx";
        };
        return jdbc.sql("select " + col + " from rep_publication where id = ?").param(id).query(byte[].class).single();
    }
}
