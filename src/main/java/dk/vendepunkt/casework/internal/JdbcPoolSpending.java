package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.PoolSpending;
import java.math.BigDecimal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link PoolSpending} over {@code cw_pool_purchase}: an aggregate, no person in it. */
@Service
class JdbcPoolSpending implements PoolSpending {

    private final JdbcClient jdbc;

    JdbcPoolSpending(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BigDecimal purchased(String programme, int year) {
        return jdbc.sql("select coalesce(sum(amount), 0) from cw_pool_purchase where programme = ? and budget_year = ? and status in ('APPROVED', 'PAID')")
                .params(programme, year).query(BigDecimal.class).single();
    }
}
