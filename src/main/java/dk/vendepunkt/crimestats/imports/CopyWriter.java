package dk.vendepunkt.crimestats.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows to {@code COPY <table> (<columns>) FROM STDIN (FORMAT binary)} in 256 kB chunks. Binary
 * COPY spares the server from parsing text (timestamps, dates and numbers cost more to parse than to
 * store). A row is started with {@link #row}, then each column is written with the method of its exact
 * SQL type ({@link #text} for text and varchar, {@link #int2}, {@link #int4},
 * {@link #float8}, {@link #date}, {@link #timestamptz}) or {@link #nul}.
 */
final class CopyWriter implements AutoCloseable {

    private static final int CHUNK = 1 << 18;
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** 2000-01-01, PostgreSQL's epoch for dates and timestamps. */
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;

    private final CopyIn copy;
    private final OutputStream spool;
    private SQLException failure;
    private final byte[] buf = new byte[CHUNK + 8192];
    private int pos;
    private boolean done;

    CopyWriter(Connection connection, String target) throws SQLException {
        this(connection, target, null);
    }

    /**
     * @param target the table and its columns, e.g. {@code cs_report (ref, day)}
     * @param spool  when not null, the whole COPY stream is also written there (so the rows can be copied
     *               again, e.g. into a staging table after the COPY failed); a failed COPY then does not
     *               stop the writer
     */
    CopyWriter(Connection connection, String target, OutputStream spool) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + target + " from stdin (format binary)");
        this.spool = spool;
        System.arraycopy(HEADER, 0, buf, 0, HEADER.length);
        pos = HEADER.length;
    }

    /** Starts a row of {@code fields} values. */
    CopyWriter row(int fields) throws SQLException {
        if (pos >= CHUNK) flush();
        ensure(2);
        putShort(fields);
        return this;
    }

    /** A text value (UTF-8); null is written as NULL. */
    CopyWriter text(String s) throws SQLException {
        if (s == null) return nul();
        int n = s.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) ascii = s.charAt(i) < 0x80;
        if (!ascii) return bytes(s.getBytes(StandardCharsets.UTF_8));
        ensure(4 + n);
        putInt(n);
        for (int i = 0; i < n; i++) buf[pos++] = (byte) s.charAt(i);
        return this;
    }

    /** A text value given as its UTF-8 bytes (e.g. a code encoded once for many rows). */
    CopyWriter bytes(byte[] utf8) throws SQLException {
        ensure(4 + utf8.length);
        putInt(utf8.length);
        if (utf8.length > buf.length - pos) {
            flush();
            write(utf8, utf8.length);
        } else {
            System.arraycopy(utf8, 0, buf, pos, utf8.length);
            pos += utf8.length;
        }
        return this;
    }

    CopyWriter int2(int v) throws SQLException {
        length(2);
        putShort(v);
        return this;
    }

    CopyWriter int4(int v) throws SQLException {
        length(4);
        putInt(v);
        return this;
    }

    CopyWriter float8(double v) throws SQLException {
        return eightBytes(Double.doubleToLongBits(v));
    }

    /** A date, as days since 1970-01-01 ({@link LocalDate#toEpochDay()}). */
    CopyWriter date(long epochDay) throws SQLException {
        return int4((int) (epochDay - PG_EPOCH_DAY));
    }

    CopyWriter date(LocalDate d) throws SQLException {
        return d == null ? nul() : date(d.toEpochDay());
    }

    /** A timestamp with time zone, as microseconds since 1970-01-01T00:00Z. */
    CopyWriter timestamptz(long epochMicros) throws SQLException {
        return eightBytes(epochMicros - PG_EPOCH_SECOND * 1_000_000);
    }

    CopyWriter nul() throws SQLException {
        length(-1);
        return this;
    }

    private CopyWriter eightBytes(long v) throws SQLException {
        length(8);
        putLong(v);
        return this;
    }

    /** A value's length word (−1 for NULL), with room for a value of fixed size after it. */
    private void length(int n) throws SQLException {
        ensure(12);
        putInt(n);
    }

    /** Makes room for {@code n} more bytes in the buffer. */
    private void ensure(int n) throws SQLException {
        if (pos + n > buf.length) flush();
    }

    private void putShort(int v) {
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void putInt(int v) {
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }

    private void flush() throws SQLException {
        write(buf, pos);
        pos = 0;
    }

    private void write(byte[] bytes, int length) throws SQLException {
        if (length == 0) return;
        if (failure == null) {
            try {
                copy.writeToCopy(bytes, 0, length);
            } catch (SQLException e) {
                if (spool == null) throw e;
                failure = e;
            }
        }
        if (spool != null) {
            try {
                spool.write(bytes, 0, length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Ends the COPY; returns the number of rows the server received. Throws the server's error, if any. */
    long finish() throws SQLException {
        ensure(2);
        putShort(-1);
        flush();
        if (failure != null) throw failure;
        done = true;
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (!done && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // the COPY had already failed on the server
            }
        }
    }
}
