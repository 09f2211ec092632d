package dk.vendepunkt.crimestats.imports;

import static dk.vendepunkt.crimestats.CrimeTestData.cellCentre;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.crimestats.CrimeTestData;
import dk.vendepunkt.crimestats.internal.OffenceCategory;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.platform.imports.ImportFailedException;
import dk.vendepunkt.platform.imports.ImportSummary;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The crime-reports import's ways of loading give the same result: the report key rebuilt after the COPY
 * (a large file) or kept and maintained row by row (a small one), the staging upsert when refs are
 * already stored, and the rollups counted by COPY into an empty period (with or without rebuilding
 * their keys) or by upsert. After each, every rollup equals a count of the raw rows and every key is in
 * place; times with and without offsets, around daylight-saving changes, are stored as the instants
 * they name.
 */
@IntegrationTest
class ReportImportPathsIT {

    /** A size hint far above the stored reports: the import rebuilds the key. */
    static final long LARGE = Long.MAX_VALUE / 1024;
    static final String HEAD = "report_ref,reported_at,offence_category,lat,lon\n";
    static final List<String> KEYED = List.of("cs_report", "cs_report_cat_day", "cs_report_district_day", "cs_report_cell_day",
            "cs_report_cat_district_month", "cs_report_cat_cell_month");

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired ReportImport reports;
    @Autowired DataSource dataSource;
    @Autowired TransactionTemplate tx;

    String p;
    long nKm;
    int year;

    @BeforeEach
    void areas() {
        var u = staff.user(Role.ANALYST);
        p = "P" + System.nanoTime();
        nKm = CrimeTestData.uniqueNorthKm();
        assertThat(CrimeTestData.importTwoDistricts(Api.at(port).as(u.username(), u.password()), p, nKm).status()).isEqualTo(200);
        year = CrimeTestData.uniqueLeapYear();
    }

    /** {@code n} reports of {@code year} numbered from {@code from}: both districts, 5 cells, no coordinates, outside every district. */
    String reports(int from, int n, long seed) {
        Random r = new Random(seed);
        String[] cats = {"VIOLENCE", "THEFT", "BURGLARY", "DRUGS"};
        StringBuilder sb = new StringBuilder(HEAD);
        for (int i = from; i < from + n; i++) {
            int day = 1 + r.nextInt(365);
            String when = java.time.LocalDate.ofYearDay(year, day) + "T" + String.format("%02d:%02d", r.nextInt(24), r.nextInt(60));
            int place = r.nextInt(7);
            String where = place == 5 ? "," : cellCentre(nKm, place == 6 ? 640 : 600 + place);
            sb.append(p).append('-').append(i).append(',').append(when).append(',').append(cats[r.nextInt(cats.length)]).append(',').append(where).append('\n');
        }
        return sb.toString();
    }

