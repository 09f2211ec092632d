package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.FamilyProgramme.ScalePair;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where the family programme's figures get progress measurements from (the progress scales' store). */
interface ProgressSource {

    /** The person's latest PARENT_EMPLOYMENT status measured on or before {@code asOf}. */
    Optional<String> employmentStatus(long personId, LocalDate asOf);

    /** Per child and scale: the baseline and the latest later measurement, both on or before {@code asOf}. */
    List<ScalePair> pairs(Collection<Long> childIds, LocalDate asOf);
}
