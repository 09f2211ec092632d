package dk.vendepunkt.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Danish spreadsheet dialect (contracts README): {@code ;}, decimal comma, {@code dd-MM-yyyy} dates and
 * {@code dd-MM-yyyy HH:mm} times, Windows-1252 — the same file in either dialect imports to the same rows.
 */
class DanishDialectTest {

    static final List<String> COLUMNS = List.of("name", "on", "at", "amount");

    static List<String> read(byte[] file, List<String> errors) {
        CsvFile f = new CsvFile("test", COLUMNS);
        List<String> rows = new ArrayList<>();
        f.read(new ByteArrayInputStream(file), r -> rows.add(r.text("name") + "|" + r.date("on", true) + "|" + r.dateTime("at", true).toInstant()
                + "|" + r.decimal("amount", true)));
        f.errors().forEach(e -> errors.add(e.line() + " " + e.column() + ": " + e.message()));
        return rows;
    }

    @Test
    void theSameFileInEitherDialectGivesTheSameRows() {
        String contract = "name,on,at,amount\nSøren Ærø,2014-03-01,2014-03-01T22:05,1234.50\n\"Hansen; Bo\",2010-12-31,2010-12-31T00:00,-3\n";
        String danish = "name;on;at;amount\r\nSøren Ærø;01-03-2014;01-03-2014 22:05;1234,50\r\n\"Hansen; Bo\";31-12-2010;2010-12-31T00:00;-3\r\n";
        List<String> errors = new ArrayList<>();
        List<String> fromContract = read(contract.getBytes(StandardCharsets.UTF_8), errors);
        List<String> fromExcel = read(danish.getBytes(Charset.forName("windows-1252")), errors);
        List<String> fromUtf8Danish = read(danish.getBytes(StandardCharsets.UTF_8), errors);
        assertThat(errors).isEmpty();
        assertThat(fromContract).hasSize(2).first().asString().startsWith("Søren Ærø|2014-03-01|");
        assertThat(fromExcel).isEqualTo(fromContract);
        assertThat(fromUtf8Danish).isEqualTo(fromContract);
    }

    @Test
    void theDialectsDoNotMix() {
        List<String> errors = new ArrayList<>();
        read("name;on;at;amount\nA;2014-03-01;01-03-2014 22:05;1.5\n".getBytes(StandardCharsets.UTF_8), errors);
        assertThat(errors).containsExactly("2 amount: Ugyldigt decimaltal; brug komma som decimaltegn og ingen tusindtalsseparator");
        errors.clear();
        read("name,on,at,amount\nA,01-03-2014,2014-03-01T22:05,\"1,5\"\n".getBytes(StandardCharsets.UTF_8), errors);
        assertThat(errors).hasSize(2).anyMatch(e -> e.startsWith("2 on:")).anyMatch(e -> e.startsWith("2 amount:"));
    }
}
