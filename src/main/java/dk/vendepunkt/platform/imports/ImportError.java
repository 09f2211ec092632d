package dk.vendepunkt.platform.imports;

import dk.vendepunkt.platform.Texts;

/**
 * One bad cell (or row, when column is null): the file's line number (header = line 1). The column
 * and the value are kept as {@linkplain Texts#excerpt excerpts}: an error never echoes a huge value.
 */
public record ImportError(long line, String column, String value, String message) {

    public ImportError {
        column = Texts.excerpt(column);
        value = Texts.excerpt(value);
    }
}
