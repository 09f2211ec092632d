package dk.vendepunkt.platform.internal;


import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimesTest {

    final Times times = new Times();

    @Test
    void aTimeFromTheDatabaseInUtcIsShownInDanishTime() {
        // winter: UTC+1 (a correction saved at 12:50 Danish time comes back from the driver as 11:50Z)
        assertThat(times.dateTime(OffsetDateTime.of(2026, 12, 3, 11, 50, 0, 0, ZoneOffset.UTC))).isEqualTo("03-12-2026 12:50");
        // summer: UTC+2
        assertThat(times.dateTime(Instant.parse("2026-07-01T10:50:07Z"))).isEqualTo("01-07-2026 12:50");
        assertThat(times.dateTimeSeconds(Instant.parse("2026-07-01T10:50:07Z"))).isEqualTo("01-07-2026 12:50:07");
        // the day changes at Danish midnight
        assertThat(times.dateTime(Instant.parse("2026-12-31T23:30:00Z"))).isEqualTo("01-01-2027 00:30");
        assertThat(times.dateTime(null)).isEmpty();
    }

    /** Thymeleaf's #temporals prints a timestamp's own (UTC) clock: every time of day on a page goes through @times. */
    @Test
    void noTemplateFormatsATimeOfDayItself() throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/templates"))) {
            var offenders = files.filter(f -> f.toString().endsWith(".html")).filter(f -> {
                try {
                    return java.util.regex.Pattern.compile("#temporals\\.format\\([^)]*HH").matcher(java.nio.file.Files.readString(f)).find();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
