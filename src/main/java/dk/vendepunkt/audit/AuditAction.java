package dk.vendepunkt.audit;

/** What was done to personal data, and sign-ins (LOGIN, LOGIN_FAILED, LOCKED_OUT: the actor is the username tried). */
public enum AuditAction {
    READ, SEARCH, CREATE, UPDATE, DELETE, REVEAL_CPR, EXPORT, IMPORT, DENIED,
    /** A CPR look-up refused because the user reached the hourly limit (vendepunkt.cpr-lookup.max-per-hour). */
    CPR_PROBE_LIMITED,
    /** Access to a person outside the user's teams through break-the-glass: the opening and every access in its window. */
    BREAK_GLASS,
    LOGIN, LOGIN_FAILED, LOCKED_OUT
}
