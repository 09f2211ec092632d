package dk.vendepunkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    @Test
    void hashCoversEveryFieldAndThePreviousHash() {
        Instant at = Instant.parse("2026-01-01T10:00:00.123456Z");
        String h = AuditHash.of(1, at, "u", AuditAction.READ, 5L, null, "person", "GET /x", null, AuditHash.GENESIS);
        assertThat(h).hasSize(64).isEqualTo(AuditHash.of(1, at, "u", AuditAction.READ, 5L, null, "person", "GET /x", null, AuditHash.GENESIS));
        assertThat(AuditHash.of(1, at, "u", AuditAction.READ, 6L, null, "person", "GET /x", null, AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.of(1, at, "v", AuditAction.READ, 5L, null, "person", "GET /x", null, AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.of(1, at, "u", AuditAction.UPDATE, 5L, null, "person", "GET /x", null, AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.of(1, at.plusNanos(1000), "u", AuditAction.READ, 5L, null, "person", "GET /x", null, AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.of(1, at, "u", AuditAction.READ, 5L, null, "person", "GET /x", null, h)).isNotEqualTo(h);
        // null and empty are different
        assertThat(AuditHash.of(1, at, "u", AuditAction.READ, 5L, null, "person", "GET /x", "", AuditHash.GENESIS)).isNotEqualTo(h);
    }
}
