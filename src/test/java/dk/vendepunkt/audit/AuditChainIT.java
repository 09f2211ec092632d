package dk.vendepunkt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditChainIT {

    @Autowired AuditLog audit;
    @Autowired JdbcAuditLog log;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void chainVerifiesAndDetectsAnEditedRow() {
        for (int i = 0; i < 5; i++) audit.record(AuditAction.READ, 900_000L + i, null, "chain test", null);
        assertThat(log.verify().intact()).isTrue();

        long victim = jdbc.sql("select id from aud_event where person_id = 900002").query(Long.class).single();
        // ordinary updates are refused by the append-only trigger
        assertThatThrownBy(() -> jdbc.sql("update aud_event set actor = 'mallory' where id = ?").param(victim).update())
                .hasMessageContaining("append-only");
        // a superuser bypassing the trigger is caught by the chain
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update aud_event set actor = 'mallory' where id = ?").param(victim).update();
        });
        ChainVerification v = log.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenId()).isEqualTo(victim);
        assertThat(v.problem()).isEqualTo("audit.verify.contentChanged");

        // repair for the other tests sharing this database: put the original value back
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("update aud_event set actor = 'system' where id = ?").param(victim).update();
        });
        assertThat(log.verify().intact()).isTrue();

        // deleting a row breaks the link of the next one
        long next = jdbc.sql("select id from aud_event where person_id = 900003").query(Long.class).single();
        var saved = jdbc.sql("select * from aud_event where id = ?").param(victim).query().singleRow();
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("delete from aud_event where id = ?").param(victim).update();
        });
        ChainVerification v2 = log.verify();
        assertThat(v2.firstBrokenId()).isEqualTo(next);
        assertThat(v2.problem()).isEqualTo("audit.verify.linkBroken");
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql("insert into aud_event (id, occurred_at, actor, action, person_id, enrolment_id, subject, route, reason, prev_hash, hash, hash_alg) "
                    + "values (:id, :occurred_at, :actor, :action, :person_id, :enrolment_id, :subject, :route, :reason, :prev_hash, :hash, :hash_alg)")
                    .params(saved).update();
        });
        assertThat(log.verify().intact()).isTrue();
    }
}
