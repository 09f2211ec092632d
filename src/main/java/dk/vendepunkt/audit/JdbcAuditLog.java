package dk.vendepunkt.audit;

import dk.vendepunkt.organisation.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The audit log on PostgreSQL: inserts serialised by an advisory lock so the chain has one order. */
@Service
class JdbcAuditLog implements AuditLog {

    private static final long CHAIN_LOCK = 0x5645_4e44_4155_4449L; // "VENDAUDI"

    private final JdbcClient jdbc;
    private final TransactionTemplate newTx;
    private final TransactionTemplate readTx;

    JdbcAuditLog(JdbcClient jdbc, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.newTx = new TransactionTemplate(tm);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readTx = new TransactionTemplate(tm);
        this.readTx.setReadOnly(true);
    }

    @Override
    public void record(AuditAction action, Long personId, Long enrolmentId, String subject, String reason) {
        String actor = CurrentUser.username();
        String route = currentRoute();
        newTx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query(Object.class).single();
            String prev = jdbc.sql("select hash from aud_event order by id desc limit 1").query(String.class)
                    .optional().orElse(AuditHash.GENESIS);
            long id = jdbc.sql("select nextval('aud_event_seq')").query(Long.class).single();
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String hash = AuditHash.of(id, at, actor, action, personId, enrolmentId, subject, route, reason, prev);
            jdbc.sql("""
                    insert into aud_event (id, occurred_at, actor, action, person_id, enrolment_id, subject, route, reason, prev_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, Timestamp.from(at), actor, action.name(), personId, enrolmentId, subject, route, reason, prev, hash)
                    .update();
        });
    }

    static String currentRoute() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest req = attrs.getRequest();
            return req.getMethod() + " " + req.getRequestURI();
        }
        return null;
    }

    private static AuditEntry entry(ResultSet rs, int i) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                AuditAction.valueOf(rs.getString("action")), (Long) rs.getObject("person_id"),
                (Long) rs.getObject("enrolment_id"), rs.getString("subject"), rs.getString("route"),
                rs.getString("reason"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    /** Filters of the viewer; null = any. {@code to} is inclusive (whole day). */
    record Filter(Long personId, String actor, AuditAction action, LocalDate from, LocalDate to) {}

    record Page(List<AuditEntry> entries, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    Page search(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (f.personId() != null) { where.append(" and person_id = ?"); params.add(f.personId()); }
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
        long total = jdbc.sql("select count(*) from aud_event" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<AuditEntry> rows = jdbc.sql("select * from aud_event" + where + " order by id desc limit ? offset ?")
                .params(pageParams).query(JdbcAuditLog::entry).list();
        return new Page(rows, total, page, size);
    }

    /** Walks the whole chain in id order and reports the first entry whose link or content does not check out. */
    ChainVerification verify() {
        return readTx.execute(s -> {
            String prev = AuditHash.GENESIS;
            long lastId = Long.MIN_VALUE;
            long checked = 0;
            while (true) {
                List<AuditEntry> batch = jdbc.sql("select * from aud_event where id > ? order by id limit 5000")
                        .param(lastId).query(JdbcAuditLog::entry).list();
                if (batch.isEmpty()) return new ChainVerification(true, checked, null, null);
                for (AuditEntry e : batch) {
                    if (!e.prevHash().equals(prev)) {
                        return new ChainVerification(false, checked, e.id(), "audit.verify.linkBroken");
                    }
                    if (!AuditHash.of(e).equals(e.hash())) {
                        return new ChainVerification(false, checked, e.id(), "audit.verify.contentChanged");
                    }
                    prev = e.hash();
                    lastId = e.id();
                    checked++;
                }
            }
        });
    }
}
