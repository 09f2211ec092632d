package dk.vendepunkt.audit.internal;

import com.zaxxer.hikari.HikariDataSource;
import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.internal.ChainVerification.Anchor;
import dk.vendepunkt.audit.internal.ChainVerification.Checkpoint;
import dk.vendepunkt.organisation.CurrentUser;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log on PostgreSQL. Entries are written through a small pool of its own ({@value #POOL_NAME}, two
 * connections to the same database as the application's pool), each in its own transaction, so an audit write
 * never waits for a second connection of the pool that the request already holds one of. Inserts are serialised
 * by a transaction-level advisory lock so the chain has one order, also across processes (a command-line import
 * while the server runs).
 */
@Service
public class JdbcAuditLog implements AuditLog {

    static final String POOL_NAME = "vendepunkt-audit";
    static final long CHAIN_LOCK = 0x5645_4e44_4155_4449L; // "VENDAUDI"

    private final JdbcClient jdbc;
    private final TransactionTemplate readTx;
    private final AuditKey key;
    private final AuditCheckpoints checkpoints;
    private final AuditAnchors anchors;
    private final HikariDataSource writerPool;
    private final JdbcClient writer;
    private final TransactionTemplate writeTx;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, PlatformTransactionManager tm, DataSource dataSource, AuditKey key, AuditCheckpoints checkpoints,
                 AuditAnchors anchors, Clock clock) {
        this.clock = clock;
        this.anchors = anchors;
        this.jdbc = jdbc;
        this.readTx = new TransactionTemplate(tm);
        this.readTx.setReadOnly(true);
        this.readTx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ); // the anchors and the entries of one moment
        this.key = key;
        this.checkpoints = checkpoints;
        this.writerPool = writerPool(dataSource);
        this.writer = JdbcClient.create(writerPool);
        this.writeTx = new TransactionTemplate(new DataSourceTransactionManager(writerPool));
        this.writeTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Same server, user and driver settings as the application's pool; connections opened on first use. */
    private static HikariDataSource writerPool(DataSource main) {
        HikariDataSource app;
        try {
            app = main.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("The audit log needs the application's DataSource to be a HikariCP pool", e);
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(app.getJdbcUrl());
        pool.setUsername(app.getUsername());
        pool.setPassword(app.getPassword());
        if (app.getDriverClassName() != null) pool.setDriverClassName(app.getDriverClassName());
        pool.setDataSourceProperties(app.getDataSourceProperties());
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(0);
        pool.setPoolName(POOL_NAME);
        return pool;
    }

    @PreDestroy
    void close() {
        writerPool.close();
    }

    @Override
    public void record(AuditAction action, Long personId, Long enrolmentId, String subject, String reason) {
        write(action, personId, enrolmentId, null, subject, reason);
    }

    @Override
    public void shown(AuditAction action, Collection<Long> personIds, String subject, String reason) {
        write(action, null, null, List.copyOf(new LinkedHashSet<>(personIds)), subject, reason);
    }

    private void write(AuditAction action, Long personId, Long enrolmentId, List<Long> personIds, String subject, String reason) {
        String actor = CurrentUser.username();
        String route = currentRoute();
        writeTx.executeWithoutResult(s -> append(writer, key, clock, actor, route, action, personId, enrolmentId, personIds, subject, reason));
    }

    /**
     * Appends one entry to the chain in the caller's transaction (which must commit it): takes the chain's lock, links
     * the entry to the last one and signs it with the key. Also used by the command line ({@link CommandLineAudit}).
     */
    static void append(JdbcClient writer, AuditKey key, Clock clock, String actor, String route, AuditAction action, Long personId,
                       Long enrolmentId, List<Long> personIds, String subject, String reason) {
        writer.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query(Object.class).single();
        // the last entry's hash; after a prune that removed every entry, the anchor's (ADR 0020)
        var next = writer.sql("""
                select coalesce((select hash from aud_event order by id desc limit 1),
                                (select last_hash from aud_anchor order by last_id desc limit 1)),
                       nextval('aud_event_seq')""")
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getLong(2)}).single();
        String prev = next[0] == null ? AuditHash.GENESIS : (String) next[0];
        long id = (Long) next[1];
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String hash = AuditHash.hmac(key::mac, id, at, actor, action, personId, enrolmentId, personIds, subject, route, reason, prev);
        writer.sql("""
                insert into aud_event (id, occurred_at, actor, action, person_id, enrolment_id, person_ids, subject, route, reason,
                                       prev_hash, hash, hash_alg)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, Timestamp.from(at), actor, action.name(), personId, enrolmentId,
                        personIds == null ? null : personIds.toArray(Long[]::new), subject, route, reason, prev, hash, AuditHash.HMAC)
                .update();
    }

    static String currentRoute() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest req = attrs.getRequest();
            return req.getMethod() + " " + req.getRequestURI();
        }
        return null;
    }

    static AuditEntry entry(ResultSet rs, int i) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")), (Long) rs.getObject("person_id"),
                (Long) rs.getObject("enrolment_id"), personIds(rs.getArray("person_ids")), rs.getString("subject"),
                rs.getString("route"), rs.getString("reason"), rs.getString("prev_hash"), rs.getString("hash"), rs.getString("hash_alg"));
    }

    private static List<Long> personIds(Array a) throws SQLException {
        return a == null ? null : List.of((Long[]) a.getArray());
    }

    /** Filters of the viewer; null = any. {@code to} is inclusive (whole day). */
    /** {@code personIds}, when not null, keeps the entries about any of these persons (none when empty): a person found by name or CPR. */
    public record Filter(Long personId, String actor, AuditAction action, LocalDate from, LocalDate to, List<Long> personIds) {
        public Filter(Long personId, String actor, AuditAction action, LocalDate from, LocalDate to) {
            this(personId, actor, action, from, to, null);
        }
    }

    public record Page(List<AuditEntry> entries, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public Page search(Filter f, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        long total = jdbc.sql("select count(*) from aud_event" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<AuditEntry> rows = jdbc.sql("select * from aud_event" + where + " order by id desc limit ? offset ?")
                .params(pageParams).query(JdbcAuditLog::entry).list();
        return new Page(rows, total, page, size);
    }

    /** Every entry the filter keeps, newest first, up to {@code max} (the CSV export). */
    public List<AuditEntry> all(Filter f, int max) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        params.add(max);
        return jdbc.sql("select * from aud_event" + where + " order by id desc limit ?").params(params).query(JdbcAuditLog::entry).list();
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (f.personId() != null) {
            // the entries about the person and the searches and lists that showed them
            where.append(" and (person_id = ? or person_ids @> array[?::bigint])");
            params.add(f.personId());
            params.add(f.personId());
        }
        if (f.personIds() != null) {
            Long[] ids = f.personIds().toArray(Long[]::new);
            where.append(" and (person_id = any(?) or person_ids && ?::bigint[])");
            params.add(ids);
            params.add(ids);
        }
        if (f.actor() != null && !f.actor().isBlank()) { where.append(" and actor = ?"); params.add(f.actor().trim()); }
        if (f.action() != null) { where.append(" and action = ?"); params.add(f.action().name()); }
        if (f.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(Timestamp.from(f.from().atStartOfDay(dk.vendepunkt.platform.Zones.ZONE).toInstant()));
        }
        if (f.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(Timestamp.from(f.to().plusDays(1).atStartOfDay(dk.vendepunkt.platform.Zones.ZONE).toInstant()));
        }
        return where.toString();
    }

    /**
     * Walks the whole chain in id order, from its start or from the latest anchor of a pruned log (ADR 0020), and
     * reports the first entry whose link or content does not check out; then compares the table with the latest
     * checkpoint, which reveals a deleted tail, an emptied table and a chain rewritten with recomputed hashes.
     */
    public ChainVerification verify() {
        return verify(checkpoints.read());
    }

    ChainVerification verify(AuditCheckpoints.Stored stored) {
        Checkpoint cp = stored.checkpoint();
        return readTx.execute(s -> {
            AuditAnchors.Stored start = anchors.read();
            if (start.forged()) return new ChainVerification(false, 0, null, "audit.verify.anchorForged", null, cp, null, null);
            Anchor anchor = start.latest();
            String prev = start.startHash();
            long lastId = start.startAfter();
            long checked = 0;
            boolean keyed = false;
            String hashAtCheckpoint = null;
            long countToCheckpoint = start.position();
            while (true) {
                List<AuditEntry> batch = jdbc.sql("select * from aud_event where id > ? order by id limit 5000")
                        .param(lastId).query(JdbcAuditLog::entry).list();
                if (batch.isEmpty()) break;
                for (AuditEntry e : batch) {
                    Long last = checked == 0 ? null : lastId;
                    if (!e.prevHash().equals(prev)) {
                        return new ChainVerification(false, checked, e.id(), "audit.verify.linkBroken", last, cp, null, anchor);
                    }
                    if (keyed && !AuditHash.HMAC.equals(e.hashAlg())) {
                        return new ChainVerification(false, checked, e.id(), "audit.verify.unkeyed", last, cp, null, anchor);
                    }
                    if (!e.hash().equals(AuditHash.of(e, key::mac))) {
                        return new ChainVerification(false, checked, e.id(), "audit.verify.contentChanged", last, cp, null, anchor);
                    }
                    keyed = AuditHash.HMAC.equals(e.hashAlg());
                    prev = e.hash();
                    lastId = e.id();
                    checked++;
                    if (cp != null && e.id() <= cp.lastId()) {
                        countToCheckpoint++;
                        if (e.id() == cp.lastId()) hashAtCheckpoint = e.hash();
                    }
                }
            }
            Long last = checked == 0 ? null : lastId;
            if (stored.forged()) return new ChainVerification(false, checked, null, "audit.verify.checkpointForged", last, null, null, anchor);
            if (cp == null || cp.count() == 0) return new ChainVerification(true, checked, null, null, last, cp, null, anchor);
            Boolean beforeAnchor = start.covers(cp);
            if (beforeAnchor != null) {
                return new ChainVerification(beforeAnchor, checked, null, beforeAnchor ? null : "audit.verify.checkpointDiverged", last, cp, null, anchor);
            }
            long total = start.position() + checked;
            if (checked == 0) return new ChainVerification(false, 0, null, "audit.verify.emptied", null, cp, cp.count() - start.position(), anchor);
            if (lastId < cp.lastId()) {
                return new ChainVerification(false, checked, null, "audit.verify.tailMissing", last, cp, cp.count() - total, anchor);
            }
            if (!cp.hash().equals(hashAtCheckpoint) || countToCheckpoint != cp.count()) {
                return new ChainVerification(false, checked, null, "audit.verify.checkpointDiverged", last, cp,
                        countToCheckpoint < cp.count() ? cp.count() - countToCheckpoint : null, anchor);
            }
            return new ChainVerification(true, checked, null, null, last, cp, null, anchor);
        });
    }
}
