package dk.vendepunkt.portfolio.internal;

import java.util.List;

/** The forvaltninger of initiatives.csv, in the contract's order; OKF is shown as ØKF. */
public final class Departments {
    public static final List<String> CODES = List.of("OKF", "SOF", "BUF", "BIF", "KFF", "TMF", "SUF");

    private Departments() {}

    public static boolean valid(String code) {
        return code != null && CODES.contains(code);
    }

    /** The abbreviation Danish documents use (ØKF for OKF). */
    public static String label(String code) {
        return dk.vendepunkt.organisation.Department.label(code);
    }
}
