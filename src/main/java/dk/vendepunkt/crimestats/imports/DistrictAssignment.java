package dk.vendepunkt.crimestats.imports;

import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.areas.AreasChanged;
import dk.vendepunkt.crimestats.internal.RollupCrimeFigures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When the districts change, every report with coordinates is given its district again and the
 * district rollups are rebuilt (only when a district actually changed).
 */
@Component
class DistrictAssignment {

    private static final Logger log = LoggerFactory.getLogger(DistrictAssignment.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AreaDirectory areas;

    DistrictAssignment(JdbcClient jdbc, DataSource dataSource, AreaDirectory areas) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.areas = areas;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onAreasChanged(AreasChanged event) {
        reassign();
    }

    /** @return the number of reports whose district changed */
    long reassign() {
        // not while a crime-reports import runs: both write the reports' districts and the district rollups
        jdbc.sql("select pg_advisory_xact_lock(?)").param(ReportImport.LOCK).query(Object.class).single();
        AreaDirectory.Locator locator = areas.locator();
        jdbc.sql("drop table if exists cs_reassign").update();
        jdbc.sql("create temp table cs_reassign (ref text, district text) on commit drop").update();
        long changed = 0;
        Connection tx = DataSourceUtils.getConnection(dataSource);
        // read on a connection of its own: the transaction's connection is busy with COPY meanwhile
        try (Connection read = dataSource.getConnection(); CopyWriter out = new CopyWriter(tx, "cs_reassign (ref, district)")) {
            read.setAutoCommit(false);
            try (PreparedStatement ps = read.prepareStatement("select ref, lat, lon, district from cs_report where lat is not null")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String district = locator.districtAt(rs.getDouble(2), rs.getDouble(3)).map(a -> a.code()).orElse(RollupCrimeFigures.UNKNOWN);
                        if (!district.equals(rs.getString(4))) {
                            out.row(2).text(rs.getString(1)).text(district);
                            changed++;
                        }
                    }
                }
            }
            read.rollback();
            out.finish();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(tx, dataSource);
        }
        if (changed == 0) return 0;
        jdbc.sql("update cs_report r set district = t.district from cs_reassign t where r.ref = t.ref").update();
        jdbc.sql("truncate cs_report_district_day, cs_report_cat_district_month").update();
        jdbc.sql("insert into cs_report_district_day (day, district, n) select day, district, count(*) from cs_report group by 1, 2").update();
        jdbc.sql("insert into cs_report_cat_district_month (month, category, district, n) "
                + "select date_trunc('month', day)::date, category, district, count(*) from cs_report group by 1, 2, 3").update();
        log.info("Districts changed: {} reports moved to another district, district rollups rebuilt", changed);
        return changed;
    }
}
