/**
 * Cross-cutting infrastructure shared by every module: the database (embedded PostgreSQL or an
 * external server), configuration properties, the user's language, error handling for the API and the
 * pages ({@code ValidationException}, {@code NotFoundException}, {@code ConflictException},
 * {@code FormErrors}), the CSV import pipeline, the demo-data hook, numbers typed the Danish way and the
 * municipality's time zone ({@code Zones}). It holds no domain data of its own. Security (login, roles,
 * headers) is the {@code organisation} module's; there is no clock bean: code asks for
 * {@code LocalDate.now(Zones.ZONE)}.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dk.vendepunkt.platform;
