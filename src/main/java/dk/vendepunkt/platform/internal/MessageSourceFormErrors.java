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
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
