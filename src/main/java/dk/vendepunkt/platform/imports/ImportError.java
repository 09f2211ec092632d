package dk.vendepunkt.platform.imports;

/** One bad cell (or row, when column is null): the file's line number (header = line 1). */
public record ImportError(long line, String column, String value, String message) {}
