package dk.vendepunkt.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Report downloads through the report cache, on the annual Sikker By report: many concurrent requests render it once, a change of
 * the figures (a budget line edited through the API) is in the next download, and the public and internal
 * editions are never mixed up. Renders are counted by the {@code vendepunkt.reports.rendered} metric.
 */
@IntegrationTest
class ReportCacheIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired MeterRegistry meters;
    @Autowired JdbcClient jdbc;

    TestStaff.User analyst;
    Api api;
    int year;
    long initiative;

    /** A year of its own (before the demo data's) with one initiative whose budget this test sets. */
    @BeforeEach
    void initiative() {
        analyst = staff.user(Role.ANALYST);
        api = Api.at(port).as(analyst.username(), analyst.password());
        year = 1990 + ThreadLocalRandom.current().nextInt(15);
        var created = api.post("/api/v1/portfolio/initiatives", Map.of("ref", "C" + System.nanoTime(), "name", "Cachetest", "department", "TMF",
                "focusArea", 1));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        initiative = created.json().get("initiative").get("id").asLong();
        budget("7654321");
    }

    void budget(String amount) {
        var line = api.post("/api/v1/portfolio/initiatives/" + initiative + "/budget-lines", Map.of("year", year, "budgetType", "DRIFT", "amountDkk", amount));
        assertThat(line.status()).as(line.toString()).isEqualTo(200);
    }

    double renders() {
        var c = meters.find("vendepunkt.reports.rendered").counter();
        return c == null ? 0 : c.count();
    }

    long dataVersion() {
        return jdbc.sql("select coalesce(sum(version), 0) from rep_data_version").query(Long.class).single();
    }

    interface Scenario {
        void run() throws Exception;
    }

    /**
     * Runs the scenario; again (at most three times) only when it failed while something else changed report data
     * (the scheduled register matching of outcomes), which rightly makes the cache render again.
     */
    void withStableData(Scenario s) throws Exception {
        for (int attempt = 1; ; attempt++) {
            long before = dataVersion();
            try {
                s.run();
                return;
            } catch (AssertionError e) {
                if (attempt == 3 || dataVersion() == before) throw e;
            }
        }
    }

    byte[] get(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((analyst.username() + ":" + analyst.password())
                        .getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    String html(String query) throws Exception {
        return new String(get("/api/v1/portfolio/report/" + year + ".html" + query), StandardCharsets.UTF_8);
    }

    /** A session of a user signed in through the login form (the pages' downloads are not under /api). */
    HttpClient signedIn(TestStaff.User u) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        var form = "username=" + u.username() + "&password=" + java.net.URLEncoder.encode(u.password(), StandardCharsets.UTF_8)
                + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    @Test
    void anExportServedFromTheCacheIsStillAudited() throws Exception {
        HttpClient client = signedIn(analyst);
        String path = "/effect/export/xlsx?programme=EXIT&asOf=2024-06-30";
        withStableData(() -> {
            long audited = jdbc.sql("select count(*) from aud_event where actor = ? and action = 'EXPORT'").param(analyst.username())
                    .query(Long.class).single();
            double before = renders();
            for (int i = 0; i < 2; i++) {
                var r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(r.statusCode()).isEqualTo(200);
            }
            assertThat(renders() - before).as("the second export is served from the cache").isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from aud_event where actor = ? and action = 'EXPORT'").param(analyst.username())
                    .query(Long.class).single()).isEqualTo(audited + 2);
        });
    }

    @Test
    void everyTableThatFeedsReportsCountsItsChanges() {
        assertThat(jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p') and split_part(c.relname, '_', 1) in ('pf', 'out', 'cs', 'si', 'area')
                  and not exists (select 1 from pg_trigger t where t.tgrelid = c.oid and t.tgname = 'rep_data_changed')""")
                .query(String.class).list()).isEmpty();
        assertThat(jdbc.sql("select count(*) from pg_trigger where tgname = 'rep_data_changed'").query(Long.class).single()).isGreaterThan(30);
        long before = dataVersion();
        jdbc.sql("update area_population set population = population where false").update();
        assertThat(dataVersion()).isGreaterThan(before);
    }

    @Test
    void concurrentRequestsForThePdfRenderItOnce() throws Exception {
        withStableData(() -> {
            budget(String.valueOf(1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000))); // a key nobody asked for yet
            double before = renders();
            List<CompletableFuture<byte[]>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return get("/api/v1/portfolio/report/" + year + ".pdf");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            byte[] first = calls.getFirst().join();
            assertThat(new String(first, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            for (var c : calls) assertThat(c.join()).isEqualTo(first);
            assertThat(renders() - before).isEqualTo(1);
        });
    }

    @Test
    void aChangedBudgetIsInTheNextDownload() throws Exception {
        withStableData(() -> {
            budget("7654321");
            double before = renders();
            assertThat(html("")).contains("7.654.321");
            assertThat(html("")).contains("7.654.321");
            assertThat(renders() - before).as("the second request is served from the cache").isEqualTo(1);

            budget("8765432");
            assertThat(html("")).contains("8.765.432").doesNotContain("7.654.321");
            assertThat(renders() - before).isEqualTo(2);
        });
    }

    @Test
    void publicAndInternalEditionsAreNotMixedUp() throws Exception {
        withStableData(() -> {
            double before = renders();
            for (int i = 0; i < 2; i++) {
                assertThat(html("")).doesNotContain("intern udgave");
                assertThat(html("?disclosure=internal")).contains("intern udgave");
                assertThat(html("?disclosure=public")).doesNotContain("intern udgave");
            }
            assertThat(renders() - before).as("one render per edition").isEqualTo(2);
            // another year is another report
            assertThat(html("")).contains(String.valueOf(year));
            assertThat(new String(get("/api/v1/portfolio/report/" + (year + 1) + ".html"), StandardCharsets.UTF_8)).contains(String.valueOf(year + 1));
            assertThat(renders() - before).isEqualTo(3);
        });
    }
}
