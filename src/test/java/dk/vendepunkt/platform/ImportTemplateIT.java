package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.platform.imports.ImportFailedException;
import dk.vendepunkt.platform.imports.ImportHandler;
import dk.vendepunkt.platform.imports.ImportTemplate;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import dk.vendepunkt.support.WebSession;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every CSV import kind offers a template (header and example row) with the codes its handler accepts; the template
 * goes through the handler's own import without a header error (run in a transaction that is rolled back, so nothing
 * is kept), so a template cannot drift from what the handler reads. The import page shows them (axe clean).
 */
@IntegrationTest
class ImportTemplateIT {

    @LocalServerPort int port;
    @Autowired List<ImportHandler> handlers;
    @Autowired TransactionTemplate tx;
    @Autowired TestStaff staff;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void everyCsvKindsTemplatePassesItsHandlersHeaderCheck() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_ANALYST"))));
        List<String> without = new ArrayList<>();
        int checked = 0;
        for (ImportHandler h : handlers) {
            var template = h.template();
            if (template.isEmpty()) {
                without.add(h.kind());
                continue;
            }
            byte[] csv = template.get().csv();
            String text = new String(csv, StandardCharsets.UTF_8);
            assertThat(text).as(h.kind()).startsWith("\uFEFF" + String.join(";", template.get().columns()) + "\r\n");
            List<String> headerErrors = new ArrayList<>();
            tx.executeWithoutResult(status -> {
                status.setRollbackOnly();
                try {
                    h.importFile(new ByteArrayInputStream(csv), csv.length);
                } catch (ImportFailedException e) {
                    e.errors().stream().filter(err -> err.line() <= 1).forEach(err -> headerErrors.add(err.message()));
                }
            });
            assertThat(headerErrors).as(h.kind()).isEmpty();
            checked++;
        }
        assertThat(without).as("only the GeoJSON kind has no CSV template").containsExactly("areas");
        assertThat(checked).isGreaterThanOrEqualTo(12);
    }

    @Test
    void codesComeFromTheEnumsTheHandlersParse() {
        ImportTemplate enrolments = handlers.stream().filter(h -> h.kind().equals("enrolments")).findFirst().orElseThrow()
                .template().orElseThrow();
        assertThat(enrolments.codes().get("programme")).contains("EXIT", "KIV");
        ImportTemplate initiatives = handlers.stream().filter(h -> h.kind().equals("initiatives")).findFirst().orElseThrow()
                .template().orElseThrow();
        assertThat(initiatives.codes().get("funding")).contains("FUNDED");
        ImportTemplate charges = handlers.stream().filter(h -> h.kind().equals("charges")).findFirst().orElseThrow()
                .template().orElseThrow();
        assertThat(charges.codes().get("offence_category")).contains("THEFT");
    }

    @Test
    void theImportPageOffersTemplatesCodesAndExamples() {
        var analyst = staff.user(Role.ANALYST);
        var download = new WebSession(port, analyst).download("/imports/initiatives/template.csv");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("skabelon-initiatives.csv");
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).startsWith("\uFEFFinitiative_ref;name;department");
        assertThat(new WebSession(port, analyst).download("/imports/areas/template.csv").statusCode()).isEqualTo(404);
        try (Browser b = new Browser(port)) {
            b.login(analyst.username(), analyst.password());
            b.open("/imports");
            b.checkAccessibility();
            assertThat(b.driver().getPageSource()).contains("/imports/initiatives/template.csv").contains("FUNDED")
                    .contains("Tilladte koder").contains("Natteravne i Nordvest")
                    // offence categories are listed with their Danish names
                    .contains("<code>THEFT</code> (Tyveri)").contains("<code>VIOLENCE</code> (Vold)");
        }
    }
}
