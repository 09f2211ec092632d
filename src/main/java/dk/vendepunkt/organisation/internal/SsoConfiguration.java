package dk.vendepunkt.organisation.internal;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffMember;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Single sign-on with OpenID Connect (ADR 0015): the provider of {@code vendepunkt.sso.oidc.*} (or Spring Boot's
 * own {@code spring.security.oauth2.client.*} registrations), each sign-in provisioned by {@link SsoProvisioning};
 * and the sign-in options the login page offers ({@link SsoLogin}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SsoProperties.class)
class SsoConfiguration {

    /** Reads the provider's discovery document at start-up (as Spring Boot does for its issuer-uri). */
    @Bean
    @ConditionalOnExpression("!'${vendepunkt.sso.oidc.issuer-uri:}'.isBlank()")
    ClientRegistrationRepository vendepunktOidcClients(SsoProperties props) {
        var oidc = props.oidc();
        if (oidc.clientId() == null || oidc.clientId().isBlank()) {
            throw new IllegalStateException("vendepunkt.sso.oidc.issuer-uri is set without vendepunkt.sso.oidc.client-id");
        }
        return new InMemoryClientRegistrationRepository(ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                .registrationId(oidc.registrationId())
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .scope(oidc.scopes())
                .userNameAttributeName(oidc.usernameClaim())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .clientName("kommunens login")
                .build());
    }

    @Bean
    ProvisioningOidcUserService provisioningOidcUserService(SsoProvisioning provisioning, SsoProperties props) {
        return new ProvisioningOidcUserService(provisioning, props.oidc());
    }

    @Bean
    SsoLogin ssoLogin(ObjectProvider<ClientRegistrationRepository> clients,
                      @Value("${vendepunkt.auth.local-login:true}") boolean localLogin) {
        List<String> ids = new ArrayList<>();
        if (clients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) ids.add(((ClientRegistration) r).getRegistrationId());
        }
        if (!localLogin && ids.isEmpty()) {
            throw new IllegalStateException("vendepunkt.auth.local-login=false needs single sign-on (vendepunkt.sso.oidc.issuer-uri)");
        }
        return new SsoLogin(localLogin, ids.stream().map(id -> "/oauth2/authorization/" + id).toList());
    }

    /**
     * The default OIDC user service (ID token checked, user info read), then the user mapped and provisioned; the
     * principal's name is the staff username and its authorities the account's roles, as for a local sign-in.
     */
    static final class ProvisioningOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {
        private final OidcUserService delegate = new OidcUserService();
        private final SsoProvisioning provisioning;
        private final SsoProperties.Oidc config;

        ProvisioningOidcUserService(SsoProvisioning provisioning, SsoProperties.Oidc config) {
            this.provisioning = provisioning;
            this.config = config;
        }

        @Override
        public OidcUser loadUser(OidcUserRequest request) {
            OidcUser user = delegate.loadUser(request);
            String issuer = request.getClientRegistration().getProviderDetails().getIssuerUri();
            if (issuer == null) issuer = String.valueOf(user.getIssuer());
            StaffMember member;
            try {
                member = provisioning.signIn(SsoMapping.oidc(issuer, user.getClaims(), config));
            } catch (SsoProvisioning.Refused e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", e.getMessage(), null), e.getMessage());
            }
            return new StaffOidcUser(member, user);
        }
    }

    /** An OIDC principal named by its staff username, with the account's roles. */
    static final class StaffOidcUser extends DefaultOidcUser {
        private final String username;

        StaffOidcUser(StaffMember member, OidcUser user) {
            super(member.roles().stream().map(Role::authority).map(SimpleGrantedAuthority::new).toList(),
                    user.getIdToken(), user.getUserInfo(), "sub");
            this.username = member.username();
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StaffOidcUser other && other.username.equals(username) && super.equals(o);
        }

        @Override
        public int hashCode() {
            return username.hashCode();
        }
    }
}
