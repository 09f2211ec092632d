package dk.vendepunkt.platform.imports;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The texts of import errors, from the message bundle {@code i18n/imports} (Danish, and {@code imports_en}), in
 * the language of the request that runs the import; Danish from the command line. Every import error, the
 * framework's ({@link CsvFile}) and every module's handler's, is written as
 * {@code r.fail(column, ImportMessages.text("import.<kind>.<what>", args...))}; {@code ImportMessagesTest} fails
 * on a key missing from either bundle and on an error text written in Java.
 */
public final class ImportMessages {

    private static final Locale DANISH = Locale.of("da");
    private static final ResourceBundleMessageSource BUNDLE = new ResourceBundleMessageSource();

    static {
        BUNDLE.setBasename("i18n/imports");
        BUNDLE.setDefaultEncoding("UTF-8");
        BUNDLE.setFallbackToSystemLocale(false);
    }

    private ImportMessages() {}

    /** The text of the message {@code code} with its arguments (numbers are passed as text, as the file has them). */
    public static String text(String code, Object... args) {
        Locale locale = LocaleContextHolder.getLocaleContext() != null ? LocaleContextHolder.getLocale() : DANISH;
        return BUNDLE.getMessage(code, args, locale);
    }
}
