package dk.vendepunkt.platform;

/** The user has made too many requests of a kind in a period (429), e.g. CPR look-ups. */
public class TooManyRequestsException extends LocalizedException {
    public TooManyRequestsException(String code, Object... args) {
        super(code, args);
    }
}
