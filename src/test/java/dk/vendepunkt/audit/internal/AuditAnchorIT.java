package dk.vendepunkt.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.internal.ChainVerification.Checkpoint;
import dk.vendepunkt.platform.VendepunktProperties;
import dk.vendepunkt.support.Browser;
import dk.vendepunkt.support.DatabaseSuperuser;
import dk.vendepunkt.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chain's anchors: the keyed hash and the checkpoint outside the database. The attacker is a database
 * superuser who bypasses the append-only triggers ({@code session_replication_role = replica}); after each
 * attack the log is verified and then restored from a copy, for the other tests sharing this database.
 */
@IntegrationTest
class AuditAnchorIT {

    @LocalServerPort int port;
    @Autowired AuditLog audit;
    @Autowired JdbcAuditLog log;
    @Autowired AuditCheckpoints checkpoints;
    @Autowired AuditKey key;
    @Autowired JdbcClient jdbc;
    @Autowired DatabaseSuperuser superuser;
    @Autowired VendepunktProperties props;
    @Autowired MessageSource messages;

    private String danish(ChainVerification v) {
        return messages.getMessage(v.problem(), v.args(), Locale.forLanguageTag("da"));
    }

    /**
     * Tampers as the database superuser past the triggers (the application's own role may not), looks at what the
     * attacker left with {@code whileTampered}, and then puts the log back as it was (from a copy taken first),
     * for the other tests sharing this database.
     */
    private <T> T attacked(Consumer<JdbcClient> attack, Supplier<T> whileTampered) {
        superuser.bypassingTriggers(su -> su.sql("create table aud_event_saved as select * from aud_event").update());
        try {
            superuser.bypassingTriggers(attack);
            return whileTampered.get();
        } finally {
            superuser.bypassingTriggers(su -> {
                su.sql("delete from aud_event").update();
                su.sql("insert into aud_event select * from aud_event_saved").update();
                su.sql("drop table aud_event_saved").update();
            });
        }
    }

    private ChainVerification attacked(Consumer<JdbcClient> attack) {
        return attacked(attack, log::verify);
    }

    private long idOf(long personId) {
        return jdbc.sql("select id from aud_event where person_id = ?").param(personId).query(Long.class).single();
    }

