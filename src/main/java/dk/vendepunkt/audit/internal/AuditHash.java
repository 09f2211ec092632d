package dk.vendepunkt.audit.internal;

import dk.vendepunkt.audit.AuditAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The hash of an entry over its canonical content and the previous entry's hash. Two algorithms
 * ({@code aud_event.hash_alg}): {@link #HMAC} for every entry written since the chain became keyed, and the
 * plain {@link #SHA256} of the entries written before (verified as they were). Pure, no Spring.
 */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);
    static final String SHA256 = "sha256";
    static final String HMAC = "hmac-sha256";

    private AuditHash() {}

    /** The old, unkeyed hash (rows written before the keyed chain; they have no person list). */
    static String sha256(long id, Instant at, String actor, AuditAction action, Long personId, Long enrolmentId,
                         String subject, String route, String reason, String prevHash) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(
                    canonical(id, at, actor, action, personId, enrolmentId, subject, route, reason, prevHash).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keyed hash: HMAC-SHA256 with the audit key over the same content plus the persons shown. */
    static String hmac(UnaryOperator<String> mac, long id, Instant at, String actor, AuditAction action, Long personId,
                       Long enrolmentId, List<Long> personIds, String subject, String route, String reason, String prevHash) {
        String persons = personIds == null ? "\u0000" : personIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return mac.apply(HMAC + "\u001f" + persons + "\u001f"
                + canonical(id, at, actor, action, personId, enrolmentId, subject, route, reason, prevHash));
    }

    /** The hash the entry should have under its own algorithm; null for an unknown algorithm. */
    static String of(AuditEntry e, UnaryOperator<String> mac) {
        return switch (e.hashAlg()) {
            case SHA256 -> e.personIds() == null ? sha256(e.id(), e.occurredAt(), e.actor(), e.action(), e.personId(),
                    e.enrolmentId(), e.subject(), e.route(), e.reason(), e.prevHash()) : null;
            case HMAC -> hmac(mac, e.id(), e.occurredAt(), e.actor(), e.action(), e.personId(), e.enrolmentId(), e.personIds(),
                    e.subject(), e.route(), e.reason(), e.prevHash());
            default -> null;
        };
    }

    private static String canonical(long id, Instant at, String actor, AuditAction action, Long personId, Long enrolmentId,
                                    String subject, String route, String reason, String prevHash) {
        return String.join("\u001f",
                Long.toString(id),
                Long.toString(at.getEpochSecond()) + "." + String.format("%06d", at.getNano() / 1000),
                nz(actor), action.name(), nz(personId), nz(enrolmentId), nz(subject), nz(route), nz(reason), prevHash);
    }

    private static String nz(Object o) {
        return o == null ? "\u0000" : o.toString();
    }
}
