package dk.vendepunkt.organisation.internal;

import dk.vendepunkt.organisation.Role;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on ({@code vendepunkt.sso.*}, docs/operations.md "Single sign-on", ADR 0015). Off unless an OIDC
 * issuer is set (or Spring Boot's own {@code spring.security.oauth2.client.*} registrations are).
 *
 * @param oidc OpenID Connect
 * @param saml SAML 2.0 with the OIOSAML attribute profile of KOMBIT's adgangsstyring (mapping only, see ADR 0015)
 */
@ConfigurationProperties("vendepunkt.sso")
public record SsoProperties(Oidc oidc, Saml saml) {

    public SsoProperties {
        if (oidc == null) oidc = new Oidc(null, null, null, null, null, null, null, null, null, null);
        if (saml == null) saml = new Saml(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param issuerUri      the provider's issuer (its {@code /.well-known/openid-configuration} is read at start-up);
     *                       empty = OIDC off
     * @param clientId       Vendepunkt's client id at the provider
     * @param clientSecret   its secret
     * @param scopes         scopes asked for (default openid, profile, email)
     * @param registrationId the name in the redirect URI {@code /login/oauth2/code/{registrationId}} (default kommune)
     * @param usernameClaim  the claim that becomes the staff username (default preferred_username)
     * @param rolesClaim     the claim with the user's roles (default roles); a dotted path reaches into an object
     *                       (realm_access.roles)
     * @param teamsClaim     the claim with the user's teams (default groups)
     * @param roles          claim value to Vendepunkt role; values that equal a role's name (any case) need no entry
     * @param teams          claim value to team name; values that equal a team's name need no entry
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret, List<String> scopes, String registrationId,
                       String usernameClaim, String rolesClaim, String teamsClaim, Map<String, Role> roles,
                       Map<String, String> teams) {
        public Oidc {
            if (scopes == null || scopes.isEmpty()) scopes = List.of("openid", "profile", "email");
            if (registrationId == null || registrationId.isBlank()) registrationId = "kommune";
            if (usernameClaim == null || usernameClaim.isBlank()) usernameClaim = "preferred_username";
            if (rolesClaim == null || rolesClaim.isBlank()) rolesClaim = "roles";
            if (teamsClaim == null || teamsClaim.isBlank()) teamsClaim = "groups";
            roles = roles == null ? Map.of() : Map.copyOf(roles);
            teams = teams == null ? Map.of() : Map.copyOf(teams);
        }

        public boolean configured() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }

    /**
     * @param cvr                 the municipality's CVR number: only privilege groups scoped
     *                            {@code urn:dk:gov:saml:cvrNumberIdentifier:<cvr>} count (empty = every group)
     * @param usernameAttribute   the attribute that becomes the staff username (default the OIO uid attribute
     *                            {@code urn:oid:0.9.2342.19200300.100.1.1}; the NameID when absent)
     * @param nameAttribute       display name (default {@code urn:oid:2.5.4.3}, common name)
     * @param emailAttribute      e-mail (default {@code urn:oid:0.9.2342.19200300.100.1.3})
     * @param privilegesAttributes the attributes with the base64-encoded basic privilege profile (default
     *                            {@code dk:gov:saml:attribute:Privileges_intermediate} of OIOSAML 2 and
     *                            {@code https://data.gov.dk/model/core/eid/privilegesIntermediate} of OIOSAML 3)
     * @param privileges          privilege URI (a KOMBIT user system role) to Vendepunkt role
     * @param teamConstraint      the constraint name whose values name the user's teams (e.g. a KLE or
     *                            organisational unit constraint); its values go through {@code teams}
     * @param teamPrivileges      privilege URI to team name, for a municipality that models teams as roles
     * @param teams               constraint value to team name; values that equal a team's name need no entry
     * @param entityId            the IdP's entity id (recorded as the accounts' issuer)
     */
    public record Saml(String cvr, String usernameAttribute, String nameAttribute, String emailAttribute,
                       List<String> privilegesAttributes, Map<String, Role> privileges, String teamConstraint,
                       Map<String, String> teamPrivileges, Map<String, String> teams, String entityId) {
        public Saml {
            if (usernameAttribute == null || usernameAttribute.isBlank()) usernameAttribute = "urn:oid:0.9.2342.19200300.100.1.1";
            if (nameAttribute == null || nameAttribute.isBlank()) nameAttribute = "urn:oid:2.5.4.3";
            if (emailAttribute == null || emailAttribute.isBlank()) emailAttribute = "urn:oid:0.9.2342.19200300.100.1.3";
            if (privilegesAttributes == null || privilegesAttributes.isEmpty()) {
                privilegesAttributes = List.of(OiosamlPrivileges.OIOSAML2_ATTRIBUTE, OiosamlPrivileges.OIOSAML3_ATTRIBUTE);
            }
            privileges = privileges == null ? Map.of() : Map.copyOf(privileges);
            teamPrivileges = teamPrivileges == null ? Map.of() : Map.copyOf(teamPrivileges);
            teams = teams == null ? Map.of() : Map.copyOf(teams);
        }
    }
}
