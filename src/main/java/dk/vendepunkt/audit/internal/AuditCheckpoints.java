package dk.vendepunkt.audit.internal;

import dk.vendepunkt.audit.internal.ChainVerification.Checkpoint;
import dk.vendepunkt.platform.DatabaseMode;
import dk.vendepunkt.platform.VendepunktProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The head of the chain (last id, number of entries up to it, its hash) anchored outside the database:
 * written to {@code <data-dir>/audit-checkpoint.json}, signed with the audit key, every
 * {@code vendepunkt.audit-checkpoint-interval} (default 60 000 ms) when the head has moved, at start and at shutdown, and logged
 * as {@code AUDIT CHECKPOINT id=… count=… hash=…} for the operator to ship elsewhere. A new checkpoint is only
 * written when the table still contains the previous one; otherwise the evidence is kept and an error logged.
 */
@Component
class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Files of a wiped test database already discarded in this JVM. */
    private static final Set<Path> DISCARDED = ConcurrentHashMap.newKeySet();

    /** The file's content. */
    record Signed(long lastId, long count, String hash, String at, String signature) {}

    /** What the data dir holds: nothing yet, a checkpoint with a valid signature, or a forged one. */
    record Stored(Checkpoint checkpoint, boolean forged) {
        static final Stored NONE = new Stored(null, false);
    }

    private final Path file;
    private final AuditKey key;
    private final AuditAnchors anchors;
    private final JdbcClient jdbc;
    private final TransactionTemplate snapshot;
    private final Object lock = new Object();
    private final Clock clock;

    AuditCheckpoints(VendepunktProperties props, DatabaseMode mode, AuditKey key, AuditAnchors anchors, JdbcClient jdbc,
                     PlatformTransactionManager tm, Clock clock) {
        this.clock = clock;
        this.anchors = anchors;
        this.file = props.dataDir().resolve("audit-checkpoint.json").toAbsolutePath().normalize();
        this.key = key;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(tm);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        if (mode.embedded() && props.embeddedDb().clean() && DISCARDED.add(file)) {
            // the embedded database of this data dir was wiped at start (tests): its old checkpoint means nothing
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The latest checkpoint in the data dir. */
    Stored read() {
        if (!Files.exists(file)) return Stored.NONE;
        try {
            Signed s = JSON.readValue(file.toFile(), Signed.class);
            String expected = key.mac(signed(s.lastId(), s.count(), s.hash(), s.at()));
            boolean valid = s.signature() != null && s.hash() != null && s.at() != null
                    && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), s.signature().getBytes(StandardCharsets.US_ASCII));
            return valid ? new Stored(new Checkpoint(s.lastId(), s.count(), s.hash(), Instant.parse(s.at())), false) : new Stored(null, true);
        } catch (RuntimeException e) {
            return new Stored(null, true); // unreadable counts as forged: it is not a checkpoint this application wrote
        }
    }

    /** At start: anchors the head at once, and reports tampering done while the application was down. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        write(false);
    }

    @Scheduled(fixedDelayString = "${vendepunkt.audit-checkpoint-interval:60000}",
            initialDelayString = "${vendepunkt.audit-checkpoint-interval:60000}")
    void scheduled() {
        write(false);
    }

    @PreDestroy
    void atShutdown() {
        write(true);
    }

    /**
     * Writes the current head when it has moved (or always when {@code force}) and the table still contains the
     * previous checkpoint. Returns the checkpoint now in force, empty when the previous one could not be confirmed.
     */
    Optional<Checkpoint> write(boolean force) {
        synchronized (lock) {
            Stored previous = read();
            if (previous.forged()) {
                log.error("AUDIT CHECKPOINT not written: {} does not carry a valid signature (forged or written with another key)", file);
                return Optional.empty();
            }
            Checkpoint prev = previous.checkpoint();
            Checkpoint head = snapshot.execute(s -> {
                // after a prune (ADR 0020) the chain starts at the latest anchor: counts include the entries before it
                AuditAnchors.Stored start = anchors.read();
                if (start.forged()) return null;
                if (prev != null && prev.count() > 0) {
                    Boolean beforeAnchor = start.covers(prev);
                    if (beforeAnchor != null) {
                        if (!beforeAnchor) return null;
                    } else {
                        String hashAtPrev = jdbc.sql("select hash from aud_event where id = ?").param(prev.lastId()).query(String.class).optional().orElse(null);
                        long countToPrev = start.position()
                                + jdbc.sql("select count(*) from aud_event where id <= ?").param(prev.lastId()).query(Long.class).single();
                        if (!prev.hash().equals(hashAtPrev) || countToPrev != prev.count()) return null;
                    }
                }
                Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
                return jdbc.sql("select id, hash, (select count(*) from aud_event) from aud_event order by id desc limit 1")
                        .query((rs, i) -> new Checkpoint(rs.getLong(1), start.position() + rs.getLong(3), rs.getString(2), now))
                        .optional().orElseGet(() -> start.latest() == null ? new Checkpoint(0, 0, AuditHash.GENESIS, now)
                                : new Checkpoint(start.latest().lastId(), start.position(), start.latest().lastHash(), now));
            });
            if (head == null) {
                if (prev == null) {
                    log.error("AUDIT CHECKPOINT not written: an anchor of the pruned audit log (aud_anchor) does not carry a valid signature");
                } else {
                    log.error("AUDIT CHECKPOINT not written: the audit table no longer contains the last checkpoint (id={} count={} hash={}) "
                            + "or an anchor (aud_anchor) is forged; entries were removed or rewritten", prev.lastId(), prev.count(), prev.hash());
                }
                return Optional.empty();
            }
            if (!force && prev != null && prev.lastId() == head.lastId() && prev.count() == head.count()) return Optional.of(prev);
            String at = head.at().toString();
            Signed s = new Signed(head.lastId(), head.count(), head.hash(), at, key.mac(signed(head.lastId(), head.count(), head.hash(), at)));
            try {
                Files.createDirectories(file.getParent());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                JSON.writeValue(tmp.toFile(), s);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            log.info("AUDIT CHECKPOINT id={} count={} hash={} at={} signature={}", s.lastId(), s.count(), s.hash(), s.at(), s.signature());
            return Optional.of(head);
        }
    }

    private static String signed(long lastId, long count, String hash, String at) {
        return "audit-checkpoint\u001f" + lastId + "\u001f" + count + "\u001f" + hash + "\u001f" + at;
    }
}
