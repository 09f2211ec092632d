package dk.vendepunkt.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit log is read by a Danish data protection officer: every text the code writes into it (subject and
 * reason of {@link AuditLog} calls) is Danish, or a subject code the viewer translates ({@code audit.subject.*}).
 */
class AuditTextsTest {

    static final Pattern CALL = Pattern.compile("audit\\.(record|person|enrolment|shown)\\(([^;]*);", Pattern.DOTALL);
    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final Pattern ENGLISH = Pattern.compile("(?i)\\b(outside|another|only|the|of|with|granted|registration|known|consents?|withdrawn|"
            + "rows|hits|analysis|public|internal|report|incident|figures|search|manages|user's)\\b");

    @Test
    void everyTextWrittenToTheAuditLogIsDanishOrATranslatedSubject() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/audit.properties")) {
            bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        List<String> english = new ArrayList<>();
        int literals = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher call = CALL.matcher(Files.readString(f));
                while (call.find()) {
                    Matcher lit = LITERAL.matcher(call.group(2));
                    while (lit.find()) {
                        String text = lit.group(1);
                        literals++;
                        if (bundle.containsKey("audit.subject." + text)) continue;
                        if (ENGLISH.matcher(text).find()) english.add(f.getFileName() + ": \"" + text + "\"");
                    }
                }
            }
        }
        assertThat(literals).as("audit texts found").isGreaterThan(30);
        assertThat(english).isEmpty();
    }
}
