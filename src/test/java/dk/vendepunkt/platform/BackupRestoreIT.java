package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.VendepunktApplication;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.platform.imports.CommandLine;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code backup --to FILE} of the running embedded test database and {@code restore --from FILE} into a fresh data
 * dir; a second application started on the restored data dir gives the same effect report, crime key figures and
 * audit chain verification, and signs in the same users.
 */
@IntegrationTest
class BackupRestoreIT {

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired VendepunktProperties props;
    @TempDir Path tmp;

    /** Forløb of 1911 (no other test looks at the 1910s) with charges; removed again afterwards. */
    static final int COHORT = 1911;

    @Test
    void aRestoredBackupGivesTheSameEffectReportKeyFiguresAndAuditVerification() throws Exception {
        var pm = staff.user(Role.PROGRAMME_MANAGER);
        var analyst = staff.user(Role.ANALYST);
        var admin = staff.user(Role.ADMIN);
        Api pmApi = Api.at(port).as(pm.username(), pm.password());
        StringBuilder enrolments = new StringBuilder("enrolment_ref,person_key,programme,start_date,end_date,closure_reason,gang_related\n");
        StringBuilder events = new StringBuilder("event_ref,person_key,event_type,event_date,offence_code,ssp_level\n");
        LocalDate end = LocalDate.of(COHORT, 6, 30);
        for (int i = 0; i < 12; i++) {
            String cpr = TestStaff.uniqueCpr();
            enrolments.append("bk-e-").append(cpr).append(',').append(cpr).append(",SSP_PLUS,").append(end.minusYears(1)).append(',')
                    .append(end).append(",COMPLETED,false\n");
            if (i < 4) events.append("bk-r-").append(cpr).append(',').append(cpr).append(",CHARGE,").append(end.plusDays(40 + i)).append(",,3\n");
        }
        assertThat(pmApi.postFile("/api/v1/imports/enrolments", "text/csv", bytes(enrolments)).status()).isEqualTo(200);
        assertThat(pmApi.postFile("/api/v1/imports/register-events", "text/csv", bytes(events)).status()).isEqualTo(200);
        int year = dk.vendepunkt.crimestats.CrimeTestData.uniqueLeapYear();
        String reports = "report_ref,reported_at,offence_category,lat,lon\n"
                + "bk-" + year + "-1," + year + "-05-01T10:00,VIOLENCE,,\n"
                + "bk-" + year + "-2," + year + "-05-02T10:00,THEFT,,\n"
                + "bk-" + year + "-3," + year + "-08-02T10:00,THEFT,,\n";
        Api analystApi = Api.at(port).as(analyst.username(), analyst.password());
        assertThat(analystApi.postFile("/api/v1/imports/crime-reports", "text/csv", bytes(reports)).status()).isEqualTo(200);

        String effect = "/api/v1/reports/effect?programme=SSP_PLUS&asOf=" + (COHORT + 3) + "-01-01&disclosure=internal";
        String keyFigures = "/api/v1/crime/key-figures?from=" + year + "-01-01&to=" + year + "-12-31";
        var sourceEffect = pmApi.get(effect);
        var sourceFigures = analystApi.get(keyFigures);
        assertThat(sourceEffect.status()).isEqualTo(200);
        assertThat(sourceFigures.status()).isEqualTo(200);

        Path backup = tmp.resolve("vendepunkt.backup");
        assertThat(CommandLine.runDatabaseCommand(new String[] {"backup", "--to", backup.toString(),
                "--vendepunkt.data-dir=" + props.dataDir().toAbsolutePath()})).isZero();
        // verified after the backup (a verification is itself audited, after it has checked the chain)
        JsonNode sourceAudit = Api.at(port).as(admin.username(), admin.password()).get("/api/v1/audit/verify").json();
        assertThat(sourceAudit.get("intact").asBoolean()).as(sourceAudit.toString()).isTrue();
        assertThat(Files.getPosixFilePermissions(backup)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // the backup is audited in the database it was taken of (after its snapshot)
        assertThat(lastCommandEntry(Api.at(port).as(admin.username(), admin.password()), "EXPORT")).startsWith("system|backup|hele databasen (")
                .contains("skrevet til " + backup.toAbsolutePath());

        Path restored = tmp.resolve("restored");
        String[] restore = {"restore", "--from", backup.toString(), "--vendepunkt.data-dir=" + restored};
        assertThat(CommandLine.runDatabaseCommand(restore)).isZero();
        assertThat(CommandLine.runDatabaseCommand(restore)).as("a data dir with a database is not overwritten").isEqualTo(1);

        // as arguments: default properties (builder.properties) lose to the test profile's data dir, and the second
        // application would run on the test database instead of the restored one
        try (var app = new SpringApplicationBuilder(VendepunktApplication.class).profiles("test")
                .run("--vendepunkt.data-dir=" + restored, "--vendepunkt.embedded-db.clean=false", "--server.port=0")) {
            int restoredPort = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            var pmThere = Api.at(restoredPort).as(pm.username(), pm.password());
            var analystThere = Api.at(restoredPort).as(analyst.username(), analyst.password());
            // first the audit chain: the internal effect figures are audited when read
            JsonNode restoredAudit = Api.at(restoredPort).as(admin.username(), admin.password()).get("/api/v1/audit/verify").json();
            for (String field : new String[] {"intact", "checked", "firstBrokenId", "problem", "lastId", "missing"}) {
                assertThat(restoredAudit.get(field)).as(field + " in " + restoredAudit).isEqualTo(sourceAudit.get(field));
            }
            // the restore is audited in the restored database, linked to the restored chain (verified above)
            assertThat(lastCommandEntry(Api.at(restoredPort).as(admin.username(), admin.password()), "IMPORT"))
                    .startsWith("system|gendannelse|hele databasen (")
                    .contains("gendannet fra " + backup.toAbsolutePath(), ", backup taget ");
            assertThat(pmThere.get(effect).body()).isEqualTo(sourceEffect.body());
            assertThat(analystThere.get(keyFigures).body()).isEqualTo(sourceFigures.body());
            // the audit table belongs to the audit role again; the application may only read and add
            var owner = app.getBean(JdbcClient.class).sql("select tableowner from pg_tables where tablename = 'aud_event'").query(String.class).single();
            assertThat(owner).isEqualTo("vendepunkt_audit");
        }
    }

    /** actor|subject|reason of the newest command-line entry (no route) with the action, from the audit log's API. */
    static String lastCommandEntry(Api admin, String action) {
        for (JsonNode e : admin.get("/api/v1/audit?size=20&action=" + action).json().get("entries")) {
            if (e.get("route").isNull()) return e.get("actor").asString() + "|" + e.get("subject").asString() + "|" + e.get("reason").asString();
        }
        return "none";
    }

    static byte[] bytes(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The effect reports of other tests count every cohort up to their date: the 1911 forløb go again. */
    @AfterEach
    void clear() {
        jdbc.sql("delete from out_enrolment where programme = 'SSP_PLUS' and end_date = ?").param(LocalDate.of(COHORT, 6, 30)).update();
    }
}
