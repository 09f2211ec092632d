package dk.vendepunkt.audit;

/** What was done to personal data, and sign-ins (LOGIN, LOGIN_FAILED, LOCKED_OUT: the actor is the username tried). */
public enum AuditAction {
    READ, SEARCH, CREATE, UPDATE, DELETE, REVEAL_CPR, EXPORT, IMPORT, DENIED,
    /** A CPR look-up refused because the user reached the hourly limit (vendepunkt.cpr-lookup.max-per-hour). */
    CPR_PROBE_LIMITED,
    LOGIN, LOGIN_FAILED, LOCKED_OUT
}
