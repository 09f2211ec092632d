package dk.vendepunkt.platform.imports;

import dk.vendepunkt.platform.Texts;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a character stream, read by hand because imports read millions of them: fields
 * separated by commas, records by CRLF, LF or CR, a field that starts with a double quote is quoted (it
 * may hold commas, line breaks and {@code ""} for a quote; after its closing quote only spaces may come
 * before the next comma or line end). Empty lines are skipped. Values are not trimmed. A record longer
 * than {@link #MAX_RECORD} characters is malformed (it is not read whole into memory).
 */
final class CsvRecords {

    /** The stream is not valid CSV; the message is Danish, for the import's error list. */
    static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    /** The most characters a record (a line, or several when a quoted field holds line breaks) may have. */
    static final int MAX_RECORD = 1 << 20;

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private final StringBuilder field = new StringBuilder(64);
    private long records;
    /** Characters of the current record's fields before the current one. */
    private int recordSize;

    /** The field separator: ',' (the contract) or ';' (the Danish spreadsheet dialect). */
    private final char separator;

    CsvRecords(Reader in) {
        this(in, ',');
    }

    CsvRecords(Reader in, char separator) {
        this.in = in;
        this.separator = separator;
    }

    /** The number of records returned so far (the first is 1). */
    long recordNumber() {
        return records;
    }

    private int read() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private void unread() {
        pos--;
    }

    /** The next record's fields, or null at the end of the stream. */
    List<String> next() throws IOException, MalformedException {
        int c = read();
        while (c == '\n' || c == '\r') c = read();
        if (c < 0) return null;
        unread();
        records++;
        recordSize = 0;
        List<String> fields = new ArrayList<>(8);
        while (true) {
            c = read();
            if (c == '"') {
                c = quoted();
            } else {
                // plain field: scan the buffer directly while no delimiter, line end or buffer end comes
                int start = pos - 1;
                field.setLength(0);
                if (c >= 0) {
                    while (c != separator && c != '\n' && c != '\r') {
                        if (pos == len) {
                            field.append(buf, start, pos - start);
                            checkSize();
                            c = read();
                            start = pos - 1;
                            if (c < 0) break;
                        } else {
                            c = buf[pos++];
                        }
                    }
                    if (c >= 0) field.append(buf, start, pos - 1 - start);
                }
            }
            checkSize();
            recordSize += field.length();
            fields.add(field.toString());
            if (c == separator) continue;
            if (c == '\r') {
                if (read() != '\n' && len > 0) unread();
            }
            return fields;
        }
    }

    private void checkSize() throws MalformedException {
        if (recordSize + field.length() > MAX_RECORD) {
            throw new MalformedException(ImportMessages.text("import.csv.recordTooLong", String.valueOf(records), String.valueOf(MAX_RECORD)));
        }
    }

    /** Reads a quoted field's content into {@link #field}; returns the character after it (comma, line end or −1). */
    private int quoted() throws IOException, MalformedException {
        field.setLength(0);
        while (true) {
            int c = read();
            if (c < 0) throw new MalformedException(ImportMessages.text("import.csv.unclosedQuote", String.valueOf(records)));
            if (c != '"') {
                field.append((char) c);
                if ((field.length() & 0xFFFF) == 0) checkSize();
                continue;
            }
            c = read();
            if (c == '"') {
                field.append('"');
                continue;
            }
            while (c == ' ' || c == '\t') c = read();
            if (c == separator || c == '\n' || c == '\r' || c < 0) return c;
            throw new MalformedException(ImportMessages.text("import.csv.afterQuote", String.valueOf(records), Texts.excerpt(String.valueOf((char) c))));
        }
    }
}
