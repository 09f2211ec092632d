package dk.vendepunkt.platform.imports;

import java.util.List;

/** Nothing was stored: the file had these errors (422 on the API). */
public class ImportFailedException extends RuntimeException {

    private final String kind;
    private final List<ImportError> errors;

    public ImportFailedException(String kind, List<ImportError> errors) {
        super(kind + ": " + errors.size() + " error(s)");
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public String kind() {
        return kind;
    }

    public List<ImportError> errors() {
        return errors;
    }
}
