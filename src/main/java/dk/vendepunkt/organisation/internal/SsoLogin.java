package dk.vendepunkt.organisation.internal;

import java.util.List;

/**
 * How staff sign in, for the login page: the local form unless {@code vendepunkt.auth.local-login=false}, and a
 * "Log ind med kommunens login" link per single sign-on provider.
 *
 * @param localLogin the username/password form is offered
 * @param ssoLinks   where each SSO sign-in starts (empty = no single sign-on)
 */
public record SsoLogin(boolean localLogin, List<String> ssoLinks) {}
