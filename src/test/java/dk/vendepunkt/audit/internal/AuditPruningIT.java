package dk.vendepunkt.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditRetention;
import dk.vendepunkt.platform.VendepunktProperties;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.support.DatabaseSuperuser;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Retention of the audit log (ADR 0020): the start of the chain older than the period is pruned under a signed
 * anchor, verification continues from it, and tampering with a kept entry or with the anchor is still detected.
 * Pruning reaches every entry of this shared database written before the test, so the log, its anchors and the
 * checkpoint file are saved first and put back afterwards (as the superuser past the triggers), like AuditAnchorIT.
 */
@IntegrationTest
class AuditPruningIT {

    @Autowired AuditLog audit;
    @Autowired AuditRetention retention;
    @Autowired JdbcAuditLog log;
    @Autowired AuditCheckpoints checkpoints;
    @Autowired JdbcClient jdbc;
    @Autowired DatabaseSuperuser superuser;
    @Autowired VendepunktProperties props;
    @Autowired TestClock clock;
    @Autowired MessageSource messages;

    private Path checkpointFile;
    private String savedCheckpoint;

    @BeforeEach
    void save() throws Exception {
        checkpoints.write(true).orElseThrow();
        checkpointFile = props.dataDir().resolve("audit-checkpoint.json");
        savedCheckpoint = Files.readString(checkpointFile);
        superuser.bypassingTriggers(su -> su.sql("create table aud_event_pruning_saved as select * from aud_event").update());
    }

    @AfterEach
    void restore() throws Exception {
        clock.reset();
        superuser.bypassingTriggers(su -> {
            su.sql("delete from aud_anchor").update();
            su.sql("delete from aud_event").update();
            su.sql("insert into aud_event select * from aud_event_pruning_saved").update();
            su.sql("drop table aud_event_pruning_saved").update();
        });
        Files.writeString(checkpointFile, savedCheckpoint);
        assertThat(log.verify().intact()).isTrue();
    }

    private long idOf(long personId) {
        return jdbc.sql("select id from aud_event where person_id = ?").param(personId).query(Long.class).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** Old entries, then (a second later) kept ones; the cutoff lies between them. */
    private Instant writeOldAndKept() {
        for (int i = 0; i < 3; i++) audit.record(AuditAction.READ, 930_000L + i, null, "prune test", "gammel");
        Instant cutoff = Instant.now(clock).plusMillis(500).truncatedTo(ChronoUnit.MICROS);
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) audit.record(AuditAction.READ, 931_000L + i, null, "prune test", "bevares");
        return cutoff;
    }

