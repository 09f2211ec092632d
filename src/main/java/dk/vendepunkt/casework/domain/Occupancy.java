package dk.vendepunkt.casework.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * Occupancy of a programme against its årspladser (one årsplads = one participant for one year).
 *
 * <p>A forløb occupies every day from its start date to its end date, both included (an ongoing forløb up to
 * {@code asOf}). For a calendar year:
 * <ul>
 *   <li>{@code forlobDays}: the forløb-days falling in the year, up to {@code asOf} for the current year;</li>
 *   <li>{@code yearPlacesUsed} = forlobDays / days in the year (365, 366 in a leap year): the årspladser used so far
 *       (at the end of the year this is the year's occupancy, comparable to the capacity);</li>
 *   <li>{@code averageOccupied} = forlobDays / days elapsed in the year: the average number of places in use, i.e.
 *       the årspladser the year is on course to use;</li>
 *   <li>{@code utilisation} = averageOccupied / capacity (null without a capacity);</li>
 *   <li>{@code activeOnAsOf}: forløb ongoing on {@code asOf} (or on 31 December for a past year).</li>
 * </ul>
 */
public record Occupancy(int year, long forlobDays, int daysInYear, int daysElapsed, double yearPlacesUsed,
                        double averageOccupied, Integer capacity, Double utilisation, int activeOnAsOf) {

    public record Span(LocalDate start, LocalDate end) {}

    public static Occupancy of(Collection<Span> forlob, int year, LocalDate asOf, Integer capacity) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        int daysInYear = first.lengthOfYear();
        LocalDate until = asOf.isBefore(last) ? asOf : last;
        int elapsed = until.isBefore(first) ? 0 : (int) ChronoUnit.DAYS.between(first, until) + 1;
        long days = 0;
        int active = 0;
        for (Span s : forlob) {
            LocalDate end = s.end() == null || s.end().isAfter(until) ? until : s.end();
            LocalDate start = s.start().isBefore(first) ? first : s.start();
            if (!end.isBefore(start)) days += ChronoUnit.DAYS.between(start, end) + 1;
            if (!s.start().isAfter(until) && (s.end() == null || !s.end().isBefore(until))) active++;
        }
        double used = (double) days / daysInYear;
        double average = elapsed == 0 ? 0 : (double) days / elapsed;
        Double utilisation = capacity == null || capacity == 0 ? null : average / capacity;
        return new Occupancy(year, days, daysInYear, elapsed, used, average, capacity, utilisation, elapsed == 0 ? 0 : active);
    }
}
