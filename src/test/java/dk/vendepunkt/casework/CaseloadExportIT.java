package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.people.CprNumber;
import dk.vendepunkt.people.PersonDirectory;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11, item 15 (the caseload): "Min sagsstamme" as CSV and Excel, with the page's search and filters, only the
 * forløb the user may see, and one audit entry naming the persons exported.
 */
@IntegrationTest
class CaseloadExportIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired PersonDirectory people;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private long person(long team, String first, String last) {
        return people.registerSystem(CprNumber.parse(TestStaff.uniqueCpr()).orElseThrow(), first, last, "D01", team);
    }

    @Test
    void csvAndExcelOfMyForlobOnlyAuditedAsOneEntry() throws Exception {
        long team = staff.team("eksport");
        long other = staff.team("eksport-andet");
        TestStaff.User worker = staff.user(Role.CASEWORKER, team);
        LocalDate today = LocalDate.now(clock);
        String tag = "X" + Long.toString(System.nanoTime(), 36);
        long ada = person(team, "Ada", tag);
        long bo = person(team, "Bo", tag);
        long adaForlob = enrolments.enrolment(ada, team, "EXIT", "IDENTIFICATION", today.minusDays(10), null);
        enrolments.enrolment(bo, team, "SSP_PLUS", "CONTACT", today.minusDays(100), null);
        // another team's forløb of a person with the same tag: never exported
        enrolments.enrolment(person(other, "Cai", tag), other, "EXIT", "IDENTIFICATION", today.minusDays(5), null);

        WebSession web = WebSession.signIn(port, worker);
        var csv = web.get("/caseload/export?format=csv&q=" + tag, "*/*");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFFNr.;Navn;Program;Fase;Start;Slut;Min rolle;Kræver handling");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).isEqualTo(adaForlob + ";Ada " + tag + ";Exitprogrammet;Identifikation;"
                + today.minusDays(10).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")) + ";;Mit team;");
        assertThat(lines[2]).contains(";Bo " + tag + ";SSP+;Kontakt;").endsWith(";Ingen kontakt i 30 dage");
        assertThat(csv.body()).doesNotContain("Cai");

        // one audit entry naming both persons
        List<Long> audited = jdbc.sql("""
                select unnest(person_ids) from aud_event where actor = ? and subject = 'sagsstamme eksport' order by id desc limit 10""")
                .param(worker.username()).query(Long.class).list();
        assertThat(audited).containsExactlyInAnyOrder(ada, bo);

        // Excel with the filter of the page
        var xlsx = web.download("/caseload/export?format=xlsx&programme=SSP_PLUS&q=" + tag);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            for (Row row : wb.getSheetAt(0)) for (Cell c : row) cells.add(c.toString());
        }
        assertThat(cells).contains("Bo " + tag, "Navn", "Kræver handling").doesNotContain("Ada " + tag);

        // an unknown format is refused
        assertThat(web.get("/caseload/export?format=pdf", "*/*").statusCode()).isEqualTo(400);
    }
}
