package dk.vendepunkt.casework.internal;

import java.time.LocalDate;

/**
 * What the forløb header ({@code templates/casework/enrolment-header.html}, fragment
 * {@code header(enrolment, active)}) shows. Get it with {@link EnrolmentAccess#view(long)} (access check and
 * READ audit) or {@link EnrolmentAccess#view(EnrolmentRef)} (no second audit row after {@code read}/{@code write}).
 *
 * @param programmeName display name of the programme, e.g. "Exitprogrammet"
 * @param phaseName     display name of the phase, e.g. "Koordination"
 * @param coordinatorName display name of the coordinator, or null
 * @param teamName      name of the forløb's team, or null
 */
public record EnrolmentView(EnrolmentRef ref, String personName, String programmeName, String phaseName,
                            String coordinatorName, String teamName, String closureReason) {

    public long id() {
        return ref.id();
    }

    public long personId() {
        return ref.personId();
    }

    public String programme() {
        return ref.programme();
    }

    public String phase() {
        return ref.phase();
    }

    public LocalDate startDate() {
        return ref.startDate();
    }

    public LocalDate endDate() {
        return ref.endDate();
    }

    public boolean closed() {
        return ref.closed();
    }

    public int version() {
        return ref.version();
    }
}
