package dk.vendepunkt.crimestats.internal;

import dk.vendepunkt.areas.AreaDirectory;
import dk.vendepunkt.platform.ValidationException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes {@link EffectGoal1} from the stored charges (counts only: no person key leaves the database)
 * and the areas' 14–25-year-olds. An unlinked charge is one without a person key that would otherwise
 * count: age 14–25, a person-directed category, residence in a deprived area or unknown.
 */
@Service
public class EffectGoal1Service {

    /** The widest range of years answered at once. */
    static final int MAX_YEARS = 100;
    /** The years the goal is computed for (population.csv's years). */
    public static final int FIRST_YEAR = 1900, LAST_YEAR = 2200;

    private final JdbcClient jdbc;
    private final AreaDirectory areas;
    private final EffectGoal1Properties props;

    EffectGoal1Service(JdbcClient jdbc, AreaDirectory areas, EffectGoal1Properties props) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.props = props;
    }

    public EffectGoal1Properties properties() {
        return props;
    }

    @Transactional(readOnly = true)
    public EffectGoal1 compute(Integer from, Integer to) {
        if (from == null) throw ValidationException.of("from", "crime.goal1.year");
        if (to == null) throw ValidationException.of("to", "crime.goal1.year");
        if (to < from) throw ValidationException.of("to", "crime.goal1.order");
        if (from < FIRST_YEAR || to > LAST_YEAR || to - from >= MAX_YEARS) throw ValidationException.of("to", "crime.goal1.range");
        List<String> deprived = props.areas();
        String[] codes = deprived.toArray(String[]::new);
        String[] categories = props.personDirected().stream().map(Enum::name).toArray(String[]::new);
        Map<Integer, EffectGoal1.Counts> counts = new HashMap<>();
        jdbc.sql("""
                select extract(year from charged_on)::int as y,
                       count(distinct person_hash) filter (where person_hash is not null and residence_area = any(?::text[])) as charged,
                       count(*) filter (where person_hash is null and (residence_area is null or residence_area = any(?::text[]))) as unlinked
                from cs_charge
                where charged_on >= ? and charged_on < ? and age between 14 and 25 and category = any(?::text[])
                group by 1""")
                .params(codes, codes, LocalDate.of(from, 1, 1), LocalDate.of(to + 1, 1, 1), categories)
                .query(rs -> {
                    counts.put(rs.getInt("y"), new EffectGoal1.Counts(rs.getLong("charged"), rs.getLong("unlinked")));
                });
        Map<Integer, Long> population = new HashMap<>();
        for (int y = from; y <= to; y++) {
            Long sum = deprived.isEmpty() ? null : 0L;
            for (String code : deprived) {
                OptionalLong p = areas.population14to25(code, y);
                if (p.isEmpty()) {
                    sum = null;
                    break;
                }
                sum += p.getAsLong();
            }
            if (sum != null) population.put(y, sum);
        }
        return EffectGoal1.of(deprived, from, to, counts, population, props.targetPct());
    }
}
