package dk.vendepunkt.crimestats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Counts in the crimestats and safetyindex messages follow the Danish (and English) plural: 1 anmeldelse, 2 anmeldelser. */
class CountMessagesTest {

    static ResourceBundleMessageSource messages() {
        var m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/crimestats", "i18n/safetyindex");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    static final Locale DA = Locale.forLanguageTag("da");

    @Test
    void reportCountsInDanishSingularAndPlural() {
        var m = messages();
        assertThat(m.getMessage("crime.reports.count", new Object[] {0L}, DA)).isEqualTo("ingen anmeldelser");
        assertThat(m.getMessage("crime.reports.count", new Object[] {1L}, DA)).isEqualTo("1 anmeldelse");
        assertThat(m.getMessage("crime.reports.count", new Object[] {2L}, DA)).isEqualTo("2 anmeldelser");
        assertThat(m.getMessage("crime.reports.count", new Object[] {1234L}, DA)).isEqualTo("1.234 anmeldelser");
        assertThat(m.getMessage("crime.reports.count", new Object[] {1L}, Locale.ENGLISH)).isEqualTo("1 report");
    }

    @Test
    void cellsAndRespondentsInDanishSingularAndPlural() {
        var m = messages();
        assertThat(m.getMessage("crime.report.hotspotsText", new Object[] {"Vold", 1}, DA)).contains("i forhold til byens ene celle;");
        assertThat(m.getMessage("crime.report.hotspotsText", new Object[] {"Vold", 1200}, DA)).contains("i forhold til byens 1.200 celler;");
        assertThat(m.getMessage("safety.table.caption", new Object[] {2030, 1}, DA)).contains("under 1 respondent får");
        assertThat(m.getMessage("safety.table.caption", new Object[] {2030, 10}, DA)).contains("under 10 respondenter får");
    }
}
