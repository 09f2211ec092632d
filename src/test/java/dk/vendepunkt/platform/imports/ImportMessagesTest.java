package dk.vendepunkt.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.support.Bundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Import errors come from the message bundles (i18n/imports, Danish and English), never from Java strings. */
class ImportMessagesTest {

    static final Path MAIN = Path.of("src/main/java/dk/vendepunkt");
    static final Pattern KEY_USE = Pattern.compile("ImportMessages\\.text\\(\\s*\"([A-Za-z0-9_.]+)\"");
    /** An error written as Danish text: fail(column, "Text…"), new ImportError(…, "Text…"), f.error(…, "Text…"). */
    static final Pattern HARD_CODED = Pattern.compile("(\\.fail\\(|new ImportError\\(|[^g]\\.error\\()[^;]*?,\\s*\"[A-ZÆØÅ][^\"]*\\s[^\"]*\"");

    static final Pattern MESSAGE_CALL = Pattern.compile("ImportMessages\\.text\\((?:[^()]|\\([^()]*\\))*\\)");

    static List<Path> mainSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void everyKeyUsedIsInTheDanishAndTheEnglishBundle() throws IOException {
        Properties da = Bundles.load("imports");
        Properties en = Bundles.load("imports_en");
        List<String> used = new ArrayList<>();
        for (Path f : mainSources()) {
            Matcher m = KEY_USE.matcher(Files.readString(f));
            while (m.find()) used.add(m.group(1));
        }
        assertThat(used).as("import messages used in src/main").hasSizeGreaterThan(50);
        assertThat(used).allSatisfy(k -> {
            assertThat(da).as("i18n/imports.properties").containsKey(k);
            assertThat(en).as("i18n/imports_en.properties").containsKey(k);
        });
        assertThat(en.keySet()).as("the English bundle has the Danish keys").isEqualTo(da.keySet());
        for (String k : da.stringPropertyNames()) {
            assertThat(placeholders(en.getProperty(k))).as(k + " has the same arguments in both languages")
                    .isEqualTo(placeholders(da.getProperty(k)));
        }
    }

    @Test
    void noImportErrorIsWrittenInJava() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : mainSources()) {
            String[] lines = Files.readString(f).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String withoutMessages = MESSAGE_CALL.matcher(lines[i]).replaceAll("MESSAGE");
                if (HARD_CODED.matcher(withoutMessages).find() && !lines[i].contains("log.error")) found.add(f + ":" + (i + 1) + ": " + lines[i].strip());
            }
        }
        assertThat(found).as("import errors with a hard-coded text instead of ImportMessages.text(key)").isEmpty();
    }

    @Test
    void textsAreInTheRequestsLanguageAndDanishOtherwise() {
        assertThat(ImportMessages.text("import.value.range", "1", "5")).isEqualTo("Tallet skal være mellem 1 og 5");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            assertThat(ImportMessages.text("import.value.range", "1", "5")).isEqualTo("The number must be between 1 and 5");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private static long placeholders(String message) {
        return Pattern.compile("\\{\\d+}").matcher(message).results().map(m -> m.group()).distinct().count();
    }
}
