package dk.vendepunkt.reporting.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportFormat;
import dk.vendepunkt.reporting.ReportMark;
import dk.vendepunkt.reporting.ReportRenderer;
import dk.vendepunkt.reporting.ReportSection;
import dk.vendepunkt.reporting.ReportSection.Chart;
import dk.vendepunkt.reporting.ReportSection.Column;
import dk.vendepunkt.reporting.ReportSection.Facts;
import dk.vendepunkt.reporting.ReportSection.Heading;
import dk.vendepunkt.reporting.ReportSection.Kind;
import dk.vendepunkt.reporting.ReportSection.RowRole;
import dk.vendepunkt.reporting.ReportSection.Table;
import dk.vendepunkt.reporting.ReportSection.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders a {@link Report} to HTML (a page body, or a standalone document), PDF (openhtmltopdf from the
 * same XHTML, charts as vector SVG) and Excel (.xlsx: one sheet, tables with numeric cells and a total row;
 * charts as their data). Numbers are formatted the Danish way in HTML and PDF.
 */
@Component
public class CachedReportRenderer implements ReportRenderer {

    private static final Locale DA = Locale.of("da", "DK");
    static final String SUPPRESSED_TEXT = "–";

    private final ReportCache cache;
    private final Clock clock;

    public CachedReportRenderer(ReportCache cache, Clock clock) {
        this.clock = clock;
        this.cache = cache;
    }

    // ---------------------------------------------------------------- HTML

