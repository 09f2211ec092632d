package dk.vendepunkt.safetyindex.internal;

import java.time.LocalDate;

/** A half-year: 1 = January–June, 2 = July–December. */
public record HalfYear(int year, int half) implements Comparable<HalfYear> {

    public HalfYear {
        if (half != 1 && half != 2) throw new IllegalArgumentException("half must be 1 or 2");
        if (year < 1990 || year > 2100) throw new IllegalArgumentException("year out of range");
    }

    public static HalfYear containing(LocalDate d) {
        return new HalfYear(d.getYear(), d.getMonthValue() <= 6 ? 1 : 2);
    }

    LocalDate from() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    LocalDate to() {
        return half == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
    }

    public HalfYear previous() {
        return half == 2 ? new HalfYear(year, 1) : new HalfYear(year - 1, 2);
    }

    public HalfYear yearEarlier() {
        return new HalfYear(year - 1, half);
    }

    /** "1. halvår 2025". */
    public String label() {
        return half + ". halvår " + year;
    }

    @Override
    public int compareTo(HalfYear o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(half, o.half);
    }
}
