package dk.vendepunkt.organisation;

/** A forvaltning, e.g. SOF = Socialforvaltningen. */
public record Department(String code, String name) {

    /** The abbreviation Danish documents use: the codes are ASCII (OKF), Økonomiforvaltningen is written ØKF. */
    public static String label(String code) {
        return "OKF".equals(code) ? "ØKF" : code;
    }

    public String label() {
        return label(code);
    }
}
