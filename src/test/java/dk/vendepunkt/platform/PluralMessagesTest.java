package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Counts on the pages people meet first follow the Danish plural: "1 række", "1 kontakt", "2 kontakter". */
class PluralMessagesTest {

    static final Locale DA = Locale.forLanguageTag("da");

    static ResourceBundleMessageSource messages() {
        var m = new ResourceBundleMessageSource();
        m.setBasenames("i18n/messages", "i18n/caseplan", "i18n/audit", "i18n/portfolio");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @Test
    void importResultInSingularAndPlural() {
        var m = messages();
        assertThat(m.getMessage("imports.done", new Object[] {"a.csv", 1, 1, 0}, DA)).isEqualTo("Importeret a.csv: 1 række, 1 ny, 0 opdaterede.");
        assertThat(m.getMessage("imports.done", new Object[] {"a.csv", 1234, 2, 1}, DA)).isEqualTo("Importeret a.csv: 1.234 rækker, 2 nye, 1 opdateret.");
        assertThat(m.getMessage("imports.done", new Object[] {"a.csv", 1, 1, 0}, Locale.ENGLISH)).isEqualTo("Imported a.csv: 1 row, 1 new, 0 updated.");
    }

    @Test
    void contactsEventsAndInitiativesInSingularAndPlural() {
        var m = messages();
        assertThat(m.getMessage("caseplan.contact.counts", new Object[] {1, 1, 0}, DA)).startsWith("1 kontakt:");
        assertThat(m.getMessage("caseplan.contact.counts", new Object[] {0, 0, 0}, DA)).startsWith("0 kontakter:");
        assertThat(m.getMessage("caseplan.contact.counts", new Object[] {5, 4, 1}, DA)).startsWith("5 kontakter:");
        assertThat(m.getMessage("audit.count", new Object[] {1L}, DA)).isEqualTo("1 hændelse");
        assertThat(m.getMessage("audit.count", new Object[] {1500L}, DA)).isEqualTo("1.500 hændelser");
        assertThat(m.getMessage("pf.initiatives.count", new Object[] {1, "5.000"}, DA)).isEqualTo("1 indsats, i alt 5.000 kr.");
        assertThat(m.getMessage("pf.initiatives.count", new Object[] {85, "5.000"}, DA)).isEqualTo("85 indsatser, i alt 5.000 kr.");
    }
}
