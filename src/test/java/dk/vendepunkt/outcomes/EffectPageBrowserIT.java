package dk.vendepunkt.outcomes;

import static dk.vendepunkt.outcomes.OutcomeTestData.person;
import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.outcomes.web.EffectPageController;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The effect page, its exports and publishing, on RAMMEMODEL forløb of the 1940s (no other test uses them):
 * cohort 1941 has 2 failures of 12 (suppressed), 1942 12 of 30, 1943 10 of 25 (the smallest other cohort,
 * suppressed as well so 1941 cannot be derived from the total); total 24 failures of 67.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EffectPageBrowserIT {

    static final String QUERY = "?programme=RAMMEMODEL&asOf=1950-01-01";

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired EffectPageController controller;

    @BeforeAll
    void importScenario() {
        var pm = staff.user(Role.PROGRAMME_MANAGER);
        var d = new OutcomeTestData();
        int[][] cohorts = {{1941, 12, 2}, {1942, 30, 12}, {1943, 25, 10}};
        for (int[] c : cohorts) {
            LocalDate end = LocalDate.of(c[0], 5, 31);
            for (int i = 0; i < c[1]; i++) {
                String p = person();
                d.enrolment(p, "RAMMEMODEL", end, "COMPLETED");
                if (i < c[2]) d.charge(p, end.plusDays(40 + 3 * i), 3);
            }
        }
        d.importAll(Api.at(port).as(pm.username(), pm.password()));
    }

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void exportsCarryOnlyPublicFigures() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("analyst-e", null,
                List.of(new SimpleGrantedAuthority(Role.ANALYST.authority()))));
        var xlsx = controller.export("xlsx", "RAMMEMODEL", LocalDate.of(1950, 1, 1), null);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            // the first table is the 1-year charge measure: cohort | ended | eligible | successes | ...
            Row r1941 = rowStarting(wb, "1941"), r1942 = rowStarting(wb, "1942"), r1943 = rowStarting(wb, "1943");
            assertThat(r1941.getCell(3).getStringCellValue()).isEqualTo("–");
            assertThat(r1943.getCell(3).getStringCellValue()).isEqualTo("–");
            assertThat(r1942.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(r1942.getCell(3).getNumericCellValue()).isEqualTo(18.0);
            Row total = rowStarting(wb, "I alt");
            assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(67.0);
            assertThat(total.getCell(3).getNumericCellValue()).isEqualTo(43.0);
        }
        var pdf = controller.export("pdf", "RAMMEMODEL", LocalDate.of(1950, 1, 1), null);
        try (var doc = Loader.loadPDF(pdf.getBody())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Effektmåling – Rammemodellen (En Vej Ud)").contains("Kaplan–Meier").contains("–");
        }
    }

    private static Row rowStarting(XSSFWorkbook wb, String first) {
        for (Row r : wb.getSheetAt(0)) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(first)) return r;
        }
        throw new AssertionError("no row " + first);
    }

    @Test
    void analystSeesChartsAndTablesPublishesAndTheReaderSeesThePublication() {
        var analyst = staff.user(Role.ANALYST);
        String title;
        try (Browser b = new Browser(port)) {
            b.login(analyst.username(), analyst.password());
            b.open("/effect" + QUERY + "&disclosure=internal");
            assertThat(b.heading()).isEqualTo("Effektmåling");
            assertThat(b.text()).contains("Ikke sigtet for ny alvorlig kriminalitet 1 år efter afslutning").contains("Intern udgave");
            // Chart.js drew on every canvas
            new WebDriverWait(b.driver(), java.time.Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#effect-charts canvas")).stream()
                    .allMatch(c -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return Chart.getChart(arguments[0]) !== undefined", c)));
            b.open("/effect" + QUERY);
            assertThat(b.text()).contains("Offentlig udgave");
            b.driver().findElement(By.xpath("//button[normalize-space()='Publicér (offentlig udgave)']")).click();
            b.driver().switchTo().alert().accept();
            new WebDriverWait(b.driver(), java.time.Duration.ofSeconds(10)).until(d -> b.path().startsWith("/reports/"));
            b.checkAccessibility();
            title = b.driver().findElement(By.tagName("h1")).getText();
            assertThat(b.text()).contains("Effektmåling – Rammemodellen (En Vej Ud)");
        }
        var reader = staff.user(Role.READER);
        try (Browser b = new Browser(port)) {
            b.login(reader.username(), reader.password());
            b.open("/effect");
            assertThat(b.text()).contains("Effektmåling – Rammemodellen (En Vej Ud)");
            assertThat(b.driver().findElements(By.id("effect-charts"))).isEmpty();
            assertThat(title).isNotBlank();
        }
    }
}
