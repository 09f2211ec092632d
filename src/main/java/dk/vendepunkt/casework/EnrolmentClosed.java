package dk.vendepunkt.casework;

import java.time.LocalDate;

/**
 * Published (synchronously, inside the closing transaction) when a forløb is closed in Vendepunkt's own
 * case work. The outcomes module consumes it so that forløb closed here count exactly like imported ones.
 *
 * @param programme     contract code: EXIT, KIV, RAMMEMODEL, SSP_PLUS
 * @param closureReason contract code: COMPLETED, DROPPED_OUT, MOVED, IMPRISONED, TRANSFERRED, DECEASED, OTHER
 */
public record EnrolmentClosed(long enrolmentId, long personId, String programme, LocalDate startDate, LocalDate endDate,
                              String closureReason, boolean gangRelated) {}
