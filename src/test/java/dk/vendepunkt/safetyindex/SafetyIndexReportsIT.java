package dk.vendepunkt.safetyindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.Report;
import dk.vendepunkt.reporting.ReportMark;
import dk.vendepunkt.reporting.ReportPublisher;
import dk.vendepunkt.reporting.ReportRenderer;
import dk.vendepunkt.reporting.ReportSection;
import dk.vendepunkt.safetyindex.internal.HalfYear;
import dk.vendepunkt.safetyindex.internal.SafetyIndexReports;
import dk.vendepunkt.safetyindex.internal.SspInput;
import dk.vendepunkt.safetyindex.internal.SspStore;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class SafetyIndexReportsIT {

    static final String HEADER = SafetyIndexIT.HEADER;
    static final String ASSESSMENT = "Roligere i området efter ny klubaftale";

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired SafetyIndexReports reports;
    @Autowired SspInput input;
    @Autowired SspStore ssp;
    @Autowired ReportRenderer renderer;
    @Autowired ReportPublisher publisher;

    SafetyTestCity city;
    HalfYear half;

    @BeforeEach
    void setUp() {
        var u = staff.user(Role.ANALYST);
        Api analyst = Api.at(port).as(u.username(), u.password());
        city = new SafetyTestCity();
        city.importAreas(analyst);
        StringBuilder csv = new StringBuilder(HEADER);
        SafetyTestCity.rows(csv, "r" + city.a, city.year, city.a, 30, "1", "1", "1", "1");
        SafetyTestCity.rows(csv, "r" + city.b, city.year, city.b, 30, "1", "0", "0", "0");
        SafetyTestCity.rows(csv, "r" + city.c, city.year, city.c, 5, "1", "0", "0", "0");
        assertThat(SafetyTestCity.importSurvey(analyst, csv.toString()).status()).isEqualTo(200);
        half = new HalfYear(city.year, 1);
        actAs(u.username(), Role.ANALYST);
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    static void actAs(String user, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    void enter(HalfYear h, String cases, String text) {
        var e = ssp.entries(h).get(city.bydel);
        input.save(h, List.of(new SspInput.Change(city.bydel, cases, text, e == null ? -1 : e.version())));
    }

    /** The overview table's row of the test city's bydel. */
    List<Object> overviewRow(Report r) {
        var t = (ReportSection.Table) r.sections().stream().filter(s -> s instanceof ReportSection.Table tt && tt.caption().startsWith("Bydele"))
                .findFirst().orElseThrow();
        return t.rows().stream().filter(row -> row.getFirst().equals("Testbydel " + city.prefix)).findFirst().orElseThrow();
    }

    @Test
    void unrestReportSuppressesSmallCountsOnlyInThePublicEdition() {
        enter(half, "3", ASSESSMENT);
        enter(half.previous(), "12", null);

        Report internal = reports.unrestReport(half, Disclosure.INTERNAL);
        Report pub = reports.unrestReport(half, Disclosure.PUBLIC);
        List<Object> in = overviewRow(internal);
        List<Object> out = overviewRow(pub);
        assertThat(in.get(1)).isEqualTo(3L);                     // districts
        assertThat(in.get(2)).isEqualTo(1L);                     // A is MARKANT; C has too few respondents
        assertThat(in.get(3)).isEqualTo(3L);
        assertThat(in.get(4)).isEqualTo(12L);
        assertThat(out.get(3)).isEqualTo(ReportMark.SUPPRESSED);
        assertThat(out.get(4)).isNotEqualTo(3L);
        String html = renderer.htmlBody(pub);
        assertThat(html).contains("Sigtelser af 12–17-årige (hele byen)").contains("ingen stedangivelse").contains(ASSESSMENT)
                .contains("Testbydel " + city.prefix);
    }

    /** The charges table's row for a period label. */
    static Object charges(Report r, String period) {
        var t = (ReportSection.Table) r.sections().stream().filter(s -> s instanceof ReportSection.Table tt && tt.caption().startsWith("Sigtelser"))
                .findFirst().orElseThrow();
        return t.rows().stream().filter(row -> row.getFirst().equals(period)).findFirst().orElseThrow().get(1);
    }

    @Test
    void chargesOf12To17YearOldsAreCityWideAndSmallCountsSuppressed() {
        var u = staff.user(Role.ANALYST);
        Api api = Api.at(port).as(u.username(), u.password());
        int y = city.year;
        StringBuilder csv = new StringBuilder("charge_ref,charged_on,age,offence_category\n");
        String p = city.prefix;
        // this half-year: ages 11 and 18 do not count; 12 (on 1 January) and 17 (on 30 June) do; 1 July is the next half-year
        csv.append(p).append("-c1,").append(y).append("-01-01,12,THEFT\n");
        csv.append(p).append("-c2,").append(y).append("-06-30,17,VIOLENCE\n");
        csv.append(p).append("-c3,").append(y).append("-03-01,11,THEFT\n");
        csv.append(p).append("-c4,").append(y).append("-03-01,18,THEFT\n");
        csv.append(p).append("-c5,").append(y).append("-07-01,15,THEFT\n");
        // the same half-year a year earlier: 7
        for (int i = 0; i < 7; i++) csv.append(p).append("-d").append(i).append(',').append(y - 1).append("-02-0").append(i + 1).append(",15,ROBBERY\n");
        var r = api.postFile("/api/v1/imports/charges", "text/csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);

        Report internal = reports.unrestReport(half, Disclosure.INTERNAL);
        assertThat(charges(internal, half.label())).isEqualTo(2L);
        assertThat(charges(internal, half.yearEarlier().label())).isEqualTo(7L);
        assertThat(charges(internal, "Ændring")).isEqualTo("-71,4 %");
        Report pub = reports.unrestReport(half, Disclosure.PUBLIC);
        assertThat(charges(pub, half.label())).isEqualTo(ReportMark.SUPPRESSED);
        assertThat(charges(pub, half.yearEarlier().label())).isEqualTo(7L);
        assertThat(charges(pub, "Ændring")).isNull();
        assertThat(renderer.htmlBody(pub)).contains("tallene gælder hele byen");
    }

    @Test
    void unrestReportInPdfAndExcel() throws Exception {
        enter(half, "27", ASSESSMENT);
        Report r = reports.unrestReport(half, Disclosure.PUBLIC);
        try (var doc = Loader.loadPDF(renderer.pdf(r))) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Afrapportering af urolige områder").contains(half.label()).contains("Testbydel " + city.prefix)
                    // the district's code, not "Testdistrikt <code>": a name that wraps in its cell comes out of the PDF's
                    // text line by line across the row (other cells' first lines between its words)
                    .contains(ASSESSMENT).contains("hele byen").contains("(" + city.a + ")");
        }
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(renderer.xlsx(r)))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Afrapportering af urolige områder");
            Row row = null;
            for (Row x : sheet) {
                Cell c0 = x.getCell(0);
                if (c0 != null && c0.getCellType() == CellType.STRING && c0.getStringCellValue().equals("Testbydel " + city.prefix)) {
                    row = x;
                    break;
                }
            }
            assertThat(row).as("bydel row in the sheet").isNotNull();
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(3.0);
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(27.0);
        }
    }

    @Test
    void indexReportInThreeFormatsAndPublishedForReaders() throws Exception {
        Report r = reports.indexReport(city.year, null);
        assertThat(renderer.htmlBody(r)).contains("Tryghedsindeks " + city.year).contains("Testdistrikt " + city.a).contains("Markant")
                .contains("For få svar");
        byte[] pdf = renderer.pdf(r);
        java.nio.file.Files.write(java.nio.file.Path.of("target/safety-index-report.pdf"), pdf);
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text.replaceAll("\\s+", " ")).contains("Tryghedsindeks " + city.year).contains("(" + city.c + ")")
                    .contains("Anmeldelser pr. 1000");
            // C has 5 respondents: its row shows no survey share (no percentage), only withheld marks
            // (C is the last district in code order: its row runs from its bydel cell to the totals, "Hele byen")
            String flat = text.replaceAll("\\s+", " ");
            String rowC = flat.substring(flat.lastIndexOf("Testbydel", flat.indexOf("(" + city.c + ")")), flat.indexOf("Hele byen"));
            assertThat(rowC).contains("(" + city.c + ")").contains("– – –").doesNotContain("%");
        }
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(renderer.xlsx(r)))) {
            List<String> texts = new ArrayList<>();
            wb.getSheetAt(0).forEach(row -> row.forEach(c -> {
                if (c.getCellType() == CellType.STRING) texts.add(c.getStringCellValue());
            }));
            assertThat(texts).contains("Tryghedsindeks " + city.year, "Testdistrikt " + city.a + " (" + city.a + ")", "Markant", "For få svar");
            var rowC = java.util.stream.StreamSupport.stream(wb.getSheetAt(0).spliterator(), false)
                    .filter(row -> row.getCell(1) != null && row.getCell(1).getCellType() == CellType.STRING
                            && row.getCell(1).getStringCellValue().endsWith("(" + city.c + ")"))
                    .findFirst().orElseThrow();
            for (int col = 6; col <= 8; col++) {
                assertThat(rowC.getCell(col).getCellType()).as("column %d of C", col).isEqualTo(CellType.STRING);
                assertThat(rowC.getCell(col).getStringCellValue()).isEqualTo("–");
            }
        }

        long id = publisher.publish(SafetyIndexReports.INDEX_KEY, r);
        clear();
        var reader = staff.user(Role.READER);
        var resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports/published/" + id + "/pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((reader.username() + ":" + reader.password()).getBytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(resp.statusCode()).isEqualTo(200);
        try (var doc = Loader.loadPDF(resp.body())) {
            assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ")).contains("(" + city.a + ")");
        }
    }

    @Test
    void sspInputIsValidatedAndStaleVersionsConflict() {
        assertThatThrownBy(() -> enter(half, "-1", null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> enter(half, "abc", null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> enter(half, "1", "x".repeat(4001))).isInstanceOf(ValidationException.class);
        assertThat(ssp.entries(half)).doesNotContainKey(city.bydel);

        enter(half, "8", "første");
        var e = ssp.entries(half).get(city.bydel);
        assertThat(e.singleCases()).isEqualTo(8);
        enter(half, "9", "anden");
        assertThat(ssp.entries(half).get(city.bydel).singleCases()).isEqualTo(9);
        // a second form read before the first save: stale
        assertThatThrownBy(() -> input.save(half, List.of(new SspInput.Change(city.bydel, "10", "tredje", e.version()))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> input.save(half, List.of(new SspInput.Change(city.bydel, "10", "tredje", -1))))
                .isInstanceOf(ConflictException.class);
        assertThat(ssp.entries(half).get(city.bydel).assessment()).isEqualTo("anden");
    }

    @Test
    void onlyAnalystsEnterSspFigures() {
        actAs("reader-x", Role.READER);
        assertThatThrownBy(() -> enter(half, "1", null)).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }
}
