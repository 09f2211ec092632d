package dk.vendepunkt.crimestats.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.platform.FormErrors;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The crime page's quick period choices are labelled from the message bundle, in the user's language. */
class PeriodChoicesTest {

    static FormErrors messages(Locale locale) {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("i18n/crimestats");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        return (code, args) -> bundle.getMessage(code, args, locale);
    }

    @Test
    void quartersAndTheYearToDateInDanishAndEnglish() {
        LocalDate today = LocalDate.of(2026, 5, 20);
        assertThat(CrimePageController.choices(today, messages(Locale.of("da"))))
                .extracting(CrimePageController.Choice::label)
                .containsExactly("1. kvartal 2026", "4. kvartal 2025", "3. kvartal 2025", "2. kvartal 2025", "1. kvartal 2025",
                        "4. kvartal 2024", "År til dato 2026");
        assertThat(CrimePageController.choices(today, messages(Locale.ENGLISH)))
                .extracting(CrimePageController.Choice::label)
                .startsWith("Q1 2026", "Q4 2025").endsWith("Year to date 2026");
    }
}
