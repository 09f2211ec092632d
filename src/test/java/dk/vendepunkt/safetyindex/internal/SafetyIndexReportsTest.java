package dk.vendepunkt.safetyindex.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.Bundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.junit.jupiter.api.Test;

/** The reports' texts come from i18n/safetyindex (Danish and English); a key the code uses and a bundle lacks fails. */
class SafetyIndexReportsTest {

    static final Path SOURCE = Path.of("src/main/java/dk/vendepunkt/safetyindex/internal/SafetyIndexReports.java");

    /** The module's bundle, as the application loads it. */
    static MessageSource bundle() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("i18n/safetyindex");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @Test
    void everyTextTheReportsUseIsInBothBundles() throws IOException {
        String code = Files.readString(SOURCE);
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("m\\(\"([A-Za-z0-9_.]*[A-Za-z0-9_])\"").matcher(code);
        while (m.find()) keys.add(m.group(1));
        Matcher categories = Pattern.compile("m\\(\"(safety\\.category\\.)\" \\+").matcher(code);
        while (categories.find()) for (Category c : Category.values()) keys.add(categories.group(1) + c.name());
        assertThat(keys).hasSizeGreaterThan(40);
        Properties da = Bundles.load("safetyindex");
        Properties en = Bundles.load("safetyindex_en");
        assertThat(keys).allSatisfy(k -> {
            assertThat(da).as("i18n/safetyindex.properties").containsKey(k);
            assertThat(en).as("i18n/safetyindex_en.properties").containsKey(k);
        });
    }

    @Test
    void noDanishTextIsWrittenInTheReportsCode() throws IOException {
        List<String> texts = new ArrayList<>();
        String code = Files.readString(SOURCE).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(code);
        while (m.find()) {
            String t = m.group(1);
            if (t.matches(".*[a-zæøå]{2,}.*") && !t.matches("[a-z][A-Za-z0-9_.]*|tryghedsindeks|urolige-omraader")) texts.add(t);
        }
        assertThat(texts).as("Danish text in SafetyIndexReports instead of a message key").isEmpty();
    }
}
