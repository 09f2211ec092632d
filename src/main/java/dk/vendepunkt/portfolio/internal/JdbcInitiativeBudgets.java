package dk.vendepunkt.portfolio.internal;

import dk.vendepunkt.portfolio.InitiativeBudgets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The {@link InitiativeBudgets} over {@code pf_initiative} and {@code pf_budget_line}. */
@Service
class JdbcInitiativeBudgets implements InitiativeBudgets {

    private final JdbcClient jdbc;

    JdbcInitiativeBudgets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Initiative> initiatives() {
        return jdbc.sql("select ref, name from pf_initiative order by name, ref").query((rs, i) -> new Initiative(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    public List<YearBudget> budgets(Collection<String> refs, int year) {
        if (refs.isEmpty()) return List.of();
        Map<String, YearBudget> byRef = new LinkedHashMap<>();
        jdbc.sql("""
                select i.ref, i.name, sum(b.amount_dkk) from pf_initiative i join pf_budget_line b on b.initiative_id = i.id
                where i.ref in (:refs) and b.year = :year group by i.ref, i.name""")
                .param("refs", refs).param("year", year)
                .query((rs, i) -> new YearBudget(rs.getString(1), rs.getString(2), year, PortfolioSummary.plain(rs.getBigDecimal(3))))
                .list().forEach(b -> byRef.put(b.ref(), b));
        List<YearBudget> out = new ArrayList<>();
        for (String ref : refs) if (byRef.containsKey(ref)) out.add(byRef.get(ref));
        return out;
    }
}