    ImportSummary load(String csv, long sizeHint) {
        return reports.importFile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), sizeHint);
    }

    long stored() {
        return jdbc.sql("select count(*) from cs_report where ref like ?").param(p + "-%").query(Long.class).single();
    }

    void assertConsistent() {
        CrimeTestData.assertRollupsMatchRawRows(jdbc);
        for (String table : KEYED) {
            assertThat(jdbc.sql("select count(*) from pg_constraint where conrelid = ?::regclass and contype = 'p'").param(table).query(Long.class).single())
                    .as("primary key of " + table).isEqualTo(1);
        }
    }

    @Test
    void rebuiltAndMaintainedKeysLoadTheSameAndReImportsUpdate() {
        ImportSummary bulk = load(reports(0, 3000, 1), LARGE);
        assertThat(bulk.created()).isEqualTo(3000);
        assertThat(stored()).isEqualTo(3000);
        assertConsistent();

        // a small file next to the stored reports (size unknown): the key is kept; the rollups' periods are taken, so they upsert
        ImportSummary small = load(reports(3000, 200, 2), -1);
        assertThat(small.created()).isEqualTo(200);
        assertConsistent();

        // stored refs with changed values plus new ones, both ways: the staging upsert
        String again = reports(2900, 400, 3);
        ImportSummary row = load(again, -1);
        assertThat(row.updated()).isEqualTo(300);
        assertThat(row.created()).isEqualTo(100);
        assertConsistent();
        ImportSummary rebuilt = load(reports(2800, 600, 4), LARGE);
        assertThat(rebuilt.updated()).isEqualTo(500);
        assertThat(rebuilt.created()).isEqualTo(100);
        assertThat(stored()).isEqualTo(3400);
        assertConsistent();
    }

    @Test
    void aRefTwiceInTheFileIsRejectedWhicheverWayTheKeyIsLoaded() {
        String twice = reports(0, 50, 5) + p + "-7," + year + "-03-03T10:00,THEFT,,\n";
        for (long hint : new long[] {LARGE, -1}) {
            assertThatThrownBy(() -> load(twice, hint)).isInstanceOfSatisfying(ImportFailedException.class, e -> {
                assertThat(e.errors()).hasSize(1);
                assertThat(e.errors().get(0).line()).isEqualTo(52);
                assertThat(e.errors().get(0).message()).contains("linje 9");
            });
            assertThat(stored()).isZero();
            assertConsistent();
        }
    }

    @Test
    void anInvalidRowLeavesTablesAndKeysAsTheyWere() {
        load(reports(0, 20, 8), LARGE);
        long before = jdbc.sql("select count(*) from cs_report").query(Long.class).single();
        String bad = reports(100, 30, 9) + p + "-x," + year + "-13-01T10:00,THEFT,,\n";
        assertThatThrownBy(() -> load(bad, LARGE)).isInstanceOfSatisfying(ImportFailedException.class,
                e -> assertThat(e.errors()).extracting(err -> err.column()).containsExactly("reported_at"));
        assertThat(jdbc.sql("select count(*) from cs_report").query(Long.class).single()).isEqualTo(before);
        assertConsistent();
    }

    @Test
    void rollupCountsIntoAnEmptyPeriodAreTheSameWithTheKeyRebuiltOrKept() {
        load(reports(0, 10, 6), LARGE);
        ReportDeltas deltas = new ReportDeltas();
        java.time.LocalDate d = java.time.LocalDate.of(year + 1, 1, 1);
        int d1 = deltas.district(p + "-D1");
        int cell = deltas.cell(new dk.vendepunkt.areas.Kvadratnet.Cell(nKm, 600));
        for (int i = 0; i < 500; i++) {
            deltas.add(d.plusDays(i % 90), OffenceCategory.values()[i / 90 % 3], d1, i % 4 == 0 ? -1 : cell);
        }
        List<ReportDeltas.Counts> counts = deltas.counts();
        String all = "select string_agg(t::text, ';' order by t::text) from (select * from cs_report_cat_day where day >= ? union all "
                + "select day, district, n from cs_report_district_day where day >= ? union all select day, cell, n from cs_report_cell_day where day >= ?) t";
        String[] results = new String[2];
        for (int mode = 0; mode < 2; mode++) {
            boolean rebuild = mode == 0;
            int m = mode;
            tx.executeWithoutResult(s -> {
                Connection c = DataSourceUtils.getConnection(dataSource);
                try {
                    ReportDeltas.apply(c, jdbc, counts, (table, rows) -> rebuild);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
                results[m] = jdbc.sql(all).param(d).param(d).param(d).query(String.class).single();
                for (String table : KEYED) {
                    assertThat(jdbc.sql("select count(*) from pg_constraint where conrelid = ?::regclass and contype = 'p'").param(table).query(Long.class).single())
                            .isEqualTo(1);
                }
                s.setRollbackOnly();
            });
        }
        assertThat(results[0]).isNotNull().isEqualTo(results[1]);
        assertThat(results[0].split(";")).hasSize(90 * 3 + 90 + 90);
    }

    @Test
    void timesAreStoredAsTheInstantsTheyNameAndCountedOnTheirLocalDay() {
        int y = year;
        java.time.LocalDate springForward = java.time.LocalDate.of(y, 3, 31).with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.SUNDAY));
        java.time.LocalDate fallBack = java.time.LocalDate.of(y, 10, 31).with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.SUNDAY));
        String csv = HEAD
                + p + "-a," + y + "-06-01T12:00,THEFT,,\n"
                + p + "-b," + y + "-01-15T23:30,THEFT,,\n"
                + p + "-c," + y + "-06-01T12:00:30+02:00,THEFT,,\n"
                + p + "-d," + y + "-12-31T23:30Z,THEFT,,\n"
                + p + "-e," + springForward + "T02:30,THEFT,,\n"
                + p + "-f," + fallBack + "T02:30,THEFT,,\n"
                + p + "-g," + fallBack + "T23:59,THEFT,,\n";
        load(csv, LARGE);
        java.time.ZoneId cph = java.time.ZoneId.of("Europe/Copenhagen");
        // 02:30 does not exist on the spring-forward day (it is read as 03:30 summer time) and exists twice on the
        // fall-back day (the earlier, summer time, is taken), as java.time's atZone does
        Instant[] expected = {
                java.time.LocalDateTime.of(y, 6, 1, 12, 0).atZone(cph).toInstant(),
                java.time.LocalDateTime.of(y, 1, 15, 23, 30).atZone(cph).toInstant(),
                java.time.OffsetDateTime.of(y, 6, 1, 12, 0, 30, 0, java.time.ZoneOffset.ofHours(2)).toInstant(),
                java.time.OffsetDateTime.of(y, 12, 31, 23, 30, 0, 0, java.time.ZoneOffset.UTC).toInstant(),
                springForward.atTime(2, 30).atZone(cph).toInstant(),
                fallBack.atTime(2, 30).atZone(cph).toInstant(),
                fallBack.atTime(23, 59).atZone(cph).toInstant()};
        assertThat(expected[4]).isEqualTo(springForward.atTime(1, 30).atZone(java.time.ZoneOffset.UTC).toInstant());
        assertThat(expected[5]).isEqualTo(fallBack.atTime(0, 30).atZone(java.time.ZoneOffset.UTC).toInstant());
        String[] refs = {"a", "b", "c", "d", "e", "f", "g"};
        for (int i = 0; i < refs.length; i++) {
            Instant at = jdbc.sql("select reported_at from cs_report where ref = ?").param(p + "-" + refs[i]).query(java.time.OffsetDateTime.class).single().toInstant();
            assertThat(at).as(refs[i]).isEqualTo(expected[i]);
        }
        // 31 December 23:30 UTC is 1 January of the next year in Copenhagen
        assertThat(jdbc.sql("select day from cs_report where ref = ?").param(p + "-d").query(java.time.LocalDate.class).single())
                .isEqualTo(java.time.LocalDate.of(y + 1, 1, 1));
        assertConsistent();
    }
}
