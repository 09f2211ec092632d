package dk.vendepunkt.casework;

import java.time.LocalDate;

/**
 * Published (synchronously) when a caseworker records a follow-up after discharge.
 *
 * @param status contract code: EDUCATION, EMPLOYMENT, ACTIVATION, NONE
 */
public record FollowUpRecorded(long enrolmentId, long personId, LocalDate statusDate, String status) {}
