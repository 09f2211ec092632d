package dk.vendepunkt.safetyindex.internal;

import dk.vendepunkt.platform.ConflictException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The analyst's input to the half-yearly "urolige områder" report per bydel and half-year: the
 * number of SSP single cases and the SSP leaders' assessment ({@code si_ssp_halfyear}).
 */
@Repository
public class SspStore {

    private final JdbcClient jdbc;

    SspStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One bydel's entry for a half-year; version −1 with nulls when nothing has been entered. */
    public record Entry(String bydel, Integer singleCases, String assessment, int version) {
        public static Entry empty(String bydel) {
            return new Entry(bydel, null, null, -1);
        }

        boolean stored() {
            return version >= 0;
        }
    }

    /** Entries of a half-year by bydel code. */
    public Map<String, Entry> entries(HalfYear h) {
        Map<String, Entry> out = new LinkedHashMap<>();
        jdbc.sql("select bydel, single_cases, assessment, version from si_ssp_halfyear where year = ? and half = ? order by bydel")
                .params(h.year(), h.half())
                .query((rs, i) -> new Entry(rs.getString("bydel"), (Integer) rs.getObject("single_cases"), rs.getString("assessment"),
                        rs.getInt("version")))
                .list().forEach(e -> out.put(e.bydel(), e));
        return out;
    }

    /**
     * Saves one bydel's entry. {@code expectedVersion} is the version the form was read with (−1 for
     * "nothing stored yet"); a different stored version means someone else saved in between.
     */
    public void save(HalfYear h, String bydel, Integer singleCases, String assessment, int expectedVersion, String user) {
        if (expectedVersion < 0) {
            int n = jdbc.sql("""
                    insert into si_ssp_halfyear (bydel, year, half, single_cases, assessment, updated_by) values (?, ?, ?, ?, ?, ?)
                    on conflict (bydel, year, half) do nothing""")
                    .params(bydel, h.year(), h.half(), singleCases, assessment, user).update();
            if (n == 0) throw ConflictException.stale();
        } else {
            int n = jdbc.sql("""
                    update si_ssp_halfyear set single_cases = ?, assessment = ?, updated_by = ?, updated_at = now(), version = version + 1
                    where bydel = ? and year = ? and half = ? and version = ?""")
                    .params(singleCases, assessment, user, bydel, h.year(), h.half(), expectedVersion).update();
            if (n == 0) throw ConflictException.stale();
        }
    }
}
