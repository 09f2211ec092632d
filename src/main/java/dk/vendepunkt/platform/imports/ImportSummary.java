package dk.vendepunkt.platform.imports;

/** The answer to a successful import: rows read, rows created, rows updated (re-import by *_ref). */
public record ImportSummary(String kind, int rows, int created, int updated) {}
