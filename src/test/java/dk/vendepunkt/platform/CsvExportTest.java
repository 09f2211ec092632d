package dk.vendepunkt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exports in the Danish spreadsheet dialect: BOM, ";", CRLF, quoting, no formulas. */
class CsvExportTest {

    @Test
    void danishDialectWithQuotingAndNoFormulas() {
        byte[] bytes = new CsvExport(List.of("Navn", "Note")).row(Arrays.asList("Ærø; Øst", "=HYPERLINK(\"x\")")).row(Arrays.asList(null, -3)).bytes();
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFNavn;Note\r\n\"Ærø; Øst\";\"'=HYPERLINK(\"\"x\"\")\"\r\n;-3\r\n");
    }
}
