package dk.vendepunkt.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A date in a message is shown as the pages show dates ("05-01-2026"), not in ISO form. */
class MessageDatesTest {

    @Test
    void aDateArgumentIsDanish() {
        var bundle = new ResourceBundleMessageSource();
        bundle.setBasenames("i18n/caseplan");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));
        try {
            assertThat(new MessageSourceFormErrors(bundle).message("caseplan.date.beforeStart", LocalDate.of(2026, 1, 5)))
                    .isEqualTo("Datoen må ikke ligge før forløbets start (05-01-2026).");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
