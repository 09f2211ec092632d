package dk.vendepunkt.crimestats.demo;

import dk.vendepunkt.people.CprNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Generated young people for the demo charges: a CPR number whose birth date gives the charge's age, and a
 * district of residence; about a third of the charges fall on someone charged before (repeat offenders), so
 * effect goal 1 counts fewer persons than charges. Generated only: no real person.
 */
final class DemoPersons {

    record Person(CprNumber cpr, int district) {}

    private final RandomGenerator random;
    private final List<Person> charged = new ArrayList<>();
    private final Set<String> used = new HashSet<>();

    DemoPersons(RandomGenerator random) {
        this.random = random;
    }

    /** A person aged 10–25 on {@code day}: someone charged before when one fits, else a new person aged {@code age}. */
    Person charged(LocalDate day, int age) {
        if (!charged.isEmpty() && random.nextDouble() < 0.35) {
            Person p = charged.get(random.nextInt(charged.size()));
            int a = p.cpr().ageOn(day);
            if (a >= 10 && a <= 25) return p;
        }
        Person p = new Person(cpr(day.minusYears(age).minusDays(random.nextInt(365))), biasedDistrict());
        charged.add(p);
        return p;
    }

    /** Skewed towards the demo city's hot districts (indices of {@link CrimeDemoData#HOT}). */
    private int biasedDistrict() {
        if (random.nextDouble() < 0.45) return CrimeDemoData.HOT[random.nextInt(CrimeDemoData.HOT.length)];
        return random.nextInt(1000);
    }

    private CprNumber cpr(LocalDate birth) {
        // the 7th digit gives the century: 0–3 for 1900–1999, 4 for 2000–2036
        int centuryDigit = birth.getYear() < 2000 ? random.nextInt(4) : 4;
        while (true) {
            String digits = String.format(Locale.ROOT, "%02d%02d%02d%d%03d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100,
                    centuryDigit, random.nextInt(1000));
            if (used.add(digits)) return new CprNumber(digits);
        }
    }
}
