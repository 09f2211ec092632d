package dk.vendepunkt.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV file as Danish spreadsheets open it: {@code ;} between fields, CRLF line ends, UTF-8 with a byte-order
 * mark (so Excel reads æøå), fields quoted when they hold {@code ;}, quotes or line breaks, and a field that a
 * spreadsheet would run as a formula ({@code = + - @} first) prefixed with {@code '}.
 */
public final class CsvExport {

    private final StringBuilder out = new StringBuilder("\uFEFF");

    public CsvExport(List<String> header) {
        row(header);
    }

    public CsvExport row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append(';');
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    static String field(Object value) {
        if (value == null) return "";
        String s = value.toString();
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) s = "'" + s;
        if (s.indexOf(';') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    public byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
