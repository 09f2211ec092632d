package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.VendepunktApplication;
import dk.vendepunkt.platform.internal.EmbeddedDbPasswords;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills the application with {@code kill -9} (a separate JVM on its own data dir and embedded PostgreSQL) in the
 * middle of a large crime-report import and of a loop of saves, restarts it on the same data dir and checks: the
 * import left no row and no rollup count (all or nothing), every save that was answered survived, the audit chain verifies, and the
 * restarted application is ready ({@code /readyz}) after stopping the PostgreSQL server the killed JVM left behind.
 */
class CrashSafetyIT {

    static final String ADMIN_PASSWORD = "crash-admin-password";
    static final int ROWS = 600_000;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir Path tmp;

    @Test
    void aKillDuringAnImportAndSavesLeavesNoPartialImportAndAnIntactAuditChain() throws Exception {
        Path dataDir = tmp.resolve("data");
        int port = freePort();
        Process first = start(dataDir, port, tmp.resolve("first.log"));
        Process second = null;
        try {
            awaitReady(first, port, tmp.resolve("first.log"));
            StringBuilder csv = new StringBuilder("report_ref,reported_at,offence_category,lat,lon\n");
            for (int i = 0; i < ROWS; i++) csv.append("crash-").append(i).append(",1915-05-01T10:00,THEFT,,\n");
            AtomicInteger saved = new AtomicInteger();
            Thread saves = Thread.ofVirtual().start(() -> {
                for (int i = 0; ; i++) {
                    String body = "{\"name\":\"crash-team-" + i + "\",\"departmentCode\":\"SOF\",\"description\":\"kill -9\"}";
                    try {
                        var r = HTTP.send(request(port, "/api/v1/admin/teams").header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) saved.incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        return; // the server is gone
                    }
                }
            });
            long waitSaves = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (saved.get() < 20 && System.nanoTime() < waitSaves) Thread.sleep(50);
            CompletableFuture<HttpResponse<String>> importing = HTTP.sendAsync(request(port, "/api/v1/imports/crime-reports")
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            // kill once the import's transaction is writing cs_report (the loop of saves goes on meanwhile)
            try (Connection c = superuser(dataDir)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (!(count(c, "select count(*) from pg_locks l join pg_class t on t.oid = l.relation "
                        + "where t.relname = 'cs_report' and l.mode = 'RowExclusiveLock'") > 0)) {
                    assertThat(importing).as("the import ended before it was seen writing: make it larger").isNotDone();
                    assertThat(System.nanoTime()).as("the import did not start writing within 90 s").isLessThan(deadline);
                    Thread.sleep(20);
                }
            }
            first.destroyForcibly(); // SIGKILL: no shutdown hook, the PostgreSQL server is orphaned
            first.waitFor();
            saves.join(Duration.ofSeconds(30));
            int answered = saved.get();
            assertThat(answered).as("saves answered before the kill").isGreaterThanOrEqualTo(20);

            second = start(dataDir, port, tmp.resolve("second.log"));
            awaitReady(second, port, tmp.resolve("second.log"));
            assertThat(Files.readString(tmp.resolve("second.log"))).as("the killed JVM's PostgreSQL was found and stopped")
                    .contains("left running on");
            try (Connection c = superuser(dataDir)) {
                assertThat(count(c, "select count(*) from cs_report where ref like 'crash-%'")).as("rows of the killed import").isZero();
                // the rollups agree with the (empty) rows: nothing counted for the import's day
                assertThat(count(c, "select coalesce(sum(n), 0) from cs_report_cat_day where day = '1915-05-01'")).isZero();
                assertThat(count(c, "select coalesce(sum(n), 0) from cs_report_district_day where day = '1915-05-01'")).isZero();
                assertThat(count(c, "select count(*) from org_team where name like 'crash-team-%'")).as("answered saves survive")
                        .isGreaterThanOrEqualTo(answered);
            }
            var verify = HTTP.send(request(port, "/api/v1/audit/verify").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(verify.statusCode()).isEqualTo(200);
            var json = JsonMapper.builder().build().readTree(verify.body());
            assertThat(json.get("intact").asBoolean()).as(verify.body()).isTrue();
            System.out.println("CrashSafetyIT: killed during the import of " + ROWS + " rows after " + answered + " answered saves; "
                    + json.get("checked") + " audit events verified after the restart");
        } finally {
            stop(first);
            stop(second);
            stopOrphan(dataDir);
        }
    }

    static Process start(Path dataDir, int port, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                VendepunktApplication.class.getName(), "--spring.profiles.active=test", "--vendepunkt.data-dir=" + dataDir,
                "--vendepunkt.embedded-db.clean=false", "--server.port=" + port,
                "--vendepunkt.bootstrap-admin.password=" + ADMIN_PASSWORD));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static void awaitReady(Process app, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as(() -> "the application exited:\n" + tail(log)).isTrue();
            try {
                var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not ready within 180 s:\n" + tail(log));
    }

    static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.substring(Math.max(0, s.length() - 4000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    static HttpRequest.Builder request(int port, String path) {
        String auth = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + auth);
    }

    /** The restarted application's embedded PostgreSQL, as its superuser (port from postmaster.pid). */
    static Connection superuser(Path dataDir) throws Exception {
        int pgPort = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid")).get(3).trim());
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("password", EmbeddedDbPasswords.loadOrCreate(dataDir).superuser());
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/postgres", p);
    }

    static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A PostgreSQL server a failed run left behind (the restarted application stops it, and removes the pid file, itself). */
    static void stopOrphan(Path dataDir) throws IOException {
        Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.exists(pid)) return;
        ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).getFirst().trim())).ifPresent(ProcessHandle::destroy);
    }

    /** A graceful stop (SIGTERM: the application stops its PostgreSQL). */
    static void stop(Process app) throws InterruptedException {
        if (app == null || !app.isAlive()) return;
        app.destroy();
        if (!app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) app.destroyForcibly();
    }
}
