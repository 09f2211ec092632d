package dk.vendepunkt.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** A message bundle as the application reads it (UTF-8), for tests that check keys. */
public final class Bundles {

    private Bundles() {}

    /** {@code i18n/<name>.properties}, e.g. {@code load("imports_en")}. */
    public static Properties load(String name) {
        InputStream in = Bundles.class.getResourceAsStream("/i18n/" + name + ".properties");
        if (in == null) throw new IllegalArgumentException("no bundle i18n/" + name + ".properties");
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
