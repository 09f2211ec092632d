package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pool's purchases as Excel and CSV for the programme manager (every page, the page's status filter), audited as
 * one READ entry naming the persons concerned; other roles are refused. Budget year 1998 of RAMMEMODEL is this
 * test's own (no other test buys from that pool in that year).
 */
@IntegrationTest
class PoolExportIT {

    static final int YEAR = 1998;

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired JdbcClient jdbc;

    @Test
    void purchasesAsExcelAndCsvAuditedWithThePersons() throws Exception {
        long team = staff.team("pulje-eksport");
        var caseworker = staff.user(Role.CASEWORKER, team);
        var manager = staff.user(Role.PROGRAMME_MANAGER);
        long first = enrolments.person(team);
        long second = enrolments.person(team);
        long e1 = enrolments.enrolment(first, team, "RAMMEMODEL", "CONTACT", LocalDate.of(YEAR, 1, 2), null);
        long e2 = enrolments.enrolment(second, team, "RAMMEMODEL", "CONTACT", LocalDate.of(YEAR, 1, 3), null);
        Api cw = Api.at(port).as(caseworker.username(), caseworker.password());
        for (var p : List.of(Map.of("e", e1, "amount", "1234.50", "on", LocalDate.of(YEAR, 3, 1)),
                Map.of("e", e2, "amount", "99.95", "on", LocalDate.of(YEAR, 4, 1)))) {
            var r = cw.post("/api/v1/enrolments/" + p.get("e") + "/purchases", Map.of("purpose", "Mentor", "supplier", "=Leverandør",
                    "amount", p.get("amount"), "requestedOn", p.get("on").toString()));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }

        WebSession pm = WebSession.signIn(port, manager);
        assertThat(pm.get("/programmes/RAMMEMODEL/pool?year=" + YEAR).body()).contains("/programmes/RAMMEMODEL/pool/export?year=" + YEAR);
        var csv = pm.get("/programmes/RAMMEMODEL/pool/export?year=" + YEAR + "&format=csv", "*/*");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("puljekoeb-rammemodel-1998-").contains(".csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).startsWith("\uFEFFNr.;Forløb;");
        // newest request first; amounts in Danish; a formula-like supplier is defused
        assertThat(lines[1]).contains(";" + e2 + ";01-04-1998;Mentor;'=Leverandør;").contains("99,95");
        assertThat(lines[2]).contains(";" + e1 + ";01-03-1998;").contains("1.234,50");

        List<Long> audited = jdbc.sql("""
                select unnest(person_ids) from aud_event where actor = ? and action = 'READ' and subject like '%eksport' order by id desc limit 10""")
                .param(manager.username()).query(Long.class).list();
        assertThat(audited).containsExactlyInAnyOrder(first, second);

        var xlsx = pm.download("/programmes/RAMMEMODEL/pool/export?year=" + YEAR + "&format=xlsx&status=REQUESTED");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            for (Row row : wb.getSheetAt(0)) for (Cell c : row) cells.add(c.toString());
        }
        assertThat(cells).contains("Mentor", "Leverandør", String.valueOf(e1), String.valueOf(e2));

        // only the programme manager exports the pool
        assertThat(WebSession.signIn(port, caseworker).get("/programmes/RAMMEMODEL/pool/export?year=" + YEAR + "&format=csv", "*/*")
                .statusCode()).isEqualTo(403);
    }
}