    /** The report's content for embedding in a page (no html/head/body). */
    public String htmlBody(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<article class=\"report\">");
        sb.append("<h1>").append(esc(r.title())).append("</h1>");
        if (r.subtitle() != null) sb.append("<p class=\"report-subtitle\">").append(esc(r.subtitle())).append("</p>");
        sb.append("<p class=\"report-produced\">Udarbejdet ").append(Report.longDate(produced(r))).append("</p>");
        for (ReportSection s : r.sections()) {
            switch (s) {
                case Heading h -> sb.append("<h").append(h.level()).append('>').append(esc(h.text())).append("</h").append(h.level()).append('>');
                case Text t -> sb.append("<p>").append(esc(t.text())).append("</p>");
                case Facts f -> {
                    sb.append("<dl class=\"report-facts\">");
                    f.facts().forEach(x -> sb.append("<dt>").append(esc(x.label())).append("</dt><dd>").append(esc(x.value())).append("</dd>"));
                    sb.append("</dl>");
                }
                case Table t -> table(sb, t);
                case Chart c -> sb.append("<figure class=\"report-chart\">").append(ReportSvgChart.svg(c))
                        .append("<figcaption>").append(esc(c.caption())).append("</figcaption></figure>");
            }
        }
        sb.append("</article>");
        return sb.toString();
    }

    private void table(StringBuilder sb, Table t) {
        sb.append("<table class=\"data report-table\"><caption>").append(esc(t.caption())).append("</caption><thead><tr>");
        for (Column c : t.columns()) {
            sb.append("<th scope=\"col\"").append(c.kind() == Kind.TEXT ? "" : " class=\"num\"").append('>').append(esc(c.header())).append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        // one tbody per group (its head and members); ordinary rows around groups get their own tbody
        for (int i = 0; i < t.rows().size(); i++) {
            RowRole role = t.roles().get(i);
            boolean newBody = i > 0 && (role == RowRole.GROUP || role == RowRole.PLAIN && t.roles().get(i - 1) != RowRole.PLAIN);
            if (newBody) sb.append("</tbody><tbody>");
            row(sb, t.columns(), t.rows().get(i), role, false);
        }
        sb.append("</tbody>");
        if (t.totals() != null) {
            sb.append("<tfoot>");
            row(sb, t.columns(), t.totals(), RowRole.PLAIN, true);
            sb.append("</tfoot>");
        }
        sb.append("</table>");
        if (t.note() != null) sb.append("<p class=\"report-note\">").append(esc(t.note())).append("</p>");
    }

    private void row(StringBuilder sb, List<Column> cols, List<Object> row, RowRole role, boolean total) {
        sb.append(total ? "<tr class=\"total\">" : role == RowRole.GROUP ? "<tr class=\"group\">" : role == RowRole.MEMBER ? "<tr class=\"member\">" : "<tr>");
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            String v = keepDatesWhole(esc(format(row.get(i), c.kind())));
            if (i == 0) {
                sb.append("<th scope=\"").append(role == RowRole.GROUP ? "rowgroup" : "row").append('"')
                        .append(c.kind() == Kind.TEXT ? "" : " class=\"num\"").append('>').append(v).append("</th>");
            } else {
                sb.append("<td").append(c.kind() == Kind.TEXT ? "" : " class=\"num\"").append('>').append(v).append("</td>");
            }
        }
        sb.append("</tr>");
    }

    /** A standalone XHTML document; with {@code embedCss} the styles are inlined (for PDF and downloads). */
    public String htmlDocument(Report r, boolean embedCss) {
        String css = embedCss ? "<style>" + reportCss() + "</style>" : "<link rel=\"stylesheet\" href=\"/css/report.css\"/>";
        return "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"da\"><head><meta charset=\"utf-8\"/>"
                + "<title>" + esc(r.title()) + "</title>" + css + "</head><body>" + htmlBody(r) + "</body></html>";
    }

    static String reportCss() {
        try (InputStream in = new ClassPathResource("static/css/report.css").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- PDF

    /** Tables wider than this many columns are printed on landscape pages. */
    static final int PORTRAIT_MAX_COLUMNS = 7;

    /**
     * The PDF, with DejaVu Sans embedded (shipped in the jar: the standard Helvetica has no "≥" or "−" and is
     * not embedded). A report with a table wider than {@link #PORTRAIT_MAX_COLUMNS} is printed landscape.
     */
    public byte[] pdf(Report r) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useSVGDrawer(new BatikSVGDrawer());
            b.useFont(() -> font("DejaVuSans.ttf"), PDF_FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            b.useFont(() -> font("DejaVuSans-Bold.ttf"), PDF_FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            String doc = htmlDocument(r, true);
            if (widestTable(r) > PORTRAIT_MAX_COLUMNS) {
                doc = doc.replace("</style>", "@page { size: A4 landscape; }</style>");
            }
            b.withHtmlContent(doc, null);
            b.toStream(out);
            b.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String PDF_FONT = "DejaVu Sans";

    private static final java.util.regex.Pattern SHORT_DATE = java.util.regex.Pattern.compile("\\b\\d{2}-\\d{2}-\\d{4}\\b");

    /** A table date ("31-12-2013") is never broken at its hyphens. */
    static String keepDatesWhole(String escaped) {
        return SHORT_DATE.matcher(escaped).replaceAll("<span class=\"date\">$0</span>");
    }

    private static InputStream font(String file) {
        try {
            return new ClassPathResource("fonts/" + file).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int widestTable(Report r) {
        int widest = 0;
        for (ReportSection s : r.sections()) {
            if (s instanceof Table t) widest = Math.max(widest, t.columns().size());
        }
        return widest;
    }

    // ---------------------------------------------------------------- Excel

    public byte[] xlsx(Report r) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName(r.title()));
            Styles st = new Styles(wb);
            int rowNo = 0;
            cell(sheet.createRow(rowNo++), 0, r.title(), st.title);
            if (r.subtitle() != null) cell(sheet.createRow(rowNo++), 0, r.subtitle(), null);
            cell(sheet.createRow(rowNo++), 0, "Udarbejdet " + produced(r), null);
            int maxCols = 1;
            for (ReportSection s : r.sections()) {
                switch (s) {
                    case Heading h -> { rowNo++; cell(sheet.createRow(rowNo++), 0, h.text(), st.heading); }
                    case Text t -> cell(sheet.createRow(rowNo++), 0, t.text(), null);
                    case Facts f -> {
                        for (var x : f.facts()) {
                            Row row = sheet.createRow(rowNo++);
                            cell(row, 0, x.label(), st.header);
                            cell(row, 1, x.value(), null);
                        }
                    }
                    case Table t -> {
                        rowNo = xlsxTable(sheet, st, rowNo, t.caption(), t.columns(), t.rows(), t.roles(), t.totals(), t.note());
                        maxCols = Math.max(maxCols, t.columns().size());
                    }
                    case Chart c -> {
                        List<Column> cols = new ArrayList<>();
                        cols.add(Column.text(c.type() == ReportSection.ChartType.BAR ? "" : "x"));
                        for (var s2 : c.series()) {
                            cols.add(c.percent() ? Column.percent(s2.name()) : Column.decimal(s2.name()));
                            if (s2.lower() != null) {
                                cols.add(c.percent() ? Column.percent(s2.name() + " nedre") : Column.decimal(s2.name() + " nedre"));
                                cols.add(c.percent() ? Column.percent(s2.name() + " øvre") : Column.decimal(s2.name() + " øvre"));
                            }
                        }
                        List<List<Object>> rows = new ArrayList<>();
                        for (int i = 0; i < c.xLabels().size(); i++) {
                            List<Object> row = new ArrayList<>();
                            row.add(c.xLabels().get(i));
                            for (var s2 : c.series()) {
                                row.add(i < s2.values().size() ? s2.values().get(i) : null);
                                if (s2.lower() != null) {
                                    row.add(s2.lower().get(i));
                                    row.add(s2.upper().get(i));
                                }
                            }
                            rows.add(row);
                        }
                        rowNo = xlsxTable(sheet, st, rowNo, c.caption(), cols, rows, Collections.nCopies(rows.size(), RowRole.PLAIN), null,
                                c.target() == null ? null : (c.targetLabel() == null ? "Mål" : c.targetLabel()) + ": " + format(c.target(), c.percent() ? Kind.PERCENT : Kind.DECIMAL));
                        maxCols = Math.max(maxCols, cols.size());
                    }
                }
            }
            for (int i = 0; i < maxCols; i++) sheet.setColumnWidth(i, i == 0 ? 12000 : 4500);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int xlsxTable(Sheet sheet, Styles st, int rowNo, String caption, List<Column> cols, List<List<Object>> rows,
                          List<RowRole> roles, List<Object> totals, String note) {
        rowNo++;
        cell(sheet.createRow(rowNo++), 0, caption, st.heading);
        Row head = sheet.createRow(rowNo++);
        for (int i = 0; i < cols.size(); i++) cell(head, i, cols.get(i).header(), st.header);
        for (int i = 0; i < rows.size(); i++) rowNo = xlsxRow(sheet, st, rowNo, cols, rows.get(i), roles.get(i), false);
        if (totals != null) rowNo = xlsxRow(sheet, st, rowNo, cols, totals, RowRole.PLAIN, true);
        if (note != null) cell(sheet.createRow(rowNo++), 0, note, null);
        return rowNo;
    }

    private int xlsxRow(Sheet sheet, Styles st, int rowNo, List<Column> cols, List<Object> values, RowRole role, boolean total) {
        Row row = sheet.createRow(rowNo++);
        for (int i = 0; i < cols.size(); i++) {
            Object v = values.get(i);
            Cell c = row.createCell(i);
            if (v instanceof Number n) {
                c.setCellValue(n instanceof BigDecimal bd ? bd.doubleValue() : n.doubleValue());
                c.setCellStyle(st.number(cols.get(i).kind(), total));
            } else {
                c.setCellValue(v == null ? "" : v == ReportMark.SUPPRESSED ? SUPPRESSED_TEXT : v.toString());
                c.setCellStyle(total ? st.totalText : i == 0 && role == RowRole.GROUP ? st.groupText : i == 0 && role == RowRole.MEMBER ? st.memberText : st.text);
            }
        }
        return rowNo;
    }

    private static void cell(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        if (style != null) c.setCellStyle(style);
    }

    private static String sheetName(String title) {
        String s = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return s.length() > 31 ? s.substring(0, 31) : s;
    }

    private static final class Styles {
        final CellStyle title, heading, header, text, totalText, groupText, memberText;
        private final XSSFWorkbook wb;
        private final java.util.Map<String, CellStyle> numbers = new java.util.HashMap<>();

        Styles(XSSFWorkbook wb) {
            this.wb = wb;
            title = style(16, true);
            heading = style(12, true);
            header = style(11, true);
            header.setBorderBottom(BorderStyle.THIN);
            text = wb.createCellStyle();
            totalText = style(11, true);
            totalText.setBorderTop(BorderStyle.THIN);
            groupText = style(11, true);
            memberText = wb.createCellStyle();
            memberText.setIndention((short) 1);
        }

        private CellStyle style(int points, boolean bold) {
            CellStyle s = wb.createCellStyle();
            Font f = wb.createFont();
            f.setFontHeightInPoints((short) points);
            f.setBold(bold);
            s.setFont(f);
            return s;
        }

        CellStyle number(Kind kind, boolean total) {
            return numbers.computeIfAbsent(kind + "/" + total, k -> {
                CellStyle s = total ? style(11, true) : wb.createCellStyle();
                if (total) s.setBorderTop(BorderStyle.THIN);
                s.setDataFormat(wb.createDataFormat().getFormat(switch (kind) {
                    case INTEGER -> "#,##0";
                    case MONEY -> "#,##0.##";
                    case PERCENT -> "0.0%";
                    case CHANGE_PERCENT -> "+0.0%;-0.0%;0.0%";
                    case DECIMAL_1 -> "#,##0.0";
                    case CHANGE -> "+#,##0.0;-#,##0.0;0.0";
                    default -> "#,##0.00";
                }));
                return s;
            });
        }
    }

    // ---------------------------------------------------------------- HTTP

    /**
     * The report as a download (PDF, Excel) or a standalone HTML page, with a sensible file name; from
     * {@link ReportCache} when the same report was rendered today since the report data last changed (each
     * report is rendered once at a time, however many ask for it). The endpoint authorises and audits the
     * request before it calls this, as without a cache.
     *
     * @param report     builds the report (its figures are read only when it is not in the cache)
     * @param fileBase   the file name without extension; with {@code disclosure} and {@code parameters} it must
     *                   name the report and everything its content depends on
     * @param disclosure the figures the report shows, as the request was authorised for
     * @param parameters the request's other parameters that the content depends on and {@code fileBase} does
     *                   not show (values with equals: numbers, dates, strings, enums, collections of them; null allowed)
     */
    public ResponseEntity<byte[]> response(Supplier<Report> report, ReportFormat format, String fileBase, Disclosure disclosure,
                                           Object... parameters) {
        var key = new CacheKey(fileBase, format, disclosure, Arrays.asList(parameters.clone()), LocaleContextHolder.getLocale(),
                LocalDate.now(clock), cache.dataVersion());
        byte[] body = cache.get(key, () -> render(report.get(), format));
        ContentDisposition cd = (format == ReportFormat.HTML ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(fileBase + "." + format.extension(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, format.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, cd.toString())
                .body(body);
    }

    /**
     * What a rendering depends on besides the request: the day (the report's date, "today" in windows), the
     * request's locale and the report data's version.
     */
    private record CacheKey(String fileBase, ReportFormat format, Disclosure disclosure, List<Object> parameters, Locale locale,
                            LocalDate day, long dataVersion) {}

    /** The report's date: as built, or today by the application's clock. */
    private LocalDate produced(Report r) {
        return r.produced() != null ? r.produced() : LocalDate.now(clock);
    }

    byte[] render(Report r, ReportFormat format) {
        return switch (format) {
            case HTML -> htmlDocument(r, false).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(r);
            case XLSX -> xlsx(r);
        };
    }

    // ---------------------------------------------------------------- formatting

    /** The minus sign of signed changes (U+2212), as in the pages. */
    static final String MINUS = "\u2212";

    /**
     * Danish formatting of a cell: 1.234.567, 12,5, 41,7 %, "–" for a suppressed figure; changes signed with one
     * decimal (+3,1, −2,0, +3,1 %, 0,0 %: a change that rounds to zero has no sign).
     */
    /** See {@link ReportRenderer#format}. */
    public static String format(Object v, Kind kind) {
        if (v == null) return "";
        if (v == ReportMark.SUPPRESSED) return SUPPRESSED_TEXT;
        if (!(v instanceof Number n)) return v.toString();
        NumberFormat f = NumberFormat.getNumberInstance(DA);
        switch (kind) {
            case INTEGER -> f.setMaximumFractionDigits(0);
            case MONEY -> {
                BigDecimal bd = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
                boolean whole = bd.stripTrailingZeros().scale() <= 0;
                f.setMinimumFractionDigits(whole ? 0 : 2);
                f.setMaximumFractionDigits(whole ? 0 : 2);
            }
            case PERCENT, CHANGE_PERCENT, DECIMAL_1, CHANGE -> {
                f.setMinimumFractionDigits(1);
                f.setMaximumFractionDigits(1);
                boolean pct = kind == Kind.PERCENT || kind == Kind.CHANGE_PERCENT;
                BigDecimal x = (n instanceof BigDecimal bd && !pct ? bd : BigDecimal.valueOf(n.doubleValue() * (pct ? 100 : 1)))
                        .setScale(1, java.math.RoundingMode.HALF_EVEN);
                String s = f.format(x.abs()) + (pct ? " %" : "");
                if (kind == Kind.CHANGE_PERCENT || kind == Kind.CHANGE) return x.signum() > 0 ? "+" + s : x.signum() < 0 ? MINUS + s : s;
                return x.signum() < 0 ? MINUS + s : s;
            }
            default -> {
                f.setMinimumFractionDigits(kind == Kind.DECIMAL ? 2 : 0);
                f.setMaximumFractionDigits(2);
            }
        }
        return f.format(n instanceof BigDecimal bd ? bd : n.doubleValue());
    }

    public static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
