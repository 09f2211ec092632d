package dk.vendepunkt.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.portfolio.demo.PortfolioDemoData;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The annual report of 2010 from the demo data in all three formats, read back (PDF with PDFBox, Excel
 * with POI) and checked against the seed's Bilag 3 totals; disclosure control of a personal-data
 * indicator; publication and READER access to published reports only.
 */
@IntegrationTest
class PortfolioReportIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired PortfolioDemoData demo;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    // 002, Bilag 3 (t.kr.): BUF 41 61.219 | BIF 9 21.825 | SOF 21 103.805 | KFF 2 5.500 | TMF 4 11.300 | ØKF 8 6.879 | I alt 85 210.528
    static final Map<String, long[]> BILAG3 = Map.of("BUF", new long[]{41, 61_219_000}, "BIF", new long[]{9, 21_825_000},
            "SOF", new long[]{21, 103_805_000}, "KFF", new long[]{2, 5_500_000}, "TMF", new long[]{4, 11_300_000}, "ØKF", new long[]{8, 6_879_000});
    static final long BILAG3_TOTAL = 210_528_000;

    @BeforeEach
    void demoData() {
        PortfolioFixtures.demo(demo);
    }

    Api as(Role role) {
        var u = staff.user(role);
        return Api.at(port).as(u.username(), u.password());
    }

    byte[] bytes(TestStaff.User u, String path, int expectedStatus) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((u.username() + ":" + u.password()).getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(expectedStatus);
        return r.body();
    }

    @Test
    void reportOf2010InAllThreeFormatsHasTheSeedTotals() throws Exception {
        var analyst = staff.user(Role.ANALYST);

        String html = new String(bytes(analyst, "/api/v1/portfolio/report/2010.html", 200), StandardCharsets.UTF_8);
        assertThat(html).contains("Sikker By – årlig afrapportering til Økonomiudvalget 2010")
                .contains("Indsatser og beløb pr. forvaltning 2010").contains("210.528.000").contains("103.805.000")
                .contains("<svg").contains("Effektmål");

        byte[] pdf = bytes(analyst, "/api/v1/portfolio/report/2010.pdf", 200);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            text = new PDFTextStripper().getText(doc);
        }
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat).contains("årlig afrapportering til Økonomiudvalget 2010");
        // the department table: each department's count and amount in Danish format, and the total row
        for (var e : BILAG3.entrySet()) {
            assertThat(flat).as(e.getKey()).contains(e.getKey() + " " + e.getValue()[0] + " " + dk(e.getValue()[1]));
        }
        assertThat(flat).contains("I alt 85 " + dk(BILAG3_TOTAL));

        byte[] xlsx = bytes(analyst, "/api/v1/portfolio/report/2010.xlsx", 200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            List<Row> dept = tableAfter(sheet, "Indsatser og beløb pr. forvaltning 2010");
            long sum = 0;
            int count = 0;
            for (Row r : dept) {
                String name = r.getCell(0).getStringCellValue();
                if (name.equals("I alt")) {
                    assertThat(r.getCell(1).getNumericCellValue()).isEqualTo(85d);
                    assertThat(r.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(BigDecimal.valueOf(r.getCell(2).getNumericCellValue())).isEqualByComparingTo(BigDecimal.valueOf(BILAG3_TOTAL));
                    continue;
                }
                long[] expected = BILAG3.get(name);
                assertThat(expected).as(name).isNotNull();
                assertThat((long) r.getCell(1).getNumericCellValue()).as(name).isEqualTo(expected[0]);
                assertThat((long) r.getCell(2).getNumericCellValue()).as(name).isEqualTo(expected[1]);
                sum += (long) r.getCell(2).getNumericCellValue();
                count++;
            }
            assertThat(count).isEqualTo(6);
            assertThat(sum).isEqualTo(BILAG3_TOTAL);
            // the list of the year's initiatives sums to the same total (drift + anlæg)
            List<Row> list = tableAfter(sheet, "Indsatser med budget i 2010 (kr.)");
            Row total = list.getLast();
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("I alt");
            assertThat((long) total.getCell(5).getNumericCellValue()).isEqualTo(BILAG3_TOTAL);
            assertThat(list).hasSize(86);
        }
    }

    /** The data rows (and total row) of the table whose caption is in column A, up to the next empty row. */
    static List<Row> tableAfter(Sheet sheet, String caption) {
        int start = -1;
        for (Row r : sheet) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(caption)) {
                start = r.getRowNum();
                break;
            }
        }
        assertThat(start).as("table " + caption).isNotNegative();
        List<Row> rows = new ArrayList<>();
        for (int i = start + 2; i <= sheet.getLastRowNum(); i++) {
            Row r = sheet.getRow(i);
            if (r == null || r.getCell(0) == null || r.getCell(1) == null) break;
            rows.add(r);
        }
        return rows;
    }

    static String dk(long v) {
        return String.format(java.util.Locale.of("da", "DK"), "%,d", v);
    }

    @Test
    void personalDataIndicatorValuesPassDisclosureControl() throws Exception {
        Api api = as(Role.ANALYST);
        String ref = "pd_" + System.nanoTime();
        String name = "Sigtede unge " + ref;
        var ind = api.post("/api/v1/portfolio/indicators", Map.of("ref", ref, "name", name, "unit", "antal personer",
                "department", "SOF", "direction", "DOWN", "personalData", true));
        assertThat(ind.status()).as(ind.toString()).isEqualTo(201);
        long id = ind.json().get("indicator").get("id").asLong();
        api.post("/api/v1/portfolio/indicators/" + id + "/values", Map.of("periodStart", "2008-01-01", "periodEnd", "2008-12-31", "value", 3));
        api.post("/api/v1/portfolio/indicators/" + id + "/values", Map.of("periodStart", "2009-01-01", "periodEnd", "2009-12-31", "value", 17));
        api.post("/api/v1/portfolio/indicators/" + id + "/values", Map.of("periodStart", "2010-01-01", "periodEnd", "2010-12-31", "value", "0.25"));

        var analyst = staff.user(Role.ANALYST);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes(analyst, "/api/v1/portfolio/report/2010.xlsx", 200)))) {
            List<Row> series = tableAfter(wb.getSheetAt(0), "Dataserie for " + name + " (antal personer)");
            assertThat(series).hasSize(3);
            assertThat(series.get(0).getCell(1).getStringCellValue()).isEqualTo("–");
            assertThat(series.get(1).getCell(1).getNumericCellValue()).isEqualTo(17d);
            assertThat(series.get(2).getCell(1).getStringCellValue()).isEqualTo("–");
        }
        // staff may ask for the internal (unsuppressed) edition
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes(analyst, "/api/v1/portfolio/report/2010.xlsx?disclosure=internal", 200)))) {
            List<Row> series = tableAfter(wb.getSheetAt(0), "Dataserie for " + name + " (antal personer)");
            assertThat(series.get(0).getCell(1).getNumericCellValue()).isEqualTo(3d);
            assertThat(series.get(2).getCell(1).getNumericCellValue()).isEqualTo(0.25d);
        }
        // the live page for staff shows the figures; only what leaves the system is controlled
        JsonNode view = api.get("/api/v1/portfolio/indicators/" + id).json();
        assertThat(view.get("values").get(0).get("value").decimalValue()).isEqualByComparingTo("3");
    }

    @Test
    void theInitiativesOfAYearExportAsExcelAndCsv() throws Exception {
        var session = dk.vendepunkt.support.WebSession.signIn(port, staff.user(Role.ANALYST));
        var csv = session.get("/portfolio/initiatives/export.csv?year=2010&department=SOF", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("indsatser-2010.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFFNavn;Forvaltning;Indsatsområde;Finansiering;Beløb (kr.)");
        assertThat(lines).hasSize(1 + (int) BILAG3.get("SOF")[0]);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(session.bytes("/portfolio/initiatives/export.xlsx?year=2010").body()))) {
            List<Row> rows = tableAfter(wb.getSheetAt(0), "Indsatser 2010");
            assertThat(rows).hasSize(85);
            long sum = 0;
            for (Row r : rows) sum += (long) r.getCell(4).getNumericCellValue();
            assertThat(sum).isEqualTo(BILAG3_TOTAL);
        }
    }

    /** What a reader learns about a goal's withheld value from its status: which side of the target it lies. */
    static boolean revealsSideOfTarget(String status) {
        return List.of("Nået", "Ikke nået", "På rette spor", "Ikke på rette spor").contains(status.strip());
    }

    @Test
    void aWithheldGoalValueDoesNotRevealItsSideOfTheTarget() throws Exception {
        Api api = as(Role.ANALYST);
        String ref = "gs_" + System.nanoTime();
        String name = "Lukninger " + Long.toString(System.nanoTime() % 1_000_000, 36);
        long id = api.post("/api/v1/portfolio/indicators", Map.of("ref", ref, "name", name, "unit", "antal", "department", "OKF",
                "direction", "DOWN", "personalData", true)).json().get("indicator").get("id").asLong();
        // 3 is withheld (1 … threshold−1); against "at most 10" a status like "Nået" or "På rette spor" says "≤ 10"
        api.post("/api/v1/portfolio/indicators/" + id + "/values", Map.of("periodStart", "2010-01-01", "periodEnd", "2010-12-31", "value", 3));
        jdbc.sql("delete from pf_effect_goal where number = 8").update();
        try {
            var goal = api.post("/api/v1/portfolio/goals/8", Map.of("text", "Højst 10 lukninger", "department", "OKF", "targetValue", 10,
                    "targetKind", "LEVEL", "direction", "DOWN", "deadline", "2010-12-31", "indicatorId", id));
            assertThat(goal.status()).as(goal.toString()).isEqualTo(201);
            var analyst = staff.user(Role.ANALYST);
            String caption = "Status for effektmålene pr. 31. december 2010";

            // the internal edition may say it
            assertThat(htmlStatus(new String(bytes(analyst, "/api/v1/portfolio/report/2010.html?disclosure=internal", 200), StandardCharsets.UTF_8),
                    caption)).matches(PortfolioReportIT::revealsSideOfTarget);
            // every public format withholds the status with the value
            String html = new String(bytes(analyst, "/api/v1/portfolio/report/2010.html", 200), StandardCharsets.UTF_8);
            assertThat(htmlStatus(html, caption)).isEqualTo("Undertrykt").matches(s -> !revealsSideOfTarget(s));
            try (PDDocument doc = Loader.loadPDF(bytes(analyst, "/api/v1/portfolio/report/2010.pdf", 200))) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertThat(text).containsPattern(java.util.regex.Pattern.quote(name) + " – Undertrykt");
                assertThat(text).doesNotContainPattern(java.util.regex.Pattern.quote(name) + " – (Nået|Ikke)");
            }
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes(analyst, "/api/v1/portfolio/report/2010.xlsx", 200)))) {
                Row row = tableAfter(wb.getSheetAt(0), caption).stream().filter(r -> r.getCell(0).getStringCellValue().equals("8")).findFirst().orElseThrow();
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo("–");
                assertThat(row.getCell(4).getStringCellValue()).isEqualTo("Undertrykt");
            }
            // the page staff preview the report on
            var page = dk.vendepunkt.support.WebSession.signIn(port, analyst).page("/portfolio/report?year=2010");
            assertThat(htmlStatus(page.body(), caption)).isEqualTo("Undertrykt");
        } finally {
            jdbc.sql("delete from pf_effect_goal where number = 8").update();
        }
    }

    /** The status cell of goal 8 in the HTML table with the given caption. */
    static String htmlStatus(String html, String caption) {
        var doc = org.jsoup.Jsoup.parse(html);
        for (var table : doc.select("table")) {
            var c = table.selectFirst("caption");
            if (c == null || !c.text().startsWith(caption)) continue;
            for (var tr : table.select("tr")) {
                var cells = tr.select("td, th");
                if (!cells.isEmpty() && cells.getFirst().text().equals("8")) return cells.getLast().text();
            }
        }
        throw new AssertionError("goal 8 not in the table " + caption);
    }

    @Test
    void readersSeeOnlyThePublishedReport() throws Exception {
        Api analyst = as(Role.ANALYST);
        var published = analyst.post("/api/v1/portfolio/report/2010/publish", "");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        long id = published.json().get("id").asLong();

        var reader = staff.user(Role.READER);
        Api r = Api.at(port).as(reader.username(), reader.password());
        // no live figures
        assertThat(r.get("/api/v1/portfolio/report/2010.html").status()).isEqualTo(403);
        assertThat(r.get("/api/v1/portfolio/summary?year=2010").status()).isEqualTo(403);
        assertThat(r.get("/api/v1/portfolio/goals").status()).isEqualTo(403);
        assertThat(r.get("/api/v1/portfolio/evaluations/submitted").status()).isEqualTo(403);
        assertThat(r.post("/api/v1/portfolio/report/2010/publish", "").status()).isEqualTo(403);
        // the frozen publication
        JsonNode list = r.get("/api/v1/reports/published?q=Sikker%20By&size=200").json();
        boolean found = false;
        for (JsonNode p : list.get("items")) found |= p.get("id").asLong() == id;
        assertThat(found).isTrue();
        try (PDDocument doc = Loader.loadPDF(bytes(reader, "/api/v1/reports/published/" + id + "/pdf", 200))) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains("I alt 85 " + dk(BILAG3_TOTAL));
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes(reader, "/api/v1/reports/published/" + id + "/xlsx", 200)))) {
            Row total = tableAfter(wb.getSheetAt(0), "Indsatser og beløb pr. forvaltning 2010").getLast();
            assertThat((long) total.getCell(2).getNumericCellValue()).isEqualTo(BILAG3_TOTAL);
        }
        // a programme manager may read and publish, a caseworker sees nothing
        assertThat(as(Role.PROGRAMME_MANAGER).get("/api/v1/portfolio/report/2010.pdf").status()).isEqualTo(200);
        var cw = staff.user(Role.CASEWORKER, staff.team("pf-report"));
        assertThat(Api.at(port).as(cw.username(), cw.password()).get("/api/v1/portfolio/report/2010.pdf").status()).isEqualTo(403);
        assertThat(Api.at(port).as(cw.username(), cw.password()).get("/api/v1/reports/published").status()).isEqualTo(403);
    }
}
