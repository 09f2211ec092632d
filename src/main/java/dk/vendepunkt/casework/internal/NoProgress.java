package dk.vendepunkt.casework.internal;

import dk.vendepunkt.casework.FamilyProgramme.ScalePair;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Interim until the progress scales land: no measurements. */
@Component
class NoProgress implements ProgressSource {
    public Optional<String> employmentStatus(long personId, LocalDate asOf) { return Optional.empty(); }
    public List<ScalePair> pairs(Collection<Long> childIds, LocalDate asOf) { return List.of(); }
}
