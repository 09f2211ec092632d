package dk.vendepunkt.crimestats.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.people.CprNumber;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo charges' persons pass the charges import's check: the CPR number's birth date gives the age at the charge. */
class DemoPersonsTest {

    @Test
    void everyPersonIsAValidCprNumberOfTheRightAgeAndSomeAreChargedAgain() {
        DemoPersons persons = new DemoPersons(new Random(11));
        Set<CprNumber> distinct = new HashSet<>();
        int charges = 0;
        for (LocalDate d = LocalDate.of(2021, 1, 1); d.isBefore(LocalDate.of(2027, 1, 1)); d = d.plusDays(3)) {
            int age = 10 + (d.getDayOfYear() % 16);
            DemoPersons.Person p = persons.charged(d, age);
            int real = p.cpr().ageOn(d);
            assertThat(real).isBetween(10, 25);
            assertThat(CprNumber.parse(p.cpr().formatted())).contains(p.cpr());
            if (distinct.add(p.cpr())) assertThat(real).isEqualTo(age);
            charges++;
        }
        assertThat(distinct.size()).isLessThan(charges).isGreaterThan(charges / 2);
    }
}
