package dk.vendepunkt.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** SHA-256 over an entry's canonical content and the previous entry's hash. Pure, no Spring. */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    private AuditHash() {}

    static String of(long id, Instant at, String actor, AuditAction action, Long personId, Long enrolmentId,
                     String subject, String route, String reason, String prevHash) {
        String canonical = String.join("\u001f",
                Long.toString(id),
                Long.toString(at.getEpochSecond()) + "." + String.format("%06d", at.getNano() / 1000),
                nz(actor), action.name(), nz(personId), nz(enrolmentId), nz(subject), nz(route), nz(reason), prevHash);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String of(AuditEntry e) {
        return of(e.id(), e.occurredAt(), e.actor(), e.action(), e.personId(), e.enrolmentId(), e.subject(),
                e.route(), e.reason(), e.prevHash());
    }

    private static String nz(Object o) {
        return o == null ? "\u0000" : o.toString();
    }
}
