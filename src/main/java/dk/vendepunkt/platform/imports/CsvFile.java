package dk.vendepunkt.platform.imports;

import dk.vendepunkt.platform.Zones;
import dk.vendepunkt.platform.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a contract CSV file: UTF-8 (BOM accepted), comma separated, RFC 4180 quoting, a header with
 * exactly the expected column names in any order — or the Danish spreadsheet dialect that Excel saves here
 * (contracts README): when the header line holds a {@code ;}, fields are {@code ;}-separated, decimals use
 * {@code ,}, dates may be {@code dd-MM-yyyy} and date-times {@code dd-MM-yyyy HH:mm}; a file that is not valid
 * UTF-8 is read as Windows-1252. The same file in either dialect gives the same rows. Rows are streamed to a consumer with a
 * {@link Row} that parses cells and collects every error instead of stopping at the first one.
 * Error messages are Danish (the users' language).
 */
public final class CsvFile {

    private static final int MAX_ERRORS = 1000;
    private static final java.time.format.DateTimeFormatter DANISH_DATE = java.time.format.DateTimeFormatter.ofPattern("dd-MM-uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final java.time.format.DateTimeFormatter DANISH_DATE_TIME = java.time.format.DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final java.util.regex.Pattern DANISH_DATE_SHAPE = java.util.regex.Pattern.compile("\\d\\d-\\d\\d-\\d{4}");
    private static final java.util.regex.Pattern DANISH_DATE_TIME_SHAPE = java.util.regex.Pattern.compile("\\d\\d-\\d\\d-\\d{4} \\d\\d:\\d\\d");

    private final String kind;
    private final List<String> columns;
    private final Set<String> optional;
    private final List<ImportError> errors = new ArrayList<>();
    private int rows;

    public CsvFile(String kind, List<String> columns) {
        this(kind, columns, List.of());
    }

    /**
     * With optional columns (listed after the required ones): a file may leave them out of its header,
     * and a row then reads them as empty.
     */
    public CsvFile(String kind, List<String> columns, List<String> optionalColumns) {
        this.kind = kind;
        List<String> all = new ArrayList<>(columns);
        all.addAll(optionalColumns);
        this.columns = List.copyOf(all);
        this.optional = Set.copyOf(optionalColumns);
    }

    /**
     * Reads every row; the consumer validates and collects. Returns normally even when rows had
     * errors; call {@link #throwIfErrors()} before storing anything.
     */
    public void read(InputStream in, Consumer<Row> perRow) {
        try (var reader = reader(new java.io.BufferedInputStream(in, SNIFF))) {
            reader.mark(SNIFF);
            char separator = ',';
            for (int i = 0, c; i < SNIFF && (c = reader.read()) >= 0 && c != '\n' && c != '\r'; i++) {
                if (c == ';') {
                    separator = ';';
                    break;
                }
            }
            reader.reset();
            danish = separator == ';';
            CsvRecords records = new CsvRecords(reader, separator);
            try {
                List<String> header = records.next();
                if (header != null && !header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                    header.set(0, header.get(0).substring(1));
                }
                if (!checkHeader(header == null ? List.of() : header)) {
                    return;
                }
                int[] index = new int[columns.size()];
                for (int i = 0; i < index.length; i++) index[i] = header.indexOf(columns.get(i));
                List<String> rec;
                while ((rec = records.next()) != null) {
                    rows++;
                    long line = records.recordNumber();
                    if (rec.size() != header.size()) {
                        error(line, null, null, ImportMessages.text("import.row.fieldCount", String.valueOf(rec.size()), String.valueOf(header.size())));
                        continue;
                    }
                    if (textsValid(header, rec, line)) {
                        perRow.accept(new Row(rec, index, line));
                    }
                }
            } catch (CsvRecords.MalformedException e) {
                error(records.recordNumber(), null, null, ImportMessages.text("import.file.notCsv", e.getMessage()));
            }
        } catch (IOException | UncheckedIOException e) {
            error(0, null, null, ImportMessages.text("import.file.unreadable", e.getMessage()));
        }
    }

    /** How much of a file is looked at to tell its character set and separator. */
    private static final int SNIFF = 1 << 16;
    private boolean danish;

    /** Whether the file is in the Danish spreadsheet dialect ({@code ;}, decimal comma, {@code dd-MM-yyyy}). */
    public boolean danishDialect() {
        return danish;
    }

    /**
     * UTF-8 when the file's first 64 KiB are valid UTF-8 (a later invalid byte is an error), else Windows-1252
     * (what Excel saves as "CSV (semikolonsepareret)").
     */
    private static java.io.BufferedReader reader(java.io.BufferedInputStream in) throws IOException {
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        boolean utf8 = !decoder.decode(java.nio.ByteBuffer.wrap(head), java.nio.CharBuffer.allocate(head.length + 1), head.length < SNIFF).isError();
        var cs = utf8 ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName("windows-1252");
        var strict = cs.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        return new java.io.BufferedReader(new InputStreamReader(in, strict), SNIFF);
    }

    /** Every cell follows {@link Texts}' rule (no NUL or other control character, not too long); else errors. */
    private boolean textsValid(List<String> header, List<String> rec, long line) {
        boolean ok = true;
        for (int i = 0; i < rec.size(); i++) {
            var problem = Texts.problem(header.get(i), rec.get(i), Texts.MAX_LENGTH);
            if (problem != null) {
                error(line, header.get(i), rec.get(i), problem.code().equals("text.control")
                        ? ImportMessages.text("import.cell.control")
                        : ImportMessages.text("import.cell.tooLong", String.valueOf(Texts.MAX_LENGTH)));
                ok = false;
            }
        }
        return ok;
    }

    private boolean checkHeader(List<String> header) {
        Set<String> got = new LinkedHashSet<>(header);
        Set<String> missing = new LinkedHashSet<>(columns);
        missing.removeAll(got);
        missing.removeAll(optional);
        Set<String> extra = new LinkedHashSet<>(got);
        columns.forEach(extra::remove);
        if (header.isEmpty()) {
            error(1, null, null, ImportMessages.text("import.file.empty", String.join(",", columns)));
            return false;
        }
        boolean ok = true;
        for (String m : missing) {
            error(1, m, null, ImportMessages.text("import.header.missing"));
            ok = false;
        }
        for (String x : extra) {
            error(1, x, null, ImportMessages.text("import.header.unknown", String.join(",", columns)));
            ok = false;
        }
        if (got.size() != header.size()) {
            error(1, null, null, ImportMessages.text("import.header.repeated"));
            ok = false;
        }
        return ok;
    }

    public void error(long line, String column, String value, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new ImportError(line, column, value, message));
        }
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<ImportError> errors() {
        return errors;
    }

    public int rows() {
        return rows;
    }

    public void throwIfErrors() {
        if (!errors.isEmpty()) {
            throw new ImportFailedException(kind, errors);
        }
    }

    /** One data row; each getter records an error for its column and returns null when invalid. */
    public final class Row {
        private final List<String> rec;
        /** For each expected column (in {@code columns}' order), its position in the file. */
        private final int[] index;
        private final long line;
        private boolean valid = true;

        Row(List<String> rec, int[] index, long line) {
            this.rec = rec;
            this.index = index;
            this.line = line;
        }

        public long line() {
            return line;
        }

        /** False once any getter or {@link #fail} recorded an error for this row. */
        public boolean valid() {
            return valid;
        }

        public void fail(String column, String message) {
            valid = false;
            error(line, column, column == null ? null : raw(column), message);
        }

        public String raw(String column) {
            int i = columns.indexOf(column);
            if (i < 0) throw new IllegalArgumentException("not a column of " + kind + ": " + column);
            return index[i] < 0 ? "" : rec.get(index[i]);
        }

        /** Trimmed text, or null when empty. */
        public String text(String column) {
            String v = raw(column).trim();
            return v.isEmpty() ? null : v;
        }

        public String required(String column) {
            String v = text(column);
            if (v == null) {
                fail(column, ImportMessages.text("import.value.required"));
            }
            return v;
        }

        public LocalDate date(String column, boolean required) {
            String v = required ? required(column) : text(column);
            if (v == null) return null;
            try {
                return danish && DANISH_DATE_SHAPE.matcher(v).matches() ? LocalDate.parse(v, DANISH_DATE) : LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                fail(column, ImportMessages.text(danish ? "import.value.date.danish" : "import.value.date"));
                return null;
            }
        }

        /** ISO-8601 local time in Europe/Copenhagen, or with an offset. */
        public OffsetDateTime dateTime(String column, boolean required) {
            String v = required ? required(column) : text(column);
            if (v == null) return null;
            try {
                if (danish && DANISH_DATE_TIME_SHAPE.matcher(v).matches()) {
                    return LocalDateTime.parse(v, DANISH_DATE_TIME).atZone(Zones.ZONE).toOffsetDateTime();
                }
                if (v.length() > 16 && (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:?\\d\\d$"))) {
                    return OffsetDateTime.parse(v);
                }
                return LocalDateTime.parse(v).atZone(Zones.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                fail(column, ImportMessages.text(danish ? "import.value.dateTime.danish" : "import.value.dateTime"));
                return null;
            }
        }

        public <E extends Enum<E>> E enumValue(String column, Class<E> type, boolean required) {
            String v = required ? required(column) : text(column);
            if (v == null) return null;
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                StringBuilder allowed = new StringBuilder();
                for (E c : type.getEnumConstants()) {
                    if (!allowed.isEmpty()) allowed.append(", ");
                    allowed.append(c.name());
                }
                fail(column, ImportMessages.text("import.value.choice", allowed.toString()));
                return null;
            }
        }

        public Integer integer(String column, int min, int max, boolean required) {
            String v = required ? required(column) : text(column);
            if (v == null) return null;
            try {
                int i = Integer.parseInt(v);
                if (i < min || i > max) {
                    fail(column, ImportMessages.text("import.value.range", String.valueOf(min), String.valueOf(max)));
                    return null;
                }
                return i;
            } catch (NumberFormatException e) {
                fail(column, ImportMessages.text("import.value.integer"));
                return null;
            }
        }

        /** Exact decimal with '.' (the Danish dialect: ',') and no thousands separators. */
        public BigDecimal decimal(String column, boolean required) {
            String v = required ? required(column) : text(column);
            if (v == null) return null;
            if (!v.matches(danish ? "-?\\d+(,\\d+)?" : "-?\\d+(\\.\\d+)?")) {
                fail(column, ImportMessages.text(danish ? "import.value.decimal.danish" : "import.value.decimal"));
                return null;
            }
            return new BigDecimal(danish ? v.replace(',', '.') : v);
        }

        /** Whether the file is in the Danish spreadsheet dialect (for handlers that parse a cell themselves). */
        public boolean danishDialect() {
            return danish;
        }

        public Double number(String column, boolean required) {
            BigDecimal d = decimal(column, required);
            return d == null ? null : d.doubleValue();
        }

        public Boolean bool(String column, boolean required) {
            String v = required ? required(column) : text(column);
            if (v == null) return null;
            return switch (v) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> {
                    fail(column, ImportMessages.text("import.value.boolean"));
                    yield null;
                }
            };
        }
    }
}
