package dk.vendepunkt.platform.imports;

import dk.vendepunkt.platform.CsvExport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a CSV file of one import kind looks like, for the upload page and its template download: the columns (the
 * ones the handler reads, in its order), the codes a column accepts (taken from the enum or reference list the
 * handler parses with, never written out by hand) and an example row. The template file is a Danish spreadsheet
 * CSV ({@link CsvExport}: {@code ;}, UTF-8 with BOM), which every import reads.
 *
 * @param columns  required columns, then optional ones
 * @param optional the optional columns (a file may leave them out)
 * @param codes    per column with a fixed set of values, the values accepted
 * @param example  per column, the value of the example row (Danish dialect: {@code dd-MM-yyyy}, decimal comma)
 * @param labels   per column whose codes have Danish names, the message-bundle prefix of the names (prefix + code)
 */
public record ImportTemplate(List<String> columns, List<String> optional, Map<String, List<String>> codes,
                             Map<String, String> example, Map<String, String> labels) {

    public ImportTemplate {
        columns = List.copyOf(columns);
        optional = List.copyOf(optional);
        codes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(codes));
        example = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(example));
        labels = Map.copyOf(labels);
        for (String c : labels.keySet()) {
            if (!codes.containsKey(c)) throw new IllegalArgumentException("names for a column without codes " + c);
        }
        for (String c : codes.keySet()) {
            if (!columns.contains(c)) throw new IllegalArgumentException("codes for an unknown column " + c);
        }
        for (String c : example.keySet()) {
            if (!columns.contains(c)) throw new IllegalArgumentException("example for an unknown column " + c);
        }
    }

    /** A template of these columns (required, then optional), no codes, no example yet. */
    public static ImportTemplate of(List<String> required, List<String> optional) {
        List<String> all = new ArrayList<>(required);
        all.addAll(optional);
        return new ImportTemplate(all, optional, Map.of(), Map.of(), Map.of());
    }

    public static ImportTemplate of(List<String> required) {
        return of(required, List.of());
    }

    /** The column accepts the names of the enum's constants (what {@link CsvFile.Row#enumValue} parses). */
    public <E extends Enum<E>> ImportTemplate codes(String column, Class<E> type) {
        return codes(column, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    /** As {@link #codes(String, Class)}, the codes shown with their Danish names (message {@code labelPrefix + code}). */
    public <E extends Enum<E>> ImportTemplate codes(String column, Class<E> type, String labelPrefix) {
        ImportTemplate t = codes(column, type);
        Map<String, String> more = new LinkedHashMap<>(t.labels);
        more.put(column, labelPrefix);
        return new ImportTemplate(t.columns, t.optional, t.codes, t.example, more);
    }

    /** The column accepts these values (a reference list the handler checks against). */
    public ImportTemplate codes(String column, Collection<String> values) {
        Map<String, List<String>> more = new LinkedHashMap<>(codes);
        more.put(column, List.copyOf(values));
        return new ImportTemplate(columns, optional, more, example, labels);
    }

    /** The example row as column, value pairs; a column not named is left empty. */
    public ImportTemplate example(String... columnValuePairs) {
        if (columnValuePairs.length % 2 != 0) throw new IllegalArgumentException("column, value pairs expected");
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columnValuePairs.length; i += 2) row.put(columnValuePairs[i], columnValuePairs[i + 1]);
        return new ImportTemplate(columns, optional, codes, row, labels);
    }

    /** The example row in column order (empty cells where it names no value). */
    public List<String> exampleRow() {
        return columns.stream().map(c -> example.getOrDefault(c, "")).toList();
    }

    /** The file to download: the header row and the example row. */
    public byte[] csv() {
        return new CsvExport(columns).row(exampleRow()).bytes();
    }
}
