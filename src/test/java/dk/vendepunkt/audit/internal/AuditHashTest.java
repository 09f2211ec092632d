package dk.vendepunkt.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.audit.AuditAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    @Test
    void hashCoversEveryFieldAndThePreviousHash() {
        Instant at = Instant.parse("2026-01-01T10:00:00.123456Z");
        String h = AuditHash.sha256(1, at, "u", AuditAction.READ, 5L, null, "person", "GET /x", null, AuditHash.GENESIS);
        assertThat(h).hasSize(64).isEqualTo(AuditHash.sha256(1, at, "u", AuditAction.READ, 5L, null, "person", "GET /x", null, AuditHash.GENESIS));
        assertThat(AuditHash.sha256(1, at, "u", AuditAction.READ, 6L, null, "person", "GET /x", null, AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.sha256(1, at, "v", AuditAction.READ, 5L, null, "person", "GET /x", null, AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.sha256(1, at, "u", AuditAction.UPDATE, 5L, null, "person", "GET /x", null, AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.sha256(1, at.plusNanos(1000), "u", AuditAction.READ, 5L, null, "person", "GET /x", null, AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.sha256(1, at, "u", AuditAction.READ, 5L, null, "person", "GET /x", null, h)).isNotEqualTo(h);
        // null and empty are different
        assertThat(AuditHash.sha256(1, at, "u", AuditAction.READ, 5L, null, "person", "GET /x", "", AuditHash.GENESIS)).isNotEqualTo(h);
    }

    /** A stand-in for the audit key: any function of the key and the text. */
    private static UnaryOperator<String> mac(String key) {
        return text -> AuditHash.sha256(0, Instant.EPOCH, key, AuditAction.READ, null, null, text, null, null, AuditHash.GENESIS);
    }

    @Test
    void keyedHashDependsOnTheKeyAndThePersonsShown() {
        Instant at = Instant.parse("2026-01-01T10:00:00.123456Z");
        String h = AuditHash.hmac(mac("k1"), 1, at, "u", AuditAction.SEARCH, null, null, List.of(5L, 7L), "person search", "GET /x", null, AuditHash.GENESIS);
        assertThat(AuditHash.hmac(mac("k1"), 1, at, "u", AuditAction.SEARCH, null, null, List.of(5L, 7L), "person search", "GET /x", null, AuditHash.GENESIS)).isEqualTo(h);
        assertThat(AuditHash.hmac(mac("k2"), 1, at, "u", AuditAction.SEARCH, null, null, List.of(5L, 7L), "person search", "GET /x", null, AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.hmac(mac("k1"), 1, at, "u", AuditAction.SEARCH, null, null, List.of(5L), "person search", "GET /x", null, AuditHash.GENESIS)).isNotEqualTo(h);
        assertThat(AuditHash.hmac(mac("k1"), 1, at, "u", AuditAction.SEARCH, null, null, null, "person search", "GET /x", null, AuditHash.GENESIS)).isNotEqualTo(h);
        // the plain hash of the same content is not the keyed one
        assertThat(AuditHash.sha256(1, at, "u", AuditAction.SEARCH, null, null, "person search", "GET /x", null, AuditHash.GENESIS)).isNotEqualTo(h);
    }

    @Test
    void anEntryIsCheckedUnderItsOwnAlgorithm() {
        Instant at = Instant.parse("2026-01-01T10:00:00.123456Z");
        String old = AuditHash.sha256(1, at, "u", AuditAction.READ, 5L, null, "person", "GET /x", null, AuditHash.GENESIS);
        AuditEntry legacy = new AuditEntry(1, at, "u", AuditAction.READ, 5L, null, null, "person", "GET /x", null, AuditHash.GENESIS, old, AuditHash.SHA256);
        assertThat(AuditHash.of(legacy, mac("k1"))).isEqualTo(old);
        // an old entry cannot gain a person list, and an unknown algorithm never checks out
        assertThat(AuditHash.of(new AuditEntry(1, at, "u", AuditAction.READ, 5L, null, List.of(9L), "person", "GET /x", null,
                AuditHash.GENESIS, old, AuditHash.SHA256), mac("k1"))).isNull();
        assertThat(AuditHash.of(new AuditEntry(1, at, "u", AuditAction.READ, 5L, null, null, "person", "GET /x", null,
                AuditHash.GENESIS, old, "md5"), mac("k1"))).isNull();
        String keyed = AuditHash.hmac(mac("k1"), 2, at, "u", AuditAction.READ, 5L, null, null, "person", "GET /x", null, old);
        assertThat(AuditHash.of(new AuditEntry(2, at, "u", AuditAction.READ, 5L, null, null, "person", "GET /x", null, old, keyed,
                AuditHash.HMAC), mac("k1"))).isEqualTo(keyed);
    }
}
