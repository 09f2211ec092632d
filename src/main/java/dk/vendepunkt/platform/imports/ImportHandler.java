package dk.vendepunkt.platform.imports;

import java.io.InputStream;
import java.util.Set;
import org.springframework.transaction.annotation.Transactional;

/**
 * One import kind ({@code POST /api/v1/imports/{kind}} and the upload page). Implementations validate
 * every row first and store nothing unless all rows are valid ({@link ImportFailedException}).
 */
public interface ImportHandler {

    /** The kind, i.e. the contract's file name without extension, e.g. {@code enrolments}. */
    String kind();

    /** Roles (without the ROLE_ prefix) allowed to run this import. */
    Set<String> allowedRoles();

    /** Message-bundle code of a one-line Danish description for the upload page. */
    default String descriptionCode() {
        return "import.kind." + kind();
    }

    /**
     * The file's shape for the upload page and its template download (columns, accepted codes, an example row),
     * or empty for a kind that is not a CSV file (the areas' GeoJSON). A CSV kind builds it from the same column
     * lists and enums it reads with; {@code ImportTemplateIT} runs every template through its handler.
     */
    default java.util.Optional<ImportTemplate> template() {
        return java.util.Optional.empty();
    }

    ImportSummary importFile(InputStream content);

    /**
     * As {@link #importFile(InputStream)}, with the file's size when the caller knows it (−1 when not),
     * for imports that choose how to load by the amount of data. Transactional itself, so that an
     * implementation's transactional {@code importFile(InputStream)} runs in a transaction when called
     * through here.
     */
    @Transactional
    default ImportSummary importFile(InputStream content, long sizeHint) {
        return importFile(content);
    }
}
