package dk.vendepunkt.safetyindex.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.DisclosureProperties;
import dk.vendepunkt.reporting.internal.ThresholdDisclosurePolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A municipality that has not imported its areas yet gets the report with an empty state, not an error. */
class UnrestReportWithoutAreasTest {

    @Test
    void noBydeleGivesAReportThatSaysSo() {
        SafetyIndexService service = mock(SafetyIndexService.class);
        SspStore ssp = mock(SspStore.class);
        PoliceFigures police = mock(PoliceFigures.class);
        when(service.bydele()).thenReturn(List.of());
        when(service.years()).thenReturn(List.of());
        when(ssp.entries(any())).thenReturn(Map.of());
        when(police.charges(any(), any(), anyInt(), anyInt())).thenReturn(0L);
        var reports = new SafetyIndexReports(service, ssp, police, new ThresholdDisclosurePolicy(new DisclosureProperties(5, Set.of("ANALYST"))),
                SafetyIndexReportsTest.bundle());

        var report = reports.unrestReport(new HalfYear(2025, 1), Disclosure.PUBLIC);

        assertThat(report.sections().toString()).contains("Der er ingen bydele endnu");
    }
}
