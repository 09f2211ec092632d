package dk.vendepunkt.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In headless Chromium, axe on every page: the administrator's instrument and progress-scale pages (ADR 0021). */
@IntegrationTest
class InstrumentsAdminBrowserIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;

    @Test
    void anAdministratorDefinesAnInstrumentAndOpensTheScales() {
        var admin = staff.user(Role.ADMIN);
        String code = "BROWSER_" + (System.nanoTime() % 1_000_000);
        try (Browser b = new Browser(port)) {
            b.login(admin.username(), admin.password());
            b.open("/admin/instruments");
            assertThat(b.heading()).isEqualTo("Risiko- og behovsredskaber");
            assertThat(b.text()).contains("YLS/CMI (12-17 år)", "LS/RNR (18+ år)");

            b.type("code", code).type("name", "Browserredskab").type("minAge", "14").type("maxAge", "16")
                    .type("domains", "AREA_A; Område A; 3").submit("Opret redskab");
            assertThat(b.text()).contains("Aldersintervallet overlapper med det aktive redskab YLS/CMI");

            b.type("minAge", "").type("maxAge", "").type("bandHIGH", "2");
            b.field("active").click();
            b.submit("Opret redskab");
            assertThat(b.text()).contains("Redskabet Browserredskab er oprettet.");

            b.open("/admin/instruments/" + code);
            assertThat(b.heading()).isEqualTo("Rediger redskabet Browserredskab");

            b.open("/admin/progress-scales");
            assertThat(b.text()).contains("Forandringsstigen (1-10)", "Ordinær beskæftigelse");
            b.open("/admin/progress-scales/PARENT_EMPLOYMENT");
            assertThat(b.heading()).isEqualTo("Rediger skalaen Forælders beskæftigelse");
        }
    }
}
