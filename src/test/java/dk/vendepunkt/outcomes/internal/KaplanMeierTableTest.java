package dk.vendepunkt.outcomes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.outcomes.internal.EffectStatistics.KmPoint;
import dk.vendepunkt.reporting.ReportSection;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The Kaplan–Meier table lists the days the curve steps (event days), each once — not a repeated row per quarter. */
class KaplanMeierTableTest {

    @Test
    void theTableListsEventDaysOnly() {
        var bundle = new ResourceBundleMessageSource();
        bundle.setBasenames("i18n/outcomes");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        LocalDate asOf = LocalDate.of(2030, 1, 1);
        var report = new EffectReportService.Report("EXIT", asOf, "internal", 5, List.of(), List.of(), null);
        // two event days far apart: the curve is flat for more than a year between them
        var survival = new EffectReportService.Survival("EXIT", asOf, "internal", List.of(
                new KmPoint(12, 40, 2, 0.95, 0.8, 0.99), new KmPoint(700, 20, 1, 0.9025, 0.7, 0.97)));
        var doc = new EffectDocument(bundle).build(report, survival, false, Locale.forLanguageTag("da"));
        var table = doc.sections().stream().filter(s -> s instanceof ReportSection.Table t && t.caption().startsWith("Kaplan–Meier"))
                .map(s -> (ReportSection.Table) s).findFirst().orElseThrow();
        assertThat(table.rows()).extracting(r -> r.get(0)).containsExactly(12, 700);
        assertThat(table.rows()).extracting(r -> r.get(2)).containsExactly(2L, 1L);
    }
}
