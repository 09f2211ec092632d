package dk.vendepunkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log as a tool: the administrator finds a person by name or by CPR number (through the keyed hash),
 * sees the entries about them, and exports the filtered log as CSV — an export that is itself logged.
 */
@IntegrationTest
class AuditViewerBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;

    static String letters(long n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++, n /= 26) sb.append((char) ('a' + (int) (n % 26)));
        return sb.toString();
    }

    @Test
    void findAPersonByNameOrCprAndExportTheirEntries() throws Exception {
        long team = staff.team("auditviewer");
        var worker = staff.user(Role.CASEWORKER, team);
        Api api = Api.at(port).as(worker.username(), worker.password());
        String cpr = TestStaff.uniqueCpr();
        String lastName = "Logsøg" + letters(System.nanoTime());
        var created = api.post("/api/v1/persons", Map.of("cpr", cpr, "firstName", "Vera", "lastName", lastName, "teamId", team));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(api.get("/api/v1/persons/" + id).status()).isEqualTo(200);

        var admin = staff.user(Role.ADMIN);
        try (Browser b = new Browser(port)) {
            b.login(admin.username(), admin.password());
            b.open("/admin/audit");
            b.type("person", lastName).type("actor", worker.username()).submit("Filtrér");
            assertThat(b.field("found-persons").getText()).contains("Vera " + lastName).contains(cpr.substring(0, 6) + "-XXXX");
            var personCells = b.driver().findElements(By.cssSelector("table.data tbody tr td:nth-child(5)"));
            assertThat(personCells).isNotEmpty().allSatisfy(td -> assertThat(td.getText()).contains(String.valueOf(id)));
            assertThat(b.text()).contains("Oprettet").contains("Læst");

            // the CPR number (either form) finds the same person, through the blind index
            b.open("/admin/audit");
            b.type("person", cpr.replace("-", "")).submit("Filtrér");
            assertThat(b.field("found-persons").getText()).contains("Vera " + lastName);
            assertThat(b.text()).doesNotContain(cpr.substring(7));
        }

        var session = WebSession.signIn(port, admin);
        var csv = session.get("/admin/audit/export.csv?person=" + lastName + "&actor=" + worker.username(), "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("logning.csv");
        String body = csv.body();
        assertThat(body).startsWith("\uFEFFNr.;Tidspunkt;Bruger;Handling");
        String[] lines = body.substring(1).split("\r\n");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < lines.length; i++) assertThat(lines[i]).contains(";" + worker.username() + ";").contains(";" + id + ";");
        // the export is logged, with its filter
        assertThat(jdbc.sql("select count(*) from aud_event where actor = ? and action = 'EXPORT' and subject = 'logning' and reason like ?")
                .params(admin.username(), "CSV, " + (lines.length - 1) + " hændelser%").query(Long.class).single()).isEqualTo(1);
        assertThat(new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("Læst");
    }
}
