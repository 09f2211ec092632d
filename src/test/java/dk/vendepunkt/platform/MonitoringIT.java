package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What an operator watches (docs/operations.md): {@code /actuator/prometheus} for administrators and the scrape user
 * only, with the request, import and report timings, failed logins and the audit chain's length; the liveness and
 * readiness probes.
 */
@IntegrationTest
class MonitoringIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired ApplicationContext context;

    Api scraper() {
        return Api.at(port).as("scraper", "scrape-test-password");
    }

    String scrape() {
        var r = scraper().get("/actuator/prometheus");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    /** The sample's value, 0 when the series is not there. */
    static double value(String scrape, String series) {
        var m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void prometheusOnlyForAdministratorsAndTheScrapeUser() {
        var analyst = staff.user(Role.ANALYST);
        assertThat(Api.at(port).get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Api.at(port).as("scraper", "wrong-password").get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(Api.at(port).as(analyst.username(), analyst.password()).get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(Api.at(port).as("admin", "test-admin-password").get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(scraper().get("/actuator/prometheus").status()).isEqualTo(200);
        // the scrape user is no staff account: nothing else is open to it
        assertThat(scraper().get("/api/v1/portfolio/summary?year=2010").status()).isEqualTo(401);
        assertThat(scraper().get("/actuator/sbom").status()).isNotEqualTo(200);
    }

    @Test
    void metricsAfterAnImportAReportAndAFailedLogin() {
        var analyst = staff.user(Role.ANALYST);
        var api = Api.at(port).as(analyst.username(), analyst.password());
        String before = scrape();

        String ref = "M" + System.nanoTime();
        var stored = api.postFile("/api/v1/imports/charges", "text/csv",
                ("charge_ref,charged_on,age,offence_category\n" + ref + ",2009-05-01,16,THEFT\n").getBytes(StandardCharsets.UTF_8));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        var rejected = api.postFile("/api/v1/imports/charges", "text/csv",
                "charge_ref,charged_on,age,offence_category\nX,not-a-date,16,THEFT\n".getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.status()).isEqualTo(422);
        var report = api.get("/api/v1/portfolio/report/1985.html");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(Api.at(port).as(analyst.username(), "wrong-password").get("/api/v1/portfolio/summary?year=2010").status()).isEqualTo(401);

        String after = scrape();
        String imports = "vendepunkt_imports_seconds_count{kind=\"charges\",outcome=\"%s\"}";
        assertThat(value(after, imports.formatted("stored"))).isEqualTo(value(before, imports.formatted("stored")) + 1);
        assertThat(value(after, imports.formatted("rejected"))).isEqualTo(value(before, imports.formatted("rejected")) + 1);
        assertThat(value(after, "vendepunkt_reports_render_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "vendepunkt_reports_rendered_total")).isEqualTo(value(after, "vendepunkt_reports_render_seconds_count"));
        String failed = "vendepunkt_logins_failed_total{reason=\"bad_credentials\"}";
        assertThat(value(after, failed)).isEqualTo(value(before, failed) + 1);
        // the failed login was audited, so the chain grew
        assertThat(value(after, "vendepunkt_audit_chain_length")).isGreaterThan(value(before, "vendepunkt_audit_chain_length"));
        assertThat(after).contains("http_server_requests_seconds_count{", "uri=\"/api/v1/imports/{kind}\"",
                "http_server_requests_seconds_bucket{");
    }

    @Test
    void livenessAndReadinessProbes() {
        var health = Api.at(port);
        var live = health.get("/livez");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(health.get("/readyz").body()).isEqualTo("{\"status\":\"UP\"}");
        try {
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            var refusing = health.get("/readyz");
            assertThat(refusing.status()).isEqualTo(503);
            assertThat(refusing.body()).isEqualTo("{\"status\":\"OUT_OF_SERVICE\"}");
            assertThat(health.get("/livez").status()).isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(health.get("/readyz").status()).isEqualTo(200);
        // the contract's health answer stays exactly the status
        assertThat(health.get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
    }
}
