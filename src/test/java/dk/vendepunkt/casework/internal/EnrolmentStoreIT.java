package dk.vendepunkt.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.casework.domain.Enrolment;
import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The forløb's store: loads what the rules need, saves only over the version a change was made from. */
@IntegrationTest
class EnrolmentStoreIT {

    @Autowired EnrolmentStore store;
    @Autowired TestEnrolments enrolments;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;

    @Test
    void aChangeIsSavedOverItsVersionOnlyAndClosingStampsWhoAndWhen() {
        LocalDate today = LocalDate.now(Zones.ZONE);
        long id = enrolments.enrolment(staff.team("Store-teamet"));
        Enrolment loaded = store.load(id);
        assertThat(loaded.lastPhaseChange()).isEqualTo(LocalDate.now().minusDays(30));
        assertThat(loaded.closed()).isFalse();

        Enrolment moved = loaded.changePhase("COORDINATION", "Motiveret", today, loaded.version(), "exit", today).orThrow().result();
        store.save(moved);
        assertThatThrownBy(() -> store.save(moved)).isInstanceOf(ConflictException.class);

        Enrolment closed = store.load(id).close("COMPLETED", today, "Selvhjulpen", moved.version(), "exit", today).orThrow().result();
        store.save(closed);
        Enrolment reloaded = store.load(id);
        assertThat(reloaded.closure()).isEqualTo(closed.closure());
        assertThat(reloaded.phase()).isEqualTo("CLOSING");
        OffsetDateTime closedAt = jdbc.sql("select closed_at from cw_enrolment where id = ?").param(id).query(OffsetDateTime.class).single();
        assertThat(closedAt).isNotNull();

        store.save(reloaded.amendClosure("MOVED", today, "Flyttet", "Forkert årsag", reloaded.version(), "leder", today).orThrow().result());
        assertThat(store.load(id).closure().closedBy()).isEqualTo("exit");
        assertThat(jdbc.sql("select closed_at from cw_enrolment where id = ?").param(id).query(OffsetDateTime.class).single()).isEqualTo(closedAt);
    }
}
