package dk.vendepunkt.audit.internal;

import dk.vendepunkt.audit.internal.ChainVerification.Anchor;
import dk.vendepunkt.audit.internal.ChainVerification.Checkpoint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The anchors of the pruned log ({@code aud_anchor}, ADR 0020): where each prune cut the chain, signed with the
 * audit key. Verification starts from the latest one; any anchor whose signature does not check out makes the log
 * unverifiable (it is forged, or written with another key).
 */
@Component
class AuditAnchors {

    /** What the table holds: no anchor yet (the chain starts at its genesis), the latest valid one, or a forged one. */
    record Stored(Anchor latest, boolean forged) {
        static final Stored NONE = new Stored(null, false);

        /** The hash the first kept entry links to. */
        String startHash() {
            return latest == null ? AuditHash.GENESIS : latest.lastHash();
        }

        /** The id after which the kept entries start. */
        long startAfter() {
            return latest == null ? Long.MIN_VALUE : latest.lastId();
        }

        /** Entries the chain had up to the anchor (0 without one). */
        long position() {
            return latest == null ? 0 : latest.position();
        }

        /**
         * Whether a checkpoint at or before the anchor is consistent with it (the anchor's own entry: same hash and
         * count; an earlier one: fewer entries than the anchor's position), or null when the checkpoint lies after the
         * anchor and only the kept entries can tell.
         */
        Boolean covers(Checkpoint cp) {
            if (latest == null || cp.lastId() > latest.lastId()) return null;
            return cp.lastId() == latest.lastId()
                    ? cp.hash().equals(latest.lastHash()) && cp.count() == latest.position()
                    : cp.count() < latest.position();
        }
    }

    private final JdbcClient jdbc;
    private final AuditKey key;

    AuditAnchors(JdbcClient jdbc, AuditKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    /** Every anchor checked against its signature, on the caller's connection/transaction. */
    Stored read(JdbcClient db) {
        List<Signed> all = db.sql("select * from aud_anchor order by last_id").query(AuditAnchors::signed).list();
        if (all.isEmpty()) return Stored.NONE;
        for (Signed s : all) {
            if (!MessageDigest.isEqual(sign(s.anchor()).getBytes(StandardCharsets.US_ASCII), s.signature().getBytes(StandardCharsets.US_ASCII))) {
                return new Stored(null, true);
            }
        }
        return new Stored(all.get(all.size() - 1).anchor(), false);
    }

    Stored read() {
        return read(jdbc);
    }

    /** The HMAC over every field of the anchor. */
    String sign(Anchor a) {
        return key.mac(String.join("\u001f", "audit-anchor", Long.toString(a.lastId()), Long.toString(a.position()), a.lastHash(),
                micros(a.lastOccurredAt()), micros(a.cutoff()), Long.toString(a.pruned()), micros(a.createdAt())));
    }

    private static String micros(Instant at) {
        return at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000);
    }

    private record Signed(Anchor anchor, String signature) {}

    private static Signed signed(ResultSet rs, int i) throws SQLException {
        return new Signed(new Anchor(rs.getLong("last_id"), rs.getLong("position"), rs.getString("last_hash"),
                rs.getTimestamp("last_occurred_at").toInstant(), rs.getTimestamp("cutoff").toInstant(), rs.getLong("pruned"),
                rs.getTimestamp("created_at").toInstant()), rs.getString("signature"));
    }
}
