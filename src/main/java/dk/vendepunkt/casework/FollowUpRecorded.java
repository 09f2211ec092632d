package dk.vendepunkt.casework;

import java.time.LocalDate;

/**
 * Published (synchronously) when a caseworker records a follow-up after discharge, or corrects one.
 *
 * @param status             contract code: EDUCATION, EMPLOYMENT, ACTIVATION, NONE
 * @param replacedStatusDate for a correction, the date the follow-up had before (its status on that date no longer
 *                           stands); null for a first recording
 */
public record FollowUpRecorded(long enrolmentId, long personId, LocalDate statusDate, String status, LocalDate replacedStatusDate) {

    /** A first recording. */
    public FollowUpRecorded(long enrolmentId, long personId, LocalDate statusDate, String status) {
        this(enrolmentId, personId, statusDate, status, null);
    }
}
