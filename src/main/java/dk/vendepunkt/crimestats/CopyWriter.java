package dk.vendepunkt.crimestats;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows to {@code COPY <table> FROM STDIN} (text format) in 256 kB chunks. Values are written
 * with {@link #text}, {@link #number} and {@link #nul}; {@link #endRow} ends a row.
 */
final class CopyWriter implements AutoCloseable {

    private static final int CHUNK = 1 << 18;

    private final CopyIn copy;
    private final java.io.OutputStream spool;
    private SQLException failure;
    private final byte[] buf = new byte[CHUNK + 4096];
    private int pos;
    private boolean firstInRow = true;
    private boolean done;

    CopyWriter(Connection connection, String copySql) throws SQLException {
        this(connection, copySql, null);
    }

    /**
     * @param spool when not null, every row is also written there (so the rows can be copied again,
     *              e.g. into a staging table after the COPY failed); a failed COPY then does not stop the writer
     */
    CopyWriter(Connection connection, String copySql, java.io.OutputStream spool) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        this.spool = spool;
    }

    /** The error the server reported for the COPY, if any (only kept when spooling). */
    SQLException failure() {
        return failure;
    }

    private void sep() {
        if (!firstInRow) put((byte) '\t');
        firstInRow = false;
    }

    private void put(byte b) {
        buf[pos++] = b;
    }

    /** A text value; backslash, tab, CR and LF are escaped. */
    CopyWriter text(String s) throws SQLException {
        if (s == null) return nul();
        sep();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (pos > buf.length - 8) flush(false);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { put((byte) '\\'); put((byte) '\\'); }
                    case '\t' -> { put((byte) '\\'); put((byte) 't'); }
                    case '\n' -> { put((byte) '\\'); put((byte) 'n'); }
                    case '\r' -> { put((byte) '\\'); put((byte) 'r'); }
                    default -> put((byte) c);
                }
            } else {
                int end = i + 1;
                if (Character.isHighSurrogate(c) && end < s.length()) end++;
                for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) put(b);
                i = end - 1;
            }
        }
        return this;
    }

    CopyWriter number(long v) throws SQLException {
        return ascii(Long.toString(v));
    }

    CopyWriter number(double v) throws SQLException {
        return ascii(Double.toString(v));
    }

    /** A value written as it is (UTF-8), for values without backslash or line breaks (dates, numbers, codes, pre-built fields). */
    CopyWriter ascii(String s) throws SQLException {
        if (s == null) return nul();
        sep();
        if (pos > buf.length - 3 * s.length() - 8) flush(false);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                put((byte) c);
            } else {
                for (byte b : s.substring(i).getBytes(StandardCharsets.UTF_8)) put(b);
                break;
            }
        }
        return this;
    }

    CopyWriter nul() {
        sep();
        put((byte) '\\');
        put((byte) 'N');
        return this;
    }

    void endRow() throws SQLException {
        put((byte) '\n');
        firstInRow = true;
        if (pos >= CHUNK) flush(false);
    }

    private void flush(boolean last) throws SQLException {
        if (pos > 0) {
            if (failure == null) {
                try {
                    copy.writeToCopy(buf, 0, pos);
                } catch (SQLException e) {
                    if (spool == null) throw e;
                    failure = e;
                }
            }
            if (spool != null) {
                try {
                    spool.write(buf, 0, pos);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        pos = 0;
    }

    /** Ends the COPY; returns the number of rows the server received. Throws the server's error, if any. */
    long finish() throws SQLException {
        flush(true);
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
