package dk.vendepunkt.audit.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditRetention;
import dk.vendepunkt.audit.internal.ChainVerification.Anchor;
import dk.vendepunkt.platform.DanishDates;
import dk.vendepunkt.platform.Zones;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prunes the start of the chain (ADR 0020): verifies the whole log first (a broken chain is evidence and is kept),
 * then, holding the chain's lock, signs an anchor for the last entry due and lets the database function
 * {@code aud_prune} record it and remove the entries up to it; audits the prune and checkpoints the new head.
 */
@Component
class AuditPruning implements AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditPruning.class);

    /** The first entry that is not older than the cutoff; every entry before it is due. */
    private static final String DUE = """
            select id, hash, occurred_at, (select count(*) from aud_event e where e.id <= d.id) as n from aud_event d
             where id < coalesce((select min(id) from aud_event where occurred_at >= ?), 9223372036854775807)
             order by id desc limit 1""";

    private final JdbcClient jdbc;
    private final JdbcAuditLog chain;
    private final AuditAnchors anchors;
    private final AuditCheckpoints checkpoints;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    AuditPruning(JdbcClient jdbc, JdbcAuditLog chain, AuditAnchors anchors, AuditCheckpoints checkpoints, AuditLog audit,
                 Clock clock, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.anchors = anchors;
        this.checkpoints = checkpoints;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(tm);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private record Due(long lastId, String hash, Instant occurredAt, long count) {}

    private Due due(Instant before) {
        return jdbc.sql(DUE).param(Timestamp.from(before))
                .query((rs, i) -> new Due(rs.getLong("id"), rs.getString("hash"), rs.getTimestamp("occurred_at").toInstant(), rs.getLong("n")))
                .optional().orElse(null);
    }

    @Override
    public long dueBefore(Instant before) {
        Due d = due(before);
        return d == null ? 0 : d.count();
    }

    @Override
    public long pruneBefore(Instant before) {
        if (dueBefore(before) == 0) return 0;
        ChainVerification v = chain.verify();
        if (!v.intact()) {
            log.error("Audit log not pruned: the chain does not verify ({} at entry {}); the entries are kept as evidence",
                    v.problem(), v.firstBrokenId());
            return 0;
        }
        Anchor anchor = tx.execute(s -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(JdbcAuditLog.CHAIN_LOCK).query(Object.class).single();
            Due d = due(before);
            if (d == null) return null;
            AuditAnchors.Stored start = anchors.read();
            Anchor a = new Anchor(d.lastId(), start.position() + d.count(), d.hash(), d.occurredAt(),
                    before.truncatedTo(ChronoUnit.MICROS), d.count(), Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
            jdbc.sql("select aud_prune(?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(a.lastId(), a.position(), a.lastHash(), Timestamp.from(a.lastOccurredAt()), Timestamp.from(a.cutoff()),
                            a.pruned(), Timestamp.from(a.createdAt()), anchors.sign(a))
                    .query(Long.class).single();
            return a;
        });
        if (anchor == null) return 0;
        audit.record(AuditAction.DELETE, null, null, "sletning AUDIT",
                anchor.pruned() + " hændelser før " + DanishDates.format(anchor.cutoff().atZone(Zones.ZONE).toLocalDate())
                        + " slettet; kæden fortsætter fra ankeret ved hændelse " + anchor.lastId() + " (position " + anchor.position() + ")");
        checkpoints.write(true);
        log.info("Audit log pruned before {}: {} entries, anchor at entry {} (position {})", anchor.cutoff(), anchor.pruned(),
                anchor.lastId(), anchor.position());
        return anchor.pruned();
    }
}
