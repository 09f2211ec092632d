package dk.vendepunkt.incidents.internal;

import java.util.List;

/** The kinds of incidents.csv; the first two concern the service, the rest the staff's safety. */
public enum IncidentKind {
    CLOSURE, REDUCED_SERVICE, THREAT_TO_STAFF, VIOLENCE_TO_STAFF, HARASSMENT_OF_STAFF, VANDALISM;

    /** The kinds counted as staff incidents by effect goal 4's {@code staffIncidents}. */
    public static final List<IncidentKind> STAFF = List.of(THREAT_TO_STAFF, VIOLENCE_TO_STAFF, HARASSMENT_OF_STAFF);
}
