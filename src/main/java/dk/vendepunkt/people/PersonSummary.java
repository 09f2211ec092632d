package dk.vendepunkt.people;

import java.time.LocalDate;

/** A person as lists and other modules show it: CPR masked, age derived from the CPR's birth date. */
public record PersonSummary(long id, String maskedCpr, LocalDate birthDate, String firstName, String lastName,
                            String districtCode) {

    public String name() {
        return firstName + " " + lastName;
    }

    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }
}
