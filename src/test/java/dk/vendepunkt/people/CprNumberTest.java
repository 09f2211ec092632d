package dk.vendepunkt.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CprNumberTest {

    @Test
    void bothFormsAreTheSameNumber() {
        assertThat(CprNumber.parse("010190-1234")).isEqualTo(CprNumber.parse("0101901234"));
        assertThat(CprNumber.parse(" 0101901234 ").orElseThrow().formatted()).isEqualTo("010190-1234");
    }

    @Test
    void dateMustBeReal() {
        assertThat(CprNumber.parse("310290-1234")).isEmpty();
        assertThat(CprNumber.parse("290200-4000")).isPresent(); // 2000 was a leap year (7th digit 4, yy 00 -> 2000)
        assertThat(CprNumber.parse("290200-1234")).isEmpty();   // 1900 was not
        assertThat(CprNumber.parse("011390-1234")).isEmpty();
        assertThat(CprNumber.parse("01019-1234")).isEmpty();
        assertThat(CprNumber.parse("abcdef-1234")).isEmpty();
        assertThat(CprNumber.parse(null)).isEmpty();
    }

    @Test
    void centuryFollowsTheSeventhDigit() {
        assertThat(CprNumber.parse("010136-4000").orElseThrow().birthDate()).isEqualTo(LocalDate.of(2036, 1, 1));
        assertThat(CprNumber.parse("010137-4000").orElseThrow().birthDate()).isEqualTo(LocalDate.of(1937, 1, 1));
        assertThat(CprNumber.parse("010157-5000").orElseThrow().birthDate()).isEqualTo(LocalDate.of(2057, 1, 1));
        assertThat(CprNumber.parse("010158-5000").orElseThrow().birthDate()).isEqualTo(LocalDate.of(1858, 1, 1));
        assertThat(CprNumber.parse("010105-2000").orElseThrow().birthDate()).isEqualTo(LocalDate.of(1905, 1, 1));
        assertThat(CprNumber.parse("010105-9000").orElseThrow().birthDate()).isEqualTo(LocalDate.of(2005, 1, 1));
    }

    @Test
    void noModulus11Check() {
        // fails modulus 11, still accepted (not valid for numbers issued since 2007)
        assertThat(CprNumber.parse("010190-1235")).isPresent();
    }

    @Test
    void maskedHidesTheSerial() {
        CprNumber c = CprNumber.parse("241288-1234").orElseThrow();
        assertThat(c.masked()).isEqualTo("241288-XXXX");
        assertThat(c.toString()).doesNotContain("1234");
        assertThat(c.ageOn(LocalDate.of(2026, 12, 23))).isEqualTo(37);
        assertThat(c.ageOn(LocalDate.of(2026, 12, 24))).isEqualTo(38);
    }
}
