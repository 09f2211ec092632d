package dk.vendepunkt.safetyindex;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * TEMPORARY until the crimestats module's public API ({@code CrimeFigures}) is merged: no police
 * figures (no reports, no charges). Replaced by an adapter over {@code CrimeFigures}.
 */
@Component
class UnavailablePoliceFigures implements PoliceFigures {

    @Override
    public Map<String, Long> citizenDirectedReportsByDistrict(int year) {
        return Map.of();
    }

    @Override
    public long charges(LocalDate from, LocalDate to, int minAge, int maxAge) {
        return 0;
    }
}
