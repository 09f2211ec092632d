package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.Zones;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import org.springframework.stereotype.Component;

/**
 * Points in time as pages show them: Danish time (Europe/Copenhagen, summer time included), whatever offset
 * the value came with (the database driver hands timestamps over in UTC). Templates call
 * {@code ${@times.dateTime(x.correctedAt())}}; Thymeleaf's own {@code #temporals} would print the UTC clock.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(Zones.ZONE);
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").withZone(Zones.ZONE);

    /** "03-12-2026 12:50"; empty for null. */
    public String dateTime(TemporalAccessor t) {
        return t == null ? "" : DATE_TIME.format(instant(t));
    }

    /** "03-12-2026 12:50:07"; empty for null. */
    public String dateTimeSeconds(TemporalAccessor t) {
        return t == null ? "" : DATE_TIME_SECONDS.format(instant(t));
    }

    private static Instant instant(TemporalAccessor t) {
        return switch (t) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case ZonedDateTime z -> z.toInstant();
            default -> throw new IllegalArgumentException("Not a point in time: " + t.getClass().getSimpleName());
        };
    }
}
