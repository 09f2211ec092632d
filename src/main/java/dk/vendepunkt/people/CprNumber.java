package dk.vendepunkt.people;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * A Danish CPR number, {@code DDMMYY-SSSS} or {@code DDMMYYSSSS}; both forms are the same number.
 * The date part must be a real date; the century follows from the 7th digit (CPR office rules).
 * No modulus-11 check: it is not valid for numbers issued since 2007.
 */
public record CprNumber(String digits) {

    public CprNumber {
        if (digits == null || !digits.matches("\\d{10}")) {
            throw new IllegalArgumentException("CPR must be 10 digits");
        }
        birthDate(digits); // throws when the date part is not a real date
    }

    /** Parses either form; empty when the text is not a valid CPR number. */
    public static Optional<CprNumber> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim();
        if (!t.matches("\\d{6}-?\\d{4}")) return Optional.empty();
        String d = t.replace("-", "");
        try {
            return Optional.of(new CprNumber(d));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }

    public LocalDate birthDate() {
        return birthDate(digits);
    }

    private static LocalDate birthDate(String d) {
        int day = Integer.parseInt(d.substring(0, 2));
        int month = Integer.parseInt(d.substring(2, 4));
        int yy = Integer.parseInt(d.substring(4, 6));
        int c = d.charAt(6) - '0';
        int century;
        if (c <= 3) century = 1900;
        else if (c == 4 || c == 9) century = yy <= 36 ? 2000 : 1900;
        else century = yy <= 57 ? 2000 : 1800;
        return LocalDate.of(century + yy, month, day);
    }

    public int ageOn(LocalDate date) {
        return Period.between(birthDate(), date).getYears();
    }

    /** {@code DDMMYY-SSSS} */
    public String formatted() {
        return digits.substring(0, 6) + "-" + digits.substring(6);
    }

    /** {@code DDMMYY-XXXX}: the form shown until the user chooses to reveal it. */
    public String masked() {
        return digits.substring(0, 6) + "-XXXX";
    }

    @Override
    public String toString() {
        return masked();
    }
}
