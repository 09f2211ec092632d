package dk.vendepunkt.organisation;

/**
 * Something that happened to a staff account, for the audit log: sign-ins, failed and refused
 * sign-ins, and the administration of users and teams. Published synchronously in the thread that
 * caused it (no password is ever part of it).
 *
 * @param kind    what happened
 * @param actor   who did it: the attempted username for sign-ins; null = the signed-in user of the request
 * @param subject which account or team, e.g. "medarbejder anna" or "team Exit-teamet"
 * @param change  a short description, e.g. "deaktiveret; roller +CASEWORKER −ANALYST"
 */
public record StaffAccountEvent(Kind kind, String actor, String subject, String change) {

    public enum Kind {
        /** a sign-in through the login form */
        LOGIN,
        /** a wrong password, an unknown user or a disabled account */
        LOGIN_FAILED,
        /** the account got locked, or a sign-in was refused without checking the password because it is locked */
        LOCKED_OUT,
        USER_CREATED,
        USER_CHANGED,
        /** an administrator set a user's password (the user's sessions end) */
        PASSWORD_RESET,
        /** a user changed their own password (their other sessions end) */
        PASSWORD_CHANGED,
        TEAM_CREATED,
        TEAM_CHANGED,
        /** an API token was created (personal or system) */
        TOKEN_CREATED,
        /** an API token was revoked */
        TOKEN_REVOKED,
        /** a request presented an unknown, expired or revoked API token, or one of a disabled or locked user */
        TOKEN_REFUSED
    }
}
