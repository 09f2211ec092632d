package dk.vendepunkt.economics.internal;

import dk.vendepunkt.economics.internal.CostBenefit.Value;
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

    /** One stored row. */
    public record Row(String programme, String scenario, Parameter parameter, Value value) {}

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
        return jdbc.sql("select parameter, value, low, high, source from eco_parameter where programme = ? and scenario = ? order by parameter")
                .param(programme).param(scenario).query((rs, i) -> new Row(programme, scenario,
                        Parameter.of(rs.getString(1)).orElseThrow(),
                        new Value(plain(rs.getBigDecimal(2)), plain(rs.getBigDecimal(3)), plain(rs.getBigDecimal(4)), rs.getString(5)))).list();
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
                  high = excluded.high, source = excluded.source, updated_at = now(), updated_by = excluded.updated_by""")
                .param("programme", r.programme()).param("scenario", r.scenario()).param("parameter", r.parameter().key())
                .param("value", r.value().value()).param("low", r.value().low()).param("high", r.value().high())
                .param("source", r.value().source()).param("by", username).update();
        return !exists;
    }
}
