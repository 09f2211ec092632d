package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Numbers in the Sikker By forms as Danes type them, and as before with a decimal point. */
class FormInputTest {

    static BigDecimal decimal(String typed) {
        return new FormInput(Map.of("v", typed)).decimal("v", "portfolio.error.number");
    }

    @Test
    void decimalCommaWithThousandsPointsOrADecimalPoint() {
        assertThat(decimal("0,60")).isEqualByComparingTo("0.60");
        assertThat(decimal("1.250.000,50")).isEqualByComparingTo("1250000.50");
        assertThat(decimal("1 250 000,5")).isEqualByComparingTo("1250000.5");
        assertThat(decimal("-2")).isEqualByComparingTo("-2");
        assertThat(decimal("0.60")).isEqualByComparingTo("0.60");
        assertThat(decimal("1250000.50")).isEqualByComparingTo("1250000.50");
    }

    @Test
    void amountsReadPointsAsThousands() {
        assertThat(new FormInput(Map.of("v", "12.500")).amount("v", "portfolio.error.amount")).isEqualByComparingTo("12500");
        assertThat(new FormInput(Map.of("v", "1.250.000")).amount("v", "portfolio.error.amount")).isEqualByComparingTo("1250000");
        assertThat(new FormInput(Map.of("v", "1250.50")).amount("v", "portfolio.error.amount")).isEqualByComparingTo("1250.50");
        assertThat(new FormInput(Map.of("v", "1.250.000,50")).amount("v", "portfolio.error.amount")).isEqualByComparingTo("1250000.50");
    }

    @Test
    void anythingElseIsAProblemOfTheField() {
        for (String bad : new String[] {"1,2,3", "abc", "1.250.000", "12%"}) {
            FormInput in = new FormInput(Map.of("v", bad));
            assertThat(in.decimal("v", "portfolio.error.number")).as(bad).isNull();
            assertThatThrownBy(in::throwIfProblems).as(bad).isInstanceOfSatisfying(dk.vendepunkt.platform.ValidationException.class,
                    e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code()).containsExactly("v:portfolio.error.number"));
        }
    }

    @Test
    void textChoicesDatesAndWholeNumbersEachWithTheirOwnProblem() {
        FormInput in = new FormInput(Map.of("name", "  Ida ", "empty", " ", "day", "MONDAY", "badDay", "mandag",
                "date", "2026-12-03", "badDate", "3/12", "n", "1 250", "badN", "x"));
        assertThat(in.text("name")).isEqualTo("Ida");
        assertThat(in.text("empty")).isNull();
        assertThat(in.text("missing")).isNull();
        assertThat(in.enumValue("day", java.time.DayOfWeek.class)).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(in.enumValue("empty", java.time.DayOfWeek.class)).isNull();
        assertThat(in.enumValue("badDay", java.time.DayOfWeek.class)).isNull();
        assertThat(in.date("date")).isEqualTo(java.time.LocalDate.of(2026, 12, 3));
        assertThat(in.date("badDate")).isNull();
        assertThat(in.integer("n")).isEqualTo(1250);
        assertThat(in.integer("badN")).isNull();
        assertThatThrownBy(in::throwIfProblems).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(p -> p.field() + ":" + p.code())
                        .containsExactly("badDay:form.choice", "badDate:form.date", "badN:form.integer"));
    }
}
