package dk.vendepunkt.safetyindex.internal;

import dk.vendepunkt.crimestats.CrimeFigures;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@link PoliceFigures} from the crimestats module's rollups. */
@Component
class CrimeStatsPoliceFigures implements PoliceFigures {

    private final CrimeFigures crime;

    CrimeStatsPoliceFigures(CrimeFigures crime) {
        this.crime = crime;
    }

    @Override
    public Map<String, Long> citizenDirectedReportsByDistrict(int year) {
        return crime.citizenDirectedReportsByDistrict(year);
    }

    @Override
    public long charges(LocalDate from, LocalDate to, int minAge, int maxAge) {
        return crime.charges(from, to, minAge, maxAge);
    }
}
