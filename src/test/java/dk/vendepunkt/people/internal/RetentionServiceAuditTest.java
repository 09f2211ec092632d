package dk.vendepunkt.people.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditRetention;
import dk.vendepunkt.people.RetentionHandler;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.PlatformTransactionManager;

/** The retention preview counts the audit log's entries past the AUDIT period, and the job prunes exactly those (ADR 0020). */
class RetentionServiceAuditTest {

    /** An audit log whose entries before 2016-01-01 (Copenhagen) are 42. */
    static final class FakeAuditRetention implements AuditRetention {
        final List<Instant> pruned = new ArrayList<>();

        @Override
        public long dueBefore(Instant before) {
            return before.equals(Instant.parse("2015-12-31T23:00:00Z")) ? 42 : -1;
        }

        @Override
        public long pruneBefore(Instant before) {
            pruned.add(before);
            return dueBefore(before);
        }
    }

    @Test
    void thePreviewCountsAndTheJobPrunesTheAuditLogPastItsPeriod() {
        FakeAuditRetention audit = new FakeAuditRetention();
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneId.of("Europe/Copenhagen"));
        RetentionService service = new RetentionService(new StaticListableBeanFactory().getBeanProvider(RetentionHandler.class),
                new RetentionProperties(null, null, null), audit, mock(AuditLog.class), clock, mock(PlatformTransactionManager.class));
        LocalDate asOf = LocalDate.of(2026, 1, 1);

        assertThat(service.preview(asOf).auditEntriesPastRetention()).isEqualTo(42);
        assertThat(audit.pruned).isEmpty();
        assertThat(service.run(asOf).auditEntriesPastRetention()).isEqualTo(42);
        assertThat(audit.pruned).containsExactly(Instant.parse("2015-12-31T23:00:00Z"));
    }
}
