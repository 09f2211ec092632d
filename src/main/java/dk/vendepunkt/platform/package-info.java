/**
 * Cross-cutting infrastructure shared by every module: the database (embedded PostgreSQL or an
 * external server), configuration properties, the user's language, error handling for the API and the
 * pages ({@code ValidationException}, {@code NotFoundException}, {@code ConflictException},
 * {@code FormErrors}), the CSV import pipeline, the demo-data hook, numbers typed the Danish way and the
 * municipality's time zone ({@code Zones}). It holds no domain data of its own. Security (login, roles,
 * headers) is the {@code organisation} module's. The one {@code java.time.Clock} bean
 * ({@code internal.ClockConfiguration}, ADR 0010) is injected wherever code needs today or now
 * ({@code LocalDate.now(clock)}).
 * <p>
 * Like every module it follows the floor plan (docs/architecture.md): its API is the root package
 * (exceptions, {@code FormErrors}, {@code Texts}, {@code Zones}, {@code DanishNumbers}, {@code SecretKeys},
 * {@code SpoolDirectory}, {@code DatabaseMode}, {@code VendepunktProperties}, {@code DemoData}) plus the named
 * interface {@code imports} (the types every module's import handlers use: {@code ImportHandler},
 * {@code CsvFile}, {@code ImportSummary}, ...). The database start-up, the error handlers, the web
 * configuration, the import registry and command are in {@code platform.internal}, the import pages and
 * API in {@code platform.web}.
 */
package dk.vendepunkt.platform;
