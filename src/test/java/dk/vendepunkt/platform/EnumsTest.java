package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

/** The one parser for choices sent as text. */
class EnumsTest {

    @Test
    void aChoiceIsTheConstantOfThatNameWithSurroundingSpaceIgnored() {
        assertThat(Enums.parseOrNull(DayOfWeek.class, "MONDAY")).isEqualTo(DayOfWeek.MONDAY);
        assertThat(Enums.parseOrNull(DayOfWeek.class, " FRIDAY\n")).isEqualTo(DayOfWeek.FRIDAY);
    }

    @Test
    void blankOrUnknownIsNoChoice() {
        assertThat(Enums.parseOrNull(DayOfWeek.class, null)).isNull();
        assertThat(Enums.parseOrNull(DayOfWeek.class, "  ")).isNull();
        assertThat(Enums.parseOrNull(DayOfWeek.class, "monday")).isNull();
        assertThat(Enums.parseOrNull(DayOfWeek.class, "SØNDAG")).isNull();
    }

    @Test
    void ignoringCaseComparesInUpperCase() {
        assertThat(Enums.parseIgnoringCase(DayOfWeek.class, " monday ")).isEqualTo(DayOfWeek.MONDAY);
        assertThat(Enums.parseIgnoringCase(DayOfWeek.class, "Sunday")).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(Enums.parseIgnoringCase(DayOfWeek.class, "funday")).isNull();
    }

    @Test
    void parseAnswersAnUnknownNameWithAFieldError() {
        assertThat(Enums.parse(DayOfWeek.class, "", "day", "x.invalid")).isNull();
        assertThat(Enums.parse(DayOfWeek.class, "TUESDAY", "day", "x.invalid")).isEqualTo(DayOfWeek.TUESDAY);
        assertThatThrownBy(() -> Enums.parse(DayOfWeek.class, "TIRSDAG", "day", "x.invalid"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("day");
                        assertThat(p.code()).isEqualTo("x.invalid");
                    });
                });
    }
}
