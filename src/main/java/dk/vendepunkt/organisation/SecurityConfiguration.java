package dk.vendepunkt.organisation;

import dk.vendepunkt.platform.VendepunktProperties;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.beans.factory.annotation.Value;

/**
 * Form login for the UI, HTTP Basic on {@code /api/v1/**} (switch off with
 * {@code vendepunkt.api.basic-auth=false}), CSRF on forms, security headers, lock-out after repeated
 * failed logins. Per-role rules for URL groups live here; per-team rules in the services.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC = {"/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
            "/actuator/health", "/actuator/health/**", "/error"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(JdbcStaffRepository repo) {
        return username -> repo.credentials(username)
                .map(c -> User.withUsername(c.username())
                        .password(c.passwordHash())
                        .disabled(!c.enabled())
                        .accountLocked(c.lockedUntil() != null && c.lockedUntil().isAfter(Instant.now()))
                        .authorities(c.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ObjectProvider<AccessDeniedHandler> denied,
                                 @Value("${vendepunkt.api.basic-auth:true}") boolean basic) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/v3/api-docs/**").authenticated()
                        .requestMatchers("/api/v1/admin/**", "/api/v1/audit/**").hasRole("ADMIN")
                        .requestMatchers(CASEWORK_API).hasAnyRole("CASEWORKER", "PROGRAMME_MANAGER")
                        .anyRequest().authenticated())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        if (basic) {
            http.httpBasic(Customizer.withDefaults());
        }
        return withDeniedHandler(http, denied);
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, ObjectProvider<AccessDeniedHandler> denied) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers(CASEWORK_PAGES).hasAnyRole("CASEWORKER", "PROGRAMME_MANAGER")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return withDeniedHandler(http, denied);
    }

    /** Refusals go through the audit module's handler (logged as DENIED) when it is present. */
    private static SecurityFilterChain withDeniedHandler(HttpSecurity http, ObjectProvider<AccessDeniedHandler> denied) throws Exception {
        AccessDeniedHandler handler = denied.getIfAvailable();
        if (handler != null) {
            http.exceptionHandling(e -> e.accessDeniedHandler(handler));
        }
        return http.build();
    }

    /** Counts failed logins and locks the account for a while after too many. */
    @org.springframework.stereotype.Component
    static class LoginAttempts {
        private final JdbcStaffRepository repo;
        private final VendepunktProperties props;

        LoginAttempts(JdbcStaffRepository repo, VendepunktProperties props) {
            this.repo = repo;
            this.props = props;
        }

        @EventListener
        void failed(AuthenticationFailureBadCredentialsEvent e) {
            repo.recordFailure(e.getAuthentication().getName(), props.login().maxFailures(), props.login().lockMinutes());
        }

        @EventListener
        void succeeded(AuthenticationSuccessEvent e) {
            repo.recordSuccess(e.getAuthentication().getName());
        }
    }

    /** Pages and endpoints that show persons: case work only (ANALYST, READER and ADMIN never see a person). */
    private static final String[] CASEWORK_PAGES = {"/people/**", "/referrals/**", "/enrolments/**", "/caseload/**", "/follow-ups/**"};
    private static final String[] CASEWORK_API = {"/api/v1/persons/**", "/api/v1/referrals/**", "/api/v1/enrolments/**",
            "/api/v1/caseload/**", "/api/v1/follow-ups/**"};

    static List<String> publicPaths() {
        return List.of(PUBLIC);
    }
}
