package dk.vendepunkt.people.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.platform.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits how many different CPR numbers one user may look up (search, register, refer) in a rolling hour, so that
 * probing which CPR numbers are known is slow and visible. Looking up the same number again does not count. Above
 * the limit the look-up is refused (429) and the refusal audited as {@link AuditAction#CPR_PROBE_LIMITED}. Kept in
 * memory per application instance: a restart starts the count afresh (the refusals stay in the audit log).
 */
@Component
class CprLookupLimit {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final int maxPerHour;
    private final AuditLog audit;
    /** username → blind index → when it was first looked up in the window. */
    private final Map<String, Map<String, Instant>> seen = new HashMap<>();
    private final Clock clock;

    CprLookupLimit(@Value("${vendepunkt.cpr-lookup.max-per-hour:20}") int maxPerHour, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.maxPerHour = maxPerHour;
        this.audit = audit;
    }

    /** Counts the user's look-up of the CPR number with this blind index; refuses (audited, 429) above the limit. */
    void count(String username, String blindIndex) {
        Instant now = Instant.now(clock);
        synchronized (seen) {
            Map<String, Instant> mine = seen.computeIfAbsent(username, u -> new HashMap<>());
            mine.values().removeIf(t -> t.isBefore(now.minus(WINDOW)));
            if (mine.containsKey(blindIndex)) return;
            if (mine.size() < maxPerHour) {
                mine.put(blindIndex, now);
                return;
            }
        }
        audit.record(AuditAction.CPR_PROBE_LIMITED, null, null, "CPR-opslag",
                "more than " + maxPerHour + " different CPR numbers in an hour; cpr hash " + blindIndex.substring(0, 12));
        throw new TooManyRequestsException("person.cpr.tooManyLookups", maxPerHour);
    }
}
