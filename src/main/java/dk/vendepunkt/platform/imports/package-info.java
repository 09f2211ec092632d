/**
 * The CSV import framework's API, which every module's import handlers implement and use
 * ({@link dk.vendepunkt.platform.imports.ImportHandler}, {@link dk.vendepunkt.platform.imports.CsvFile},
 * {@link dk.vendepunkt.platform.imports.ImportSummary}, ...): a named interface of the platform module, so
 * other modules may use this sub-package as well as platform's root package. The registry and the
 * command-line import are in {@code platform.internal}, the import page and API in {@code platform.web}.
 */
@org.springframework.modulith.NamedInterface("imports")
package dk.vendepunkt.platform.imports;
