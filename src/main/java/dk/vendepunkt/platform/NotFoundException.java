package dk.vendepunkt.platform;

/** The thing asked for does not exist (404). The message is a message-bundle code. */
public class NotFoundException extends LocalizedException {
    public NotFoundException(String code, Object... args) {
        super(code, args);
    }
}
