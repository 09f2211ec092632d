package dk.vendepunkt.audit;

/** What was done to personal data. */
public enum AuditAction {
    READ, SEARCH, CREATE, UPDATE, DELETE, REVEAL_CPR, EXPORT, IMPORT, DENIED
}
