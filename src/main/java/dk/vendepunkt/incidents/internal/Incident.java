package dk.vendepunkt.incidents.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored incident; {@code endedAt} null while ongoing, {@code description} null when none or past retention. */
public record Incident(long id, String ref, OffsetDateTime startedAt, OffsetDateTime endedAt, IncidentKind kind, Cause cause,
                       String department, String institution, String area, String description, String reportedBy,
                       OffsetDateTime reportedAt, int version) {

    /** The forvaltninger, as in initiatives.csv, in the contract's order (OKF is shown as ØKF). */
    public static final List<String> DEPARTMENTS = List.of("OKF", "SOF", "BUF", "BIF", "KFF", "TMF", "SUF");

    public boolean ongoing() {
        return endedAt == null;
    }

    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    /** The start as shown in Danish pages, Europe/Copenhagen. */
    public String startedText() {
        return startedAt.atZoneSameInstant(dk.vendepunkt.platform.Zones.ZONE).format(SHOWN);
    }

    /** The end as shown, or null while ongoing. */
    public String endedText() {
        return endedAt == null ? null : endedAt.atZoneSameInstant(dk.vendepunkt.platform.Zones.ZONE).format(SHOWN);
    }

    /** How long it lasted in hours (0.1), or null while ongoing. */
    public java.math.BigDecimal hours() {
        return endedAt == null ? null : EffectGoal4.hours(java.time.Duration.between(startedAt, endedAt).toSeconds());
    }

    public String departmentLabel() {
        return dk.vendepunkt.organisation.Department.label(department);
    }
}