    @Test
    void aDeletedTailIsReportedWithWhatIsMissing() {
        for (int i = 0; i < 5; i++) audit.record(AuditAction.READ, 910_000L + i, null, "anchor test", null);
        Checkpoint cp = checkpoints.write(true).orElseThrow();
        long third = idOf(910_002L);
        assertThat(cp.lastId()).isEqualTo(idOf(910_004L));
        ChainVerification before = log.verify();
        assertThat(before.intact()).isTrue();
        assertThat(before.checkpoint()).isEqualTo(cp);

        ChainVerification v = attacked(db -> db.sql("delete from aud_event where id > ?").param(third).update());
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).isEqualTo("audit.verify.tailMissing");
        assertThat(v.lastId()).isEqualTo(third);
        assertThat(v.missing()).isEqualTo(2);
        assertThat(v.firstBrokenId()).isNull();
        assertThat(danish(v)).isEqualTo("Tabellen slutter før det seneste kontrolpunkt: 2 hændelser mangler efter hændelse " + third
                + " (kontrolpunktet slutter ved hændelse " + cp.lastId() + ").");

        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void truncateIsRefusedAndAnEmptiedTableIsReported() {
        audit.record(AuditAction.READ, 911_000L, null, "anchor test", null);
        Checkpoint cp = checkpoints.write(true).orElseThrow();
        assertThat(cp.count()).isPositive();

        // the application's role may not truncate; a superuser who does not bypass the triggers meets the trigger
        assertThatThrownBy(() -> jdbc.sql("truncate aud_event").update())
                .satisfies(e -> assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("permission denied"));
        assertThatThrownBy(() -> {
            try (var c = superuser.connect(); var st = c.createStatement()) {
                st.execute("truncate aud_event");
            }
        }).hasMessageContaining("append-only");

        ChainVerification v = attacked(db -> db.sql("truncate aud_event").update(), () -> {
            // the checkpoint writer does not overwrite the evidence with the emptied table
            assertThat(checkpoints.write(true)).isEmpty();
            return log.verify();
        });
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).isEqualTo("audit.verify.emptied");
        assertThat(v.checked()).isZero();
        assertThat(v.missing()).isEqualTo(cp.count());
        assertThat(checkpoints.read().checkpoint()).isEqualTo(cp);
        assertThat(danish(v)).startsWith("Tabellen er tømt");

        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aChainRewrittenWithRecomputedPlainHashesDoesNotMatchTheCheckpoint() {
        for (int i = 0; i < 3; i++) audit.record(AuditAction.READ, 912_000L + i, null, "anchor test", null);
        checkpoints.write(true).orElseThrow();

        ChainVerification v = attacked(db -> {
            // the attacker changes one entry and recomputes every hash the old way (no key needed)
            List<AuditEntry> all = db.sql("select * from aud_event order by id").query(JdbcAuditLog::entry).list();
            String prev = AuditHash.GENESIS;
            for (AuditEntry e : all) {
                String actor = Long.valueOf(912_001L).equals(e.personId()) ? "mallory" : e.actor();
                String h = AuditHash.sha256(e.id(), e.occurredAt(), actor, e.action(), e.personId(), e.enrolmentId(), e.subject(),
                        e.route(), e.reason(), prev);
                db.sql("update aud_event set actor = ?, person_ids = null, hash_alg = 'sha256', prev_hash = ?, hash = ? where id = ?")
                        .params(actor, prev, h, e.id()).update();
                prev = h;
            }
        });
        assertThat(v.intact()).isFalse();
        assertThat(v.problem()).isEqualTo("audit.verify.checkpointDiverged");
        assertThat(v.firstBrokenId()).isNull(); // the rewritten chain itself links up: only the anchor reveals it

        // rewriting only the entries after the checkpoint the same way is caught by the key
        audit.record(AuditAction.READ, 912_010L, null, "anchor test", null);
        long late = idOf(912_010L);
        ChainVerification tail = attacked(db -> {
            AuditEntry e = db.sql("select * from aud_event where id = ?").param(late).query(JdbcAuditLog::entry).single();
            String h = AuditHash.sha256(e.id(), e.occurredAt(), "mallory", e.action(), e.personId(), e.enrolmentId(), e.subject(),
                    e.route(), e.reason(), e.prevHash());
            db.sql("update aud_event set actor = 'mallory', hash = ? where id = ?").params(h, late).update();
        });
        assertThat(tail.firstBrokenId()).isEqualTo(late);
        assertThat(tail.problem()).isEqualTo("audit.verify.contentChanged");

        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aForgedCheckpointIsReported() throws Exception {
        audit.record(AuditAction.READ, 913_000L, null, "anchor test", null);
        checkpoints.write(true).orElseThrow();
        Path file = props.dataDir().resolve("audit-checkpoint.json");
        String original = Files.readString(file);
        assertThat(original).contains("\"signature\"");
        try {
            Files.writeString(file, original.replaceFirst("\"count\":(\\d+)", "\"count\":1$1"));
            ChainVerification v = log.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problem()).isEqualTo("audit.verify.checkpointForged");
            assertThat(v.checkpoint()).isNull();
            assertThat(danish(v)).contains("ikke en gyldig signatur");
            // the administrator's verify page says so
            try (Browser b = new Browser(port)) {
                b.login("admin", "test-admin-password");
                b.open("/admin/audit/verify");
                assertThat(b.text()).contains("Kontrolpunktet (audit-checkpoint.json i datamappen) har ikke en gyldig signatur")
                        .doesNotContain("Kæden er intakt");
            }
            // the writer keeps the forged file as evidence instead of replacing it
            assertThat(checkpoints.write(true)).isEmpty();
        } finally {
            Files.writeString(file, original);
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void entriesHashedBeforeTheKeyedChainStillVerifyButNotAfterAKeyedOne() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // two entries as the code before the keyed chain wrote them, then one written today
        String h1 = insert(null, 1, at, AuditHash.SHA256, AuditHash.GENESIS, null);
        String h2 = insert(null, 2, at, AuditHash.SHA256, h1, null);
        String h3 = insert(null, 3, at, AuditHash.HMAC, h2, List.of(7L, 8L));
        ChainVerification mixed = attacked(db -> {
            db.sql("truncate aud_event").update();
            insert(db, 1, at, AuditHash.SHA256, AuditHash.GENESIS, null);
            insert(db, 2, at, AuditHash.SHA256, h1, null);
            insert(db, 3, at, AuditHash.HMAC, h2, List.of(7L, 8L));
        }, () -> log.verify(AuditCheckpoints.Stored.NONE));
        ChainVerification downgraded = attacked(db -> {
            db.sql("truncate aud_event").update();
            insert(db, 1, at, AuditHash.SHA256, AuditHash.GENESIS, null);
            insert(db, 2, at, AuditHash.SHA256, h1, null);
            insert(db, 3, at, AuditHash.HMAC, h2, List.of(7L, 8L));
            insert(db, 4, at, AuditHash.SHA256, h3, null);
        }, () -> log.verify(AuditCheckpoints.Stored.NONE));
        List<ChainVerification> results = List.of(mixed, downgraded);
        assertThat(results.get(0).intact()).isTrue();
        assertThat(results.get(0).checked()).isEqualTo(3);
        assertThat(results.get(1).intact()).isFalse();
        assertThat(results.get(1).firstBrokenId()).isEqualTo(4);
        assertThat(results.get(1).problem()).isEqualTo("audit.verify.unkeyed");
    }

    /** The hash of a made-up entry; with {@code db}, the entry is also inserted there. */
    private String insert(JdbcClient db, long id, Instant at, String alg, String prev, List<Long> personIds) {
        String hash = AuditHash.SHA256.equals(alg)
                ? AuditHash.sha256(id, at, "old", AuditAction.READ, 5L, null, "person", null, null, prev)
                : AuditHash.hmac(key::mac, id, at, "old", AuditAction.READ, 5L, null, personIds, "person", null, null, prev);
        if (db == null) return hash;
        db.sql("insert into aud_event (id, occurred_at, actor, action, person_id, person_ids, subject, prev_hash, hash, hash_alg) "
                        + "values (?, ?, 'old', 'READ', 5, ?, 'person', ?, ?, ?)")
                .params(id, Timestamp.from(at), personIds == null ? null : personIds.toArray(Long[]::new), prev, hash, alg).update();
        return hash;
    }
}
