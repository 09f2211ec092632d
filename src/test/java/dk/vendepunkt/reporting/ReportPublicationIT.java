package dk.vendepunkt.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.reporting.ReportSection.Column;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class ReportPublicationIT {

    @LocalServerPort int port;
    @Autowired ReportPublisher publisher;
    @Autowired TestStaff staff;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    void actAs(String user, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
    }

    Report report(String title) {
        return Report.builder(title).subtitle("2025")
                .heading("Tal")
                .add(ReportSection.Table.builder("Forløb pr. år", Column.text("År"), Column.integer("Antal"))
                        .row("2024", 12).row("2025", 30).totals("I alt", 42).build())
                .build();
    }

    byte[] download(String path, TestStaff.User u) throws Exception {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((u.username() + ":" + u.password()).getBytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    @Test
    void analystPublishesAndTheReaderSeesTheFrozenReport() throws Exception {
        String title = "Testrapport " + System.nanoTime();
        actAs("analyst-x", Role.ANALYST);
        long id = publisher.publish("test-report", report(title));
        clear();

        var reader = staff.user(Role.READER);
        Api api = Api.at(port).as(reader.username(), reader.password());
        var list = api.get("/api/v1/reports/published?q=" + title.replace(' ', '+'));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").get(0).get("title").asString()).isEqualTo(title);

        byte[] pdf = download("/api/v1/reports/published/" + id + "/pdf", reader);
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains(title).contains("I alt").contains("42");
        }
        // the file is named in Danish after the title, not after the internal report key
        var named = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports/published/" + id + "/pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((reader.username() + ":" + reader.password()).getBytes()))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(named.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename=\"testrapport-" + title.substring("Testrapport ".length()) + "-" + id + ".pdf\"")
                .doesNotContain("test-report");
        byte[] xlsx = download("/api/v1/reports/published/" + id + "/xlsx", reader);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo(title);
        }

        // withdrawn: gone for the reader, still on record for the analyst
        actAs("analyst-x", Role.ANALYST);
        publisher.withdraw(id, "Fejl i tallene");
        clear();
        assertThat(api.get("/api/v1/reports/published/" + id + "/pdf").status()).isEqualTo(404);
        var analyst = staff.user(Role.ANALYST);
        assertThat(Api.at(port).as(analyst.username(), analyst.password()).get("/api/v1/reports/published/" + id + "/pdf").status()).isEqualTo(200);
    }

    @Test
    void onlyAnalystsAndProgrammeManagersPublishAndCaseworkersAndAdminsSeeNoReports() {
        actAs("reader-x", Role.READER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> publisher.publish("x", report("x")))
                .isInstanceOf(AccessDeniedException.class);
        clear();
        for (Role r : List.of(Role.CASEWORKER, Role.ADMIN)) {
            var u = staff.user(r);
            assertThat(Api.at(port).as(u.username(), u.password()).get("/api/v1/reports/published").status()).as(r.name()).isEqualTo(403);
        }
    }

    @Test
    void readerBrowsesPublishedReportsAccessibly() {
        String title = "Browserrapport " + System.nanoTime();
        actAs("analyst-y", Role.ANALYST);
        long id = publisher.publish("test-report", report(title));
        clear();
        var reader = staff.user(Role.READER);
        try (Browser b = new Browser(port)) {
            b.login(reader.username(), reader.password());
            // the front page leads a committee member to the reports
            b.open("/");
            assertThat(b.text()).contains("Rapporter").contains("Publicerede rapporter til udvalgene.");
            b.open("/reports");
            assertThat(b.text()).contains(title);
            // a search without hits says so (not "no reports published yet")
            b.open("/reports?q=ingen-saadan-rapport");
            assertThat(b.text()).contains("Ingen rapporter har \"ingen-saadan-rapport\" i titlen.").doesNotContain("endnu");
            b.open("/reports/" + id);
            assertThat(b.text()).contains("Forløb pr. år").contains("I alt");
        }
    }
}
