package dk.vendepunkt.economics.internal;

import dk.vendepunkt.economics.internal.CostBenefit.Value;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.NotFoundException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The parameters per programme and scenario ('' the base set; a named scenario overrides some of them). */
@Component
public class ParameterStore {

    public static final String BASE = "";

    /** One stored row; {@code version} rises with every change (optimistic concurrency). */
    public record Row(String programme, String scenario, Parameter parameter, Value value, int version) {
        public Row(String programme, String scenario, Parameter parameter, Value value) {
            this(programme, scenario, parameter, value, 0);
        }
    }

    private final JdbcClient jdbc;

    ParameterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> programmes() {
        return jdbc.sql("select distinct programme from eco_parameter order by 1").query(String.class).list();
    }

    /** The named scenarios of a programme (not the base). */
    public List<String> scenarios(String programme) {
        return jdbc.sql("select distinct scenario from eco_parameter where programme = ? and scenario <> '' order by 1")
                .param(programme).query(String.class).list();
    }

    /** The rows of one programme and scenario as stored (a scenario: only its overrides). */
    public List<Row> rows(String programme, String scenario) {
        return jdbc.sql("select parameter, value, low, high, source, version from eco_parameter where programme = ? and scenario = ? order by parameter")
                .param(programme).param(scenario).query((rs, i) -> new Row(programme, scenario,
                        Parameter.of(rs.getString(1)).orElseThrow(),
                        new Value(plain(rs.getBigDecimal(2)), plain(rs.getBigDecimal(3)), plain(rs.getBigDecimal(4)), rs.getString(5)),
                        rs.getInt(6))).list();
    }

    /** Without the column's trailing zeros (5.000000 → 5), and never in exponent form. */
    private static BigDecimal plain(BigDecimal v) {
        if (v == null) return null;
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** The effective parameters: the base set with the scenario's overrides. */
    public Map<Parameter, Value> effective(String programme, String scenario) {
        Map<Parameter, Value> out = new EnumMap<>(Parameter.class);
        rows(programme, BASE).forEach(r -> out.put(r.parameter(), r.value()));
        if (!BASE.equals(scenario)) rows(programme, scenario).forEach(r -> out.put(r.parameter(), r.value()));
        return out;
    }

    /** Inserts or replaces; true when inserted. */
    public boolean upsert(Row r, String username) {
        boolean exists = jdbc.sql("select count(*) from eco_parameter where programme = ? and scenario = ? and parameter = ?")
                .param(r.programme()).param(r.scenario()).param(r.parameter().key()).query(Long.class).single() > 0;
        jdbc.sql("""
                insert into eco_parameter (programme, scenario, parameter, value, low, high, source, updated_at, updated_by)
                values (:programme, :scenario, :parameter, :value, :low, :high, :source, now(), :by)
                on conflict (programme, scenario, parameter) do update set value = excluded.value, low = excluded.low,
                  high = excluded.high, source = excluded.source, updated_at = now(), updated_by = excluded.updated_by,
                  version = eco_parameter.version + 1""")
                .param("programme", r.programme()).param("scenario", r.scenario()).param("parameter", r.parameter().key())
                .param("value", r.value().value()).param("low", r.value().low()).param("high", r.value().high())
                .param("source", r.value().source()).param("by", username).update();
        return !exists;
    }

    /**
     * Creates ({@code expectedVersion} null) or changes a row read at {@code expectedVersion}; returns the new version.
     * A row that exists when creating, or another stored version when changing, is stale (409); changing a row
     * that does not exist is 404.
     */
    public int put(Row r, Integer expectedVersion, String username) {
        if (expectedVersion == null) {
            int n = jdbc.sql("""
                    insert into eco_parameter (programme, scenario, parameter, value, low, high, source, updated_at, updated_by)
                    values (:programme, :scenario, :parameter, :value, :low, :high, :source, now(), :by)
                    on conflict (programme, scenario, parameter) do nothing""")
                    .param("programme", r.programme()).param("scenario", r.scenario()).param("parameter", r.parameter().key())
                    .param("value", r.value().value()).param("low", r.value().low()).param("high", r.value().high())
                    .param("source", r.value().source()).param("by", username).update();
            if (n == 0) throw ConflictException.stale();
            return 0;
        }
        int n = jdbc.sql("""
                update eco_parameter set value = :value, low = :low, high = :high, source = :source, updated_at = now(), updated_by = :by,
                  version = version + 1
                where programme = :programme and scenario = :scenario and parameter = :parameter and version = :version""")
                .param("programme", r.programme()).param("scenario", r.scenario()).param("parameter", r.parameter().key())
                .param("value", r.value().value()).param("low", r.value().low()).param("high", r.value().high())
                .param("source", r.value().source()).param("by", username).param("version", expectedVersion).update();
        if (n == 0) {
            if (rows(r.programme(), r.scenario()).stream().anyMatch(x -> x.parameter() == r.parameter())) throw ConflictException.stale();
            throw new NotFoundException("economics.error.parameterNotFound", r.programme(), r.parameter().key());
        }
        return expectedVersion + 1;
    }

    /** Deletes a named scenario's rows (never the base set); 404 when the programme has no such scenario. */
    public int deleteScenario(String programme, String scenario) {
        int n = BASE.equals(scenario) ? 0
                : jdbc.sql("delete from eco_parameter where programme = ? and scenario = ?").params(programme, scenario).update();
        if (n == 0) throw new NotFoundException("economics.error.scenarioNotFound", programme, scenario);
        return n;
    }

    /** Renames a named scenario; 404 when unknown, 409 when the new name is taken. */
    public void renameScenario(String programme, String scenario, String newName, String username) {
        if (BASE.equals(scenario) || rows(programme, scenario).isEmpty()) throw new NotFoundException("economics.error.scenarioNotFound", programme, scenario);
        if (!rows(programme, newName).isEmpty()) throw new ConflictException("economics.error.scenarioExists", newName);
        jdbc.sql("update eco_parameter set scenario = ?, updated_at = now(), updated_by = ?, version = version + 1 where programme = ? and scenario = ?")
                .params(newName, username, programme, scenario).update();
    }
}
