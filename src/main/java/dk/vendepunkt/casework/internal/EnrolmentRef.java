package dk.vendepunkt.casework.internal;

import java.time.LocalDate;

/**
 * A forløb as {@link EnrolmentAccess} hands it out after the access check: enough for the pages and
 * services of the casework module (core and plan) to work on it.
 *
 * @param programme programme code (EXIT, RAMMEMODEL, SSP_PLUS, KIV)
 * @param phase     phase code of the programme (e.g. IDENTIFICATION, COORDINATION, INCLUSION, CLOSING)
 * @param closed    true when the forløb has an end date (closed forløb are read-only)
 */
public record EnrolmentRef(long id, long personId, String programme, long teamId, String phase, LocalDate startDate,
                           LocalDate endDate, boolean closed, int version) {}
