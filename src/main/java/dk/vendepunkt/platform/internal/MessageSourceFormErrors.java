package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** {@link FormErrors} with the application's message bundles, in the current request's language. */
@Component
class MessageSourceFormErrors implements FormErrors {

    private final MessageSource messages;

    MessageSourceFormErrors(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public String message(String code, Object... args) {
        return messages.getMessage(code, danishDates(args), code, LocaleContextHolder.getLocale());
    }

    /** Message arguments as the pages show them: a date as "05-01-2026", never ISO (MessageFormat would print LocalDate's toString). */
    static Object[] danishDates(Object[] args) {
        if (args == null) return null;
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) if (out[i] instanceof java.time.LocalDate d) out[i] = dk.vendepunkt.platform.DanishDates.format(d);
        return out;
    }
}
