package dk.vendepunkt.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.audit.AuditedAccessDenied;
import dk.vendepunkt.casework.internal.EnrolmentAccess;
import dk.vendepunkt.casework.internal.EnrolmentRef;
import dk.vendepunkt.casework.internal.EnrolmentView;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.platform.NotFoundException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.SignedIn;
import dk.vendepunkt.support.TestEnrolments;
import dk.vendepunkt.support.TestStaff;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class EnrolmentAccessIT {

    @Autowired EnrolmentAccess access;
    @Autowired TestStaff staff;
    @Autowired TestEnrolments enrolments;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignedIn.clear();
    }

    long audits(long enrolmentId, String action) {
        return jdbc.sql("select count(*) from aud_event where enrolment_id = ? and action = ?").params(enrolmentId, action)
                .query(Long.class).single();
    }

    @Test
    void teamMemberReadsAndWritesWithAudit() {
        long team = staff.team("access");
        TestStaff.User user = staff.user(Role.CASEWORKER, team);
        long id = enrolments.enrolment(team);
        SignedIn.as(user, Role.CASEWORKER);

        EnrolmentRef ref = access.read(id);
        assertThat(ref.programme()).isEqualTo("EXIT");
        assertThat(ref.phase()).isEqualTo("IDENTIFICATION");
        assertThat(ref.closed()).isFalse();
        assertThat(audits(id, "READ")).isEqualTo(1);

        access.write(id);
        assertThat(audits(id, "UPDATE")).isEqualTo(1);

        EnrolmentView view = access.view(ref);
        assertThat(view.personName()).isEqualTo("Test Deltager");
        assertThat(view.programmeName()).isEqualTo("Exitprogrammet");
        assertThat(view.phaseName()).isEqualTo("Identifikation");
        assertThat(audits(id, "READ")).isEqualTo(1);
    }

    @Test
    void caseworkerOfAnotherTeamIsRefusedAndTheRefusalAudited() {
        long team = staff.team("access-own");
        long other = staff.team("access-other");
        TestStaff.User outsider = staff.user(Role.CASEWORKER, other);
        long id = enrolments.enrolment(team);
        SignedIn.as(outsider, Role.CASEWORKER);

        assertThatThrownBy(() -> access.read(id)).isInstanceOf(AuditedAccessDenied.class);
        assertThatThrownBy(() -> access.write(id)).isInstanceOf(AuditedAccessDenied.class);
        assertThat(audits(id, "DENIED")).isEqualTo(2);
        assertThat(audits(id, "READ")).isZero();
    }

    @Test
    void analystIsRefused() {
        long team = staff.team("access-analyst");
        TestStaff.User analyst = staff.user(Role.ANALYST, team);
        long id = enrolments.enrolment(team);
        SignedIn.as(analyst, Role.ANALYST);
        assertThatThrownBy(() -> access.read(id)).isInstanceOf(AuditedAccessDenied.class);
        assertThat(audits(id, "DENIED")).isEqualTo(1);
    }

    @Test
    void closedForlobIsReadOnlyAndUnknownIsNotFound() {
        long team = staff.team("access-closed");
        TestStaff.User user = staff.user(Role.CASEWORKER, team);
        long id = enrolments.enrolment(team);
        enrolments.close(id, LocalDate.now(), "COMPLETED");
        SignedIn.as(user, Role.CASEWORKER);

        assertThat(access.read(id).closed()).isTrue();
        assertThatThrownBy(() -> access.write(id)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> access.read(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
    }
}
