package dk.vendepunkt.organisation.internal;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.internal.SsoProvisioning.SsoIdentity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an identity provider says about a user, in Vendepunkt's terms (ADR 0015): the OIDC claims or the SAML
 * attributes that carry the username, roles and teams, as configured under {@code vendepunkt.sso.*}.
 * Roles: with a configured mapping only its entries count; without one, a value that is a role's name (any case)
 * is that role. Teams likewise: a configured mapping, else the value is the team's name.
 */
final class SsoMapping {

    private SsoMapping() {}

    static Set<Role> roles(Collection<String> values, Map<String, Role> mapping) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String v : values) {
            if (!mapping.isEmpty()) {
                Role r = mapping.get(v);
                if (r != null) roles.add(r);
                continue;
            }
            for (Role r : Role.values()) {
                if (r.name().equalsIgnoreCase(v.trim())) roles.add(r);
            }
        }
        return roles;
    }

    static Set<String> teams(Collection<String> values, Map<String, String> mapping) {
        Set<String> teams = new LinkedHashSet<>();
        for (String v : values) {
            String team = mapping.isEmpty() ? v.trim() : mapping.get(v);
            if (team != null && !team.isBlank()) teams.add(team);
        }
        return teams;
    }

    /** An OIDC user from the ID token's (and user info's) claims. */
    static SsoIdentity oidc(String issuer, Map<String, Object> claims, SsoProperties.Oidc cfg) {
        String username = first(claim(claims, cfg.usernameClaim()));
        String name = first(claim(claims, "name"));
        String email = first(claim(claims, "email"));
        return new SsoIdentity(issuer, username, name, email, roles(claim(claims, cfg.rolesClaim()), cfg.roles()),
                teams(claim(claims, cfg.teamsClaim()), cfg.teams()));
    }

    /**
     * The values of a claim: a list of strings or one string; a dotted path reaches into objects
     * ({@code realm_access.roles}); a claim whose full name has a dot is found first.
     */
    static List<String> claim(Map<String, Object> claims, String path) {
        Object value = claims.get(path);
        if (value == null && path.contains(".")) {
            int dot = path.indexOf('.');
            if (claims.get(path.substring(0, dot)) instanceof Map<?, ?> inner) {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) inner;
                return claim(nested, path.substring(dot + 1));
            }
        }
        return strings(value);
    }

    /**
     * A SAML user from the assertion's attributes (OIOSAML): username, name and e-mail from their attributes (the
     * NameID when the username attribute is missing); roles and teams from the basic privilege profile.
     */
    static SsoIdentity saml(String entityId, String nameId, Map<String, List<Object>> attributes, SsoProperties.Saml cfg) {
        String username = first(strings(attributes.get(cfg.usernameAttribute())));
        if (username == null) username = nameId;
        List<String> privilegeLists = new ArrayList<>();
        for (String attribute : cfg.privilegesAttributes()) privilegeLists.addAll(strings(attributes.get(attribute)));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> teamValues = new LinkedHashSet<>();
        Set<String> teams = new LinkedHashSet<>();
        String scope = cfg.cvr() == null || cfg.cvr().isBlank() ? null : OiosamlPrivileges.CVR_SCOPE + cfg.cvr().trim();
        for (String list : privilegeLists) {
            for (var group : OiosamlPrivileges.parse(list)) {
                if (scope != null && !scope.equals(group.scope())) continue;
                boolean ours = false;
                for (String privilege : group.privileges()) {
                    Role role = cfg.privileges().get(privilege);
                    if (role != null) roles.add(role);
                    String team = cfg.teamPrivileges().get(privilege);
                    if (team != null) teams.add(team);
                    ours |= role != null || team != null;
                }
                if (ours && cfg.teamConstraint() != null) {
                    teamValues.addAll(group.constraints().getOrDefault(cfg.teamConstraint(), List.of()));
                }
            }
        }
        teams.addAll(teams(teamValues, cfg.teams()));
        return new SsoIdentity(entityId, username, first(strings(attributes.get(cfg.nameAttribute()))),
                first(strings(attributes.get(cfg.emailAttribute()))), roles, teams);
    }

    private static List<String> strings(Object value) {
        if (value == null) return List.of();
        if (value instanceof Collection<?> c) {
            return c.stream().filter(x -> x != null && !String.valueOf(x).isBlank()).map(String::valueOf).toList();
        }
        String s = String.valueOf(value);
        return s.isBlank() ? List.of() : List.of(s);
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.getFirst().trim();
    }

}
