package dk.vendepunkt.platform;

import java.util.Arrays;

/** An exception whose message is a message-bundle code with arguments, rendered in the user's language. */
public abstract class LocalizedException extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    protected LocalizedException(String code, Object... args) {
        super(code + (args.length == 0 ? "" : " " + Arrays.toString(args)));
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args;
    }
}
