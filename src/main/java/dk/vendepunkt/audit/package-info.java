/**
 * Append-only, tamper-evident log of every read and change of personal data.
 * Public API: {@link dk.vendepunkt.audit.AuditLog}, {@link dk.vendepunkt.audit.AuditAction}, {@link dk.vendepunkt.audit.AuditRetention},
 * {@link dk.vendepunkt.audit.AuditedAccessDenied}. The log's implementation, key and checkpoints are in
 * {@code audit.internal}, the viewer and its API in {@code audit.web}.
 */
package dk.vendepunkt.audit;
