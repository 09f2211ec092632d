package dk.vendepunkt.reporting.internal;

import dk.vendepunkt.organisation.CurrentUser;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportFormat;
import dk.vendepunkt.reporting.ReportPublisher;
import dk.vendepunkt.reporting.ReportPublisher.Page;
import dk.vendepunkt.reporting.ReportPublisher.Publication;
import dk.vendepunkt.reporting.ReportRenderer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ReportPublisher} on the table {@code rep_publication}, which stores each rendering. */
@Service
class JdbcReportPublisher implements ReportPublisher {

    private final JdbcClient jdbc;
    private final ReportRenderer renderer;

    JdbcReportPublisher(JdbcClient jdbc, ReportRenderer renderer) {
        this.jdbc = jdbc;
        this.renderer = renderer;
    }

    @Override
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

    @Override
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

    @Override
    public Page list(String q, boolean includeWithdrawn, int page, int size) {
        String where = " where (? = '' or lower(title || ' ' || coalesce(subtitle, '')) like ?)" + (includeWithdrawn ? "" : " and withdrawn_at is null");
        String query = q == null ? "" : q.trim().toLowerCase();
        String like = "%" + query.replace("%", "\\%").replace("_", "\\_") + "%";
        long total = jdbc.sql("select count(*) from rep_publication" + where).params(query, like).query(Long.class).single();
        List<Publication> items = jdbc.sql("select id, report_key, title, subtitle, published_at, published_by, withdrawn_at, withdrawn_reason from rep_publication"
                        + where + " order by published_at desc, id desc limit ? offset ?")
                .params(query, like, size, (long) page * size).query(JdbcReportPublisher::row).list();
        return new Page(items, total, page, size);
    }

    @Override
    public List<Publication> published(String... keyPrefixes) {
        String[] patterns = java.util.Arrays.stream(keyPrefixes).map(k -> k.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toArray(String[]::new);
        return jdbc.sql("select id, report_key, title, subtitle, published_at, published_by, withdrawn_at, withdrawn_reason from rep_publication"
                        + " where withdrawn_at is null and report_key like any (?) order by published_at desc, id desc")
                .param(patterns).query(JdbcReportPublisher::row).list();
    }

    @Override
    public Publication get(long id, boolean includeWithdrawn) {
        return jdbc.sql("select id, report_key, title, subtitle, published_at, published_by, withdrawn_at, withdrawn_reason from rep_publication where id = ?"
                        + (includeWithdrawn ? "" : " and withdrawn_at is null"))
                .param(id).query(JdbcReportPublisher::row).optional()
                .orElseThrow(() -> new NotFoundException("report.notFound", id));
    }

    @Override
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