    @Test
    void thePrunedLogVerifiesFromItsAnchorAndStillCatchesTampering() {
        Instant cutoff = writeOldAndKept();
        long lastOld = idOf(930_002L);
        long firstKept = idOf(931_000L);
        long due = count("select count(*) from aud_event where id <= ?", lastOld);
        long before = count("select count(*) from aud_event");
        assertThat(retention.dueBefore(cutoff)).isEqualTo(due);

        // ten years on (the AUDIT period) the job prunes: exactly the entries before the cutoff
        clock.setTo(cutoff.atZone(Zones.ZONE).plus(Period.ofYears(10)).plusDays(1).toInstant());
        assertThat(retention.pruneBefore(cutoff)).isEqualTo(due);
        assertThat(count("select count(*) from aud_event where id <= ?", lastOld)).isZero();
        assertThat(count("select count(*) from aud_event where person_id between 931000 and 931002")).isEqualTo(3);
        assertThat(retention.dueBefore(cutoff)).isZero();

        // the anchor: the last pruned entry, its position in the chain, and the prune is itself audited
        var anchor = jdbc.sql("select last_id, position, pruned from aud_anchor").query().singleRow();
        assertThat(anchor.get("last_id")).isEqualTo(lastOld);
        assertThat(anchor.get("pruned")).isEqualTo(due);
        var entry = jdbc.sql("select action, subject, reason, occurred_at from aud_event where subject = 'sletning AUDIT' order by id desc limit 1")
                .query().singleRow();
        assertThat(entry.get("action")).isEqualTo("DELETE");
        assertThat((String) entry.get("reason")).startsWith(due + " hændelser før " + dk.vendepunkt.platform.DanishDates.format(
                cutoff.atZone(Zones.ZONE).toLocalDate()) + " slettet; kæden fortsætter fra ankeret ved hændelse " + lastOld);
        assertThat(((java.sql.Timestamp) entry.get("occurred_at")).toInstant().atZone(Zones.ZONE).getYear())
                .isEqualTo(LocalDate.now(clock).getYear());

        // verification continues from the anchor, and the checkpoint written after the prune counts the whole chain
        ChainVerification v = log.verify();
        assertThat(v.intact()).as(String.valueOf(v.problem())).isTrue();
        assertThat(v.anchor().lastId()).isEqualTo(lastOld);
        assertThat(v.checked()).isEqualTo(before - due + 1);
        assertThat(v.checkpoint().count()).isEqualTo(before + 1);
        assertThat(messages.getMessage("audit.verify.anchor", new Object[] {v.anchor().lastId(), v.anchor().position(), v.anchor().pruned(), "x"},
                Locale.forLanguageTag("da"))).contains("ankeret ved hændelse " + lastOld);
        // new entries link on
        audit.record(AuditAction.READ, 931_010L, null, "prune test", "ny");
        assertThat(log.verify().intact()).isTrue();

        // the application's own role still may not delete entries, nor write or change anchors
        for (String sql : new String[] {"delete from aud_event where id = " + firstKept, "update aud_anchor set position = 1",
                "insert into aud_anchor select * from aud_anchor"}) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
                    .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage()).contains("permission denied"));
        }

        // a kept entry changed: caught by its hash
        tampered(db -> db.sql("update aud_event set actor = 'mallory' where id = ?").param(firstKept).update(), () -> {
            ChainVerification t = log.verify();
            assertThat(t.problem()).isEqualTo("audit.verify.contentChanged");
            assertThat(t.firstBrokenId()).isEqualTo(firstKept);
        });
        // the first kept entry deleted: the next one no longer links to the anchor's chain
        long secondKept = idOf(931_001L);
        tampered(db -> db.sql("delete from aud_event where id = ?").param(firstKept).update(), () -> {
            ChainVerification t = log.verify();
            assertThat(t.problem()).isEqualTo("audit.verify.linkBroken");
            assertThat(t.firstBrokenId()).isEqualTo(secondKept);
        });
        // the anchor changed to hide more: its signature no longer checks out
        tampered(db -> {
            db.sql("update aud_anchor set last_id = ?, pruned = pruned + 1, position = position + 1").param(firstKept).update();
            db.sql("delete from aud_event where id = ?").param(firstKept).update();
        }, () -> {
            ChainVerification t = log.verify();
            assertThat(t.intact()).isFalse();
            assertThat(t.problem()).isEqualTo("audit.verify.anchorForged");
            assertThat(messages.getMessage(t.problem(), t.args(), Locale.forLanguageTag("da"))).contains("ikke en gyldig signatur");
            // and the checkpoint writer keeps the evidence
            assertThat(checkpoints.write(true)).isEmpty();
        });
        // a forged anchor added to cut more of the log, with a made-up signature
        tampered(db -> {
            db.sql("""
                    insert into aud_anchor (last_id, position, last_hash, last_occurred_at, cutoff, pruned, created_at, signature)
                    select id, ? + 1, hash, occurred_at, occurred_at, 1, now(), repeat('0', 64) from aud_event where id = ?""")
                    .params(((Number) anchor.get("position")).longValue(), firstKept).update();
            db.sql("delete from aud_event where id = ?").param(firstKept).update();
        }, () -> assertThat(log.verify().problem()).isEqualTo("audit.verify.anchorForged"));
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aBrokenChainIsNotPruned() {
        Instant cutoff = writeOldAndKept();
        long victim = idOf(930_001L);
        superuser.bypassingTriggers(db -> db.sql("update aud_event set actor = 'mallory' where id = ?").param(victim).update());
        assertThat(retention.pruneBefore(cutoff)).isZero();
        assertThat(count("select count(*) from aud_anchor")).isZero();
        assertThat(count("select count(*) from aud_event where id = ?", victim)).isOne();
    }

    /** Tampers past the triggers, checks, and undoes the tampering (the anchors and entries as they were). */
    private void tampered(Consumer<JdbcClient> attack, Runnable check) {
        superuser.bypassingTriggers(su -> {
            su.sql("create table aud_event_tamper_saved as select * from aud_event").update();
            su.sql("create table aud_anchor_tamper_saved as select * from aud_anchor").update();
        });
        try {
            superuser.bypassingTriggers(attack);
            check.run();
        } finally {
            superuser.bypassingTriggers(su -> {
                su.sql("delete from aud_event").update();
                su.sql("insert into aud_event select * from aud_event_tamper_saved").update();
                su.sql("delete from aud_anchor").update();
                su.sql("insert into aud_anchor select * from aud_anchor_tamper_saved").update();
                su.sql("drop table aud_event_tamper_saved").update();
                su.sql("drop table aud_anchor_tamper_saved").update();
            });
        }
    }
}
