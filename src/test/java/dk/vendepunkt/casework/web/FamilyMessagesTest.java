package dk.vendepunkt.casework.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The family-case pages' counts follow the Danish plural ("1 familiesag", "3 familiesager"). */
class FamilyMessagesTest {

    static final Locale DA = Locale.forLanguageTag("da");

    private static ResourceBundleMessageSource messages() {
        var m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/family");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @Test
    void countsInDanishSingularAndPlural() {
        var m = messages();
        assertThat(m.getMessage("familyCases.count", new Object[] {1L}, DA)).isEqualTo("1 familiesag");
        assertThat(m.getMessage("familyCases.count", new Object[] {3L}, DA)).isEqualTo("3 familiesager");
        assertThat(m.getMessage("familyCases.occupancy", new Object[] {1L, 20}, DA))
                .isEqualTo("Familieprogrammet: 1 åben familiesag af en kapacitet på 20 familier.");
        assertThat(m.getMessage("familyCases.occupancy", new Object[] {12L, 20}, DA))
                .isEqualTo("Familieprogrammet: 12 åbne familiesager af en kapacitet på 20 familier.");
        assertThat(m.getMessage("familyCases.overview.limit", new Object[] {"Opsporing", 60}, DA)).isEqualTo("Opsporing: 60 dage");
        assertThat(m.getMessage("familyCases.count", new Object[] {1L}, Locale.ENGLISH)).isEqualTo("1 family case");
    }
}
