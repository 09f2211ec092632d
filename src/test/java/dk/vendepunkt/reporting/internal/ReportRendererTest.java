package dk.vendepunkt.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportFormat;
import dk.vendepunkt.reporting.ReportMark;
import dk.vendepunkt.reporting.ReportRenderer;
import dk.vendepunkt.reporting.ReportSection.Column;
import dk.vendepunkt.reporting.ReportSection.Series;
import dk.vendepunkt.reporting.ReportSection;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ReportRendererTest {

    /** The application's clock, stopped at a day that is not today. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2020-01-02T10:00:00Z"), Zones.ZONE);

    final ReportRenderer renderer = new CachedReportRenderer(new ReportCache(() -> 0, 0, null), CLOCK);

    @Test
    void aReportWithoutADateIsDatedTodayByTheApplicationsClock() {
        Report r = Report.builder("Udateret").text("Tekst").build();
        assertThat(renderer.htmlBody(r)).contains("Udarbejdet 2. januar 2020");
        assertThat(renderer.htmlBody(sample())).contains("Udarbejdet 22. november 2026");
    }

    Report sample() {
        return Report.builder("Årsrapport for Sikker By")
                .subtitle("2010")
                .produced(LocalDate.of(2026, 11, 22))
                .heading("Budget pr. forvaltning")
                .text("Beløb i kr., løbende priser.")
                .add(ReportSection.Table.builder("Budget 2010", Column.text("Forvaltning"), Column.integer("Indsatser"),
                                Column.money("Beløb (kr.)"), Column.percent("Andel"))
                        .row("BUF", 41, new BigDecimal("61219000"), 0.5)
                        .row("SOF", 3, new BigDecimal("1234567.50"), ReportMark.SUPPRESSED)
                        .totals("I alt", 44, new BigDecimal("62453567.50"), 1.0)
                        .note("– = undertrykt (under 5)")
                        .build())
                .add(new ReportSection.Chart("Andel uden ny sigtelse", ReportSection.ChartType.BAR, List.of("2011", "2012"),
                        List.of(new Series("Exit", List.of(0.41, 0.45), List.of(0.33, 0.37), List.of(0.50, 0.53))),
                        null, true, 0.6, "Mål 60 %"))
                .add(new ReportSection.Chart("Overlevelse", ReportSection.ChartType.STEP, List.of("0", "10", "200"),
                        List.of(new Series("KM", List.of(1.0, 0.9, 0.8), List.of(1.0, 0.8, 0.7), List.of(1.0, 0.95, 0.88))),
                        null, true, null, null))
                .build();
    }

    @Test
    void htmlHasTablesWithDanishNumbersAndAccessibleMarkup() {
        String html = renderer.htmlBody(sample());
        assertThat(html).contains("<h1>Årsrapport for Sikker By</h1>")
                .contains("<caption>Budget 2010</caption>")
                .contains("61.219.000").contains("1.234.567,50").contains("62.453.567,50")
                .contains("50,0 %").contains("<th scope=\"col\"")
                .contains("<svg").contains("role=\"img\"").contains("Mål 60 %")
                .doesNotContain("<script").doesNotContain("style=\"");
        assertThat(html).contains(">–<");
    }

    @Test
    void pdfOpensAndShowsTheTotals() throws Exception {
        byte[] pdf = renderer.pdf(sample());
        java.nio.file.Files.write(java.nio.file.Path.of("target/sample.pdf"), pdf);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Årsrapport for Sikker By").contains("62.453.567,50").contains("I alt").contains("BUF");
        }
    }

    /** A wide table with signs that Helvetica lacks, dates and percentages in narrow columns. */
    Report wide() {
        var t = ReportSection.Table.builder("Mål og frister", Column.text("Mål"), Column.text("Frist"),
                Column.percent("Andel"), Column.changePercent("Ændring"), Column.integer("A"), Column.integer("B"),
                Column.integer("C"), Column.integer("D"), Column.integer("E"));
        t.row("Andel ≥ 60 %", "31-12-2013", 0.41666, -0.031, 1, 2, 3, 4, 5);
        return Report.builder("Bred rapport").produced(LocalDate.of(2026, 11, 22))
                .text("Fald − ikke stigning; mål ≥ 60 %.").add(t.build()).build();
    }

    @Test
    void pdfEmbedsAFontWithTheSignsAndKeepsNumbersAndDatesWhole() throws Exception {
        byte[] pdf = renderer.pdf(wide());
        try (var doc = Loader.loadPDF(pdf)) {
            assertEveryFontEmbedded(doc);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("≥ 60 %").contains("Fald − ikke").doesNotContain("#")
                    .contains("31-12-2013").contains("41,7 %").contains("3,1 %");
            // nine columns do not fit a portrait A4 page
            var box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isGreaterThan(box.getHeight());
        }
        try (var doc = Loader.loadPDF(renderer.pdf(sample()))) {
            assertEveryFontEmbedded(doc); // charts' text too
            var box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isLessThan(box.getHeight());
        }
    }

    static void assertEveryFontEmbedded(org.apache.pdfbox.pdmodel.PDDocument doc) throws java.io.IOException {
        for (var page : doc.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                var font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
            }
        }
    }

    @Test
    void excelHasNumericCellsAndTheTotalRow() throws Exception {
        byte[] xlsx = renderer.xlsx(sample());
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheetAt(0);
            Row total = null;
            for (Row r : s) {
                if (r.getCell(0) != null && "I alt".equals(r.getCell(0).getStringCellValue())) total = r;
            }
            assertThat(total).isNotNull();
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(44.0);
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(62453567.50);
            boolean suppressedShown = false;
            for (Row r : s) {
                if (r.getCell(0) != null && "SOF".equals(r.getCell(0).getStringCellValue())) {
                    suppressedShown = "–".equals(r.getCell(3).getStringCellValue());
                }
            }
            assertThat(suppressedShown).isTrue();
        }
    }

    @Test
    void rowsMustMatchTheColumns() {
        assertThatThrownBy(() -> ReportSection.Table.builder("x", Column.text("a"), Column.integer("b")).row("only one").build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void danishFormatting() {
        assertThat(ReportRenderer.format(0.41666, ReportSection.Kind.PERCENT)).isEqualTo("41,7 %");
        // a change is signed; one that rounds to zero is not
        assertThat(ReportRenderer.format(0.031, ReportSection.Kind.CHANGE_PERCENT)).isEqualTo("+3,1 %");
        assertThat(ReportRenderer.format(-0.05, ReportSection.Kind.CHANGE_PERCENT)).endsWith("5,0 %").doesNotStartWith("+").isNotEqualTo("5,0 %");
        assertThat(ReportRenderer.format(0.0004, ReportSection.Kind.CHANGE_PERCENT)).isEqualTo("0,0 %");
        assertThat(ReportRenderer.format(0.031, ReportSection.Kind.PERCENT)).isEqualTo("3,1 %");
        assertThat(ReportRenderer.format(new BigDecimal("210528000"), ReportSection.Kind.MONEY)).isEqualTo("210.528.000");
        assertThat(ReportRenderer.format(1234L, ReportSection.Kind.INTEGER)).isEqualTo("1.234");
        assertThat(ReportRenderer.format(null, ReportSection.Kind.INTEGER)).isEmpty();
    }

    @Test
    void changesAndIndicesWithOneDecimalAndSignedChangesWithAMinusSign() throws Exception {
        assertThat(ReportRenderer.format(103.27, ReportSection.Kind.DECIMAL_1)).isEqualTo("103,3");
        assertThat(ReportRenderer.format(1234.0, ReportSection.Kind.DECIMAL_1)).isEqualTo("1.234,0");
        assertThat(ReportRenderer.format(3.14, ReportSection.Kind.CHANGE)).isEqualTo("+3,1");
        assertThat(ReportRenderer.format(-2.0, ReportSection.Kind.CHANGE)).isEqualTo("\u22122,0");
        assertThat(ReportRenderer.format(-0.04, ReportSection.Kind.CHANGE)).isEqualTo("0,0");
        assertThat(ReportRenderer.format(-0.714, ReportSection.Kind.CHANGE_PERCENT)).isEqualTo("\u221271,4 %");
        // the same in HTML, PDF and Excel (a number with a signed one-decimal format)
        Report r = Report.builder("Indeks").produced(LocalDate.of(2026, 11, 22))
                .add(ReportSection.Table.builder("Indeks pr. distrikt", Column.text("Distrikt"), Column.decimal1("Indeks"), Column.change("Ændring"))
                        .row("Vest", 103.27, 3.14).row("Øst", 96.0, -2.0).build()).build();
        assertThat(renderer.htmlBody(r)).contains(">103,3<").contains(">+3,1<").contains(">\u22122,0<");
        try (var doc = Loader.loadPDF(renderer.pdf(r))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("103,3").contains("+3,1").contains("\u22122,0");
        }
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(renderer.xlsx(r)))) {
            var fmt = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
            for (Row row : wb.getSheetAt(0)) {
                if (row.getCell(0) != null && "Øst".equals(row.getCell(0).getStringCellValue())) {
                    assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(96.0);
                    assertThat(fmt.formatCellValue(row.getCell(1))).isEqualTo("96.0");
                    assertThat(fmt.formatCellValue(row.getCell(2))).isEqualTo("-2.0");
                }
                if (row.getCell(0) != null && "Vest".equals(row.getCell(0).getStringCellValue())) {
                    assertThat(fmt.formatCellValue(row.getCell(2))).isEqualTo("+3.1");
                }
            }
        }
    }

    @Test
    void groupedRowsGetATbodyEachWithARowGroupHeaderAndTheTotalInTheFoot() throws Exception {
        Report r = Report.builder("Områder").produced(LocalDate.of(2026, 11, 22))
                .add(ReportSection.Table.builder("Anmeldelser pr. område", Column.text("Område"), Column.integer("Antal"))
                        .group("Nord (B1)", 30).member("Vest (D1)", 10).member("Øst (D2)", 20)
                        .group("Syd (B2)", 5).member("Havn (D3)", 5)
                        .row("Ukendt", 1).totals("I alt", 36).build()).build();
        String html = renderer.htmlBody(r);
        assertThat(html).contains("<tbody><tr class=\"group\"><th scope=\"rowgroup\">Nord (B1)</th>")
                .contains("<tr class=\"member\"><th scope=\"row\">Vest (D1)</th>")
                .contains("</tbody><tbody><tr class=\"group\"><th scope=\"rowgroup\">Syd (B2)</th>")
                .contains("</tbody><tbody><tr><th scope=\"row\">Ukendt</th>")
                .contains("<tfoot><tr class=\"total\"><th scope=\"row\">I alt</th>");
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(renderer.xlsx(r)))) {
            for (Row row : wb.getSheetAt(0)) {
                if (row.getCell(0) != null && "Vest (D1)".equals(row.getCell(0).getStringCellValue())) {
                    assertThat(row.getCell(0).getCellStyle().getIndention()).isGreaterThan((short) 0);
                }
            }
        }
        assertThatThrownBy(() -> ReportSection.Table.builder("x", Column.text("a")).member("no group"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnknownFormatIsAValidationErrorOfTheParameter() {
        assertThat(ReportFormat.parse("Excel")).isEqualTo(ReportFormat.XLSX);
        assertThat(ReportFormat.parse(" PDF ")).isEqualTo(ReportFormat.PDF);
        assertThat(ReportFormat.parse("pdf", ReportFormat.PDF, ReportFormat.XLSX)).isEqualTo(ReportFormat.PDF);
        for (String bad : new String[] {"doc", "", null}) {
            assertThatThrownBy(() -> ReportFormat.parse(bad)).isInstanceOfSatisfying(ValidationException.class, e -> {
                assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly("format:report.format.unknown");
                assertThat(e.problems().getFirst().args()).containsExactly(bad == null ? "" : bad, "html, pdf, xlsx");
            });
        }
        // only the offered formats; a long value is cut to a short excerpt
        assertThatThrownBy(() -> ReportFormat.parse("html", ReportFormat.PDF, ReportFormat.XLSX))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().getFirst().args()).containsExactly("html", "pdf, xlsx"));
        assertThatThrownBy(() -> ReportFormat.parse("x".repeat(500)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().getFirst().args()[0]).isEqualTo("x".repeat(20) + "…"));
    }
}
