/**
 * Append-only, tamper-evident log of every read and change of personal data.
 * Public API: {@link dk.vendepunkt.audit.AuditLog}, {@link dk.vendepunkt.audit.AuditAction}.
 */
package dk.vendepunkt.audit;
