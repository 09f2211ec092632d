package dk.vendepunkt.platform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** A date as users read it everywhere in Vendepunkt: "05-01-2026" (never ISO in text shown to a user). */
public final class DanishDates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private DanishDates() {}

    /** "05-01-2026"; null for null. */
    public static String format(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }
}
