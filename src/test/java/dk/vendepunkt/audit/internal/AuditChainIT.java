package dk.vendepunkt.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.support.DatabaseSuperuser;
import dk.vendepunkt.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuditChainIT {

    @Autowired AuditLog audit;
    @Autowired JdbcAuditLog log;
    @Autowired JdbcClient jdbc;
    @Autowired DatabaseSuperuser superuser;

    @Test
    void chainVerifiesAndDetectsAnEditedRow() {
        for (int i = 0; i < 5; i++) audit.record(AuditAction.READ, 900_000L + i, null, "chain test", null);
        assertThat(log.verify().intact()).isTrue();

        long victim = jdbc.sql("select id from aud_event where person_id = 900002").query(Long.class).single();
        // the application's role may not update it (DatabaseRolesIT); a role that may is refused by the append-only trigger
        assertThatThrownBy(() -> {
            try (var c = superuser.connect(); var s = c.prepareStatement("update aud_event set actor = 'mallory' where id = ?")) {
                s.setLong(1, victim);
                s.executeUpdate();
            }
        }).hasMessageContaining("append-only");
        // a superuser bypassing the trigger is caught by the chain
        superuser.bypassingTriggers(su -> {
            su.sql("update aud_event set actor = 'mallory' where id = ?").param(victim).update();
        });
        ChainVerification v = log.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBrokenId()).isEqualTo(victim);
        assertThat(v.problem()).isEqualTo("audit.verify.contentChanged");

        // repair for the other tests sharing this database: put the original value back
        superuser.bypassingTriggers(su -> {
            su.sql("update aud_event set actor = 'system' where id = ?").param(victim).update();
        });
        assertThat(log.verify().intact()).isTrue();

        // deleting a row breaks the link of the next one
        long next = jdbc.sql("select id from aud_event where person_id = 900003").query(Long.class).single();
        var saved = jdbc.sql("select * from aud_event where id = ?").param(victim).query().singleRow();
        superuser.bypassingTriggers(su -> {
            su.sql("delete from aud_event where id = ?").param(victim).update();
        });
        ChainVerification v2 = log.verify();
        assertThat(v2.firstBrokenId()).isEqualTo(next);
        assertThat(v2.problem()).isEqualTo("audit.verify.linkBroken");
        superuser.bypassingTriggers(su -> {
            su.sql("insert into aud_event (id, occurred_at, actor, action, person_id, enrolment_id, subject, route, reason, prev_hash, hash, hash_alg) "
                    + "values (:id, :occurred_at, :actor, :action, :person_id, :enrolment_id, :subject, :route, :reason, :prev_hash, :hash, :hash_alg)")
                    .params(saved).update();
        });
        assertThat(log.verify().intact()).isTrue();
    }
}
