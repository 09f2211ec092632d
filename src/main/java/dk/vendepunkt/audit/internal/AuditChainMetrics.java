package dk.vendepunkt.audit.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code vendepunkt.audit.chain.length}: entries in the audit chain. Counted incrementally, so a scrape
 * reads only the entries added since the previous one: entries are appended under the chain lock in id order and
 * never deleted (the application's role may not), so nothing can appear below the last id counted.
 */
@Component
class AuditChainMetrics {

    private final JdbcClient jdbc;
    private long lastId;
    private long count;

    AuditChainMetrics(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        Gauge.builder("vendepunkt.audit.chain.length", this, AuditChainMetrics::length)
                .description("entries in the tamper-evident audit chain").register(meters);
    }

    synchronized double length() {
        var added = jdbc.sql("select count(*), coalesce(max(id), ?) from aud_event where id > ?").param(lastId).param(lastId)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        count += added[0];
        lastId = added[1];
        return count;
    }
}
