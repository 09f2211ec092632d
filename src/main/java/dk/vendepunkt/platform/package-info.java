/**
 * Cross-cutting infrastructure shared by every module: the database (embedded PostgreSQL or an
 * external server), security, web layout and error handling, CSV import plumbing and clock.
 * It holds no domain data of its own.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dk.vendepunkt.platform;
