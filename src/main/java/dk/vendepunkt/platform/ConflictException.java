package dk.vendepunkt.platform;

/** The request conflicts with the stored state, e.g. a stale version or a duplicate (409). */
public class ConflictException extends LocalizedException {
    public ConflictException(String code, Object... args) {
        super(code, args);
    }

    /** The optimistic-lock failure: someone else saved the record after it was read. */
    public static ConflictException stale() {
        return new ConflictException("error.stale");
    }
}
