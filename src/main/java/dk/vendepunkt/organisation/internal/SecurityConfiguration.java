package dk.vendepunkt.organisation.internal;

import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.organisation.StaffAccountEvent;
import dk.vendepunkt.platform.VendepunktProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Form login for the UI (switch off with {@code vendepunkt.auth.local-login=false}), single sign-on with OpenID
 * Connect when configured ({@link SsoConfiguration}, ADR 0015), HTTP Basic on {@code /api/v1/**} (switch off with
 * {@code vendepunkt.auth.http-basic=false}; the older {@code vendepunkt.api.basic-auth} still works) and API tokens ({@code Authorization: Bearer}, {@link ApiTokenFilter}), CSRF on forms, security headers (HSTS on HTTPS requests,
 * also behind a proxy when {@code server.forward-headers-strategy} is set), lock-out after repeated
 * failed logins, sessions ended when their user is disabled, locked, changes roles or gets a new password. Per-role rules
 * for URL groups live here; per-team rules in the services.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String[] PUBLIC = {"/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
            "/actuator/health", "/actuator/health/**", "/livez", "/readyz", "/error"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Browser features no page of Vendepunkt uses, switched off (also on error pages, see {@link ErrorPageHeaders}). */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), fullscreen=(), "
            + "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=(), "
            + "browsing-topics=(), interest-cohort=()";

    @Bean
    UserDetailsService userDetailsService(JdbcStaffRepository repo, Clock clock) {
        return username -> repo.credentials(username)
                .map(c -> User.withUsername(c.username())
                        .password(c.passwordHash())
                        .disabled(!c.enabled())
                        .accountLocked(c.lockedUntil() != null && c.lockedUntil().isAfter(Instant.now(clock)))
                        .authorities(c.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    @Bean
    AuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder, JdbcStaffRepository repo,
                                                  VendepunktProperties props, ApplicationEventPublisher events) {
        return new CountingAuthenticationProvider(users, encoder, repo, props, events);
    }

    /**
     * Takes the failed-login count before the password is checked, atomically in the database: each
     * attempt adds one, and once {@code vendepunkt.login.max-failures} is reached the account is locked
     * and no further guess is checked, however many arrive in parallel. A correct password resets the
     * count at once. The checks of one account are taken one at a time in this application instance (a
     * striped lock by username), so parallel requests with the right password (an integration calling the
     * API with HTTP Basic) each reset the count before the next is counted and are never locked out; with
     * several instances, up to max-failures checks per instance can overlap.
     */
    static final class CountingAuthenticationProvider extends DaoAuthenticationProvider {
        private static final int STRIPES = 64;
        private final java.util.concurrent.locks.ReentrantLock[] locks = new java.util.concurrent.locks.ReentrantLock[STRIPES];
        private final JdbcStaffRepository repo;
        private final VendepunktProperties props;
        private final ApplicationEventPublisher events;

        CountingAuthenticationProvider(UserDetailsService users, PasswordEncoder encoder, JdbcStaffRepository repo,
                                       VendepunktProperties props, ApplicationEventPublisher events) {
            super(users);
            setPasswordEncoder(encoder);
            this.repo = repo;
            this.props = props;
            this.events = events;
            for (int i = 0; i < STRIPES; i++) locks[i] = new java.util.concurrent.locks.ReentrantLock();
        }

        @Override
        protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken auth) {
            var lock = locks[Math.floorMod(user.getUsername().hashCode(), STRIPES)];
            lock.lock();
            try {
                int max = props.login().maxFailures();
                int attempt = repo.claimLoginAttempt(user.getUsername(), max, props.login().lockMinutes())
                        .orElseThrow(() -> new LockedException(messages.getMessage(
                                "AbstractUserDetailsAuthenticationProvider.locked", "User account is locked")));
                try {
                    super.additionalAuthenticationChecks(user, auth);
                } catch (BadCredentialsException e) {
                    if (attempt >= max) {
                        events.publishEvent(new StaffAccountEvent(StaffAccountEvent.Kind.LOCKED_OUT, user.getUsername(), "login",
                                "låst i " + props.login().lockMinutes() + " minutter efter " + attempt + " mislykkede forsøg"));
                    }
                    throw e;
                }
                repo.recordSuccess(user.getUsername());
            } finally {
                lock.unlock();
            }
        }
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ObjectProvider<AccessDeniedHandler> denied, ApiTokens tokens,
                                 org.springframework.context.MessageSource messages,
                                 @Value("${vendepunkt.auth.http-basic:${vendepunkt.api.basic-auth:true}}") boolean basic) throws Exception {
        http.securityMatcher("/api/**", "/v3/api-docs/**")
                .addFilterBefore(new ApiTokenFilter(tokens, messages),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/v3/api-docs/**").authenticated()
                        .requestMatchers(AUDIT_API).hasAnyRole("ADMIN", "DPO")
                        .requestMatchers("/api/v1/admin/retention/preview").hasAnyRole("ADMIN", "DPO")
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/persons/*/subject-access").hasRole("DPO")
                        .requestMatchers(RESTRICTIONS_API).hasAnyRole("ADMIN", "DPO")
                        .requestMatchers("/api/v1/break-glass", "/api/v1/break-glass/**").hasRole("DPO")
                        .requestMatchers(CASEWORK_API).hasAnyRole("CASEWORKER", "PROGRAMME_MANAGER")
                        .anyRequest().authenticated())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)));
        if (basic) {
            http.httpBasic(Customizer.withDefaults());
        } else {
            // without HTTP Basic an API client still learns that it must sign in (with an API token), not 403
            http.exceptionHandling(e -> e.authenticationEntryPoint((request, response, refused) -> {
                response.setHeader("WWW-Authenticate", "Bearer");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            }));
        }
        return withDeniedHandler(http, denied);
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, ObjectProvider<AccessDeniedHandler> denied, JdbcStaffRepository repo,
                             Clock clock, SsoLogin login, SsoConfiguration.ProvisioningOidcUserService oidcUsers) throws Exception {
        http.addFilterBefore(new EndInvalidSessions(repo, clock), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers(AUDIT_PAGES).hasAnyRole("ADMIN", "DPO")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        // the DPO's pages (docs/privacy.md); the restrictions are the administrator's too
                        .requestMatchers("/dpo/restrictions", "/dpo/restrictions/**").hasAnyRole("ADMIN", "DPO")
                        .requestMatchers("/dpo", "/dpo/**").hasRole("DPO")
                        .requestMatchers(CASEWORK_PAGES).hasAnyRole("CASEWORKER", "PROGRAMME_MANAGER")
                        .anyRequest().authenticated())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)));
        if (login.localLogin()) {
            http.formLogin(f -> f.loginPage("/login").successHandler(rememberCredentialsVersion(repo)).permitAll());
        }
        if (!login.ssoLinks().isEmpty()) {
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(oidcUsers))
                    .successHandler(rememberCredentialsVersion(repo))
                    .failureUrl("/login?ssoError"));
        }
        return withDeniedHandler(http, denied);
    }

    /** After a sign-in: to "/" or the page asked for, the session remembering the credentials version it was signed in with. */
    private static AuthenticationSuccessHandler rememberCredentialsVersion(JdbcStaffRepository repo) {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
                    throws ServletException, IOException {
                repo.credentials(auth.getName()).ifPresent(c -> PasswordChange.remember(request.getSession(), c.credentialsVersion()));
                super.onAuthenticationSuccess(request, response, auth);
            }
        };
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    /** Refusals go through the audit module's handler (logged as DENIED) when it is present. */
    private static SecurityFilterChain withDeniedHandler(HttpSecurity http, ObjectProvider<AccessDeniedHandler> denied) throws Exception {
        AccessDeniedHandler handler = denied.getIfAvailable();
        if (handler != null) {
            http.exceptionHandling(e -> e.accessDeniedHandler(handler));
        }
        return http.build();
    }

    /**
     * Ends a signed-in session as soon as its user is disabled or locked, their roles change or their
     * password is set (by themselves in another session, or by an administrator): every request of a
     * session compares the user's current state with the one the session was signed in with (the roles
     * of its authentication, the credentials version in the session, see {@link PasswordChange}); on a
     * difference the session is invalidated and the request goes on unauthenticated (pages redirect to
     * the login page). A session from before credentials versions existed takes the current one. The API needs no such check: HTTP Basic signs in on every request.
     */
    static final class EndInvalidSessions extends OncePerRequestFilter {
        private final JdbcStaffRepository repo;
        private final Clock clock;

        EndInvalidSessions(JdbcStaffRepository repo, Clock clock) {
            this.repo = repo;
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
                HttpSession session = request.getSession(false);
                if (!stillValid(auth, session)) {
                    if (session != null) session.invalidate();
                    SecurityContextHolder.clearContext();
                }
            }
            chain.doFilter(request, response);
        }

        private boolean stillValid(Authentication auth, HttpSession session) {
            // roles only: Spring Security adds factor authorities (FACTOR_PASSWORD) of its own
            Set<String> granted = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .filter(a -> a.startsWith("ROLE_")).collect(Collectors.toSet());
            return repo.credentials(auth.getName())
                    .filter(c -> c.enabled() && (c.lockedUntil() == null || !c.lockedUntil().isAfter(Instant.now(clock))))
                    .filter(c -> c.roles().stream().map(Role::authority).collect(Collectors.toSet()).equals(granted))
                    .filter(c -> session == null || sameCredentials(session, c.credentialsVersion()))
                    .isPresent();
        }

        private static boolean sameCredentials(HttpSession session, int current) {
            if (!(session.getAttribute(PasswordChange.SESSION_VERSION) instanceof Integer signedInWith)) {
                PasswordChange.remember(session, current);
                return true;
            }
            return signedInWith == current;
        }
    }

    /** Resets the failed-login count after a correct password, and tells the audit log about sign-ins. */
    @org.springframework.stereotype.Component
    static class LoginAttempts {
        private final JdbcStaffRepository repo;
        private final ApplicationEventPublisher events;

        LoginAttempts(JdbcStaffRepository repo, ApplicationEventPublisher events) {
            this.repo = repo;
            this.events = events;
        }

        @EventListener
        void failed(AbstractAuthenticationFailureEvent e) {
            String reason = switch (e.getException()) {
                case LockedException l -> null;
                case DisabledException d -> "kontoen er deaktiveret";
                default -> "forkert adgangskode eller ukendt bruger";
            };
            var kind = reason == null ? StaffAccountEvent.Kind.LOCKED_OUT : StaffAccountEvent.Kind.LOGIN_FAILED;
            events.publishEvent(new StaffAccountEvent(kind, e.getAuthentication().getName(), "login",
                    reason == null ? "afvist uden kontrol af adgangskoden: kontoen er låst" : reason));
        }

        @EventListener
        void succeeded(AuthenticationSuccessEvent e) {
            repo.recordSuccess(e.getAuthentication().getName());
        }

        /** Sign-ins through the login form (not every HTTP Basic request of the API). */
        @EventListener
        void signedIn(InteractiveAuthenticationSuccessEvent e) {
            events.publishEvent(new StaffAccountEvent(StaffAccountEvent.Kind.LOGIN, e.getAuthentication().getName(), "login", null));
        }
    }

    /** The audit log: ADMIN and the data protection officer (DPO), who sees no case content otherwise. */
    private static final String[] AUDIT_PAGES = {"/admin/audit", "/admin/audit/**"};
    private static final String[] AUDIT_API = {"/api/v1/audit", "/api/v1/audit/**"};

    /** Restrictions on a person are set and lifted by an administrator or the DPO (before the casework rule). */
    private static final String[] RESTRICTIONS_API = {"/api/v1/persons/*/restrictions", "/api/v1/persons/*/restrictions/**"};
    /** Pages and endpoints that show persons: case work only (ANALYST, READER, ADMIN and DPO never see a person). */
    private static final String[] CASEWORK_PAGES = {"/people/**", "/referrals/**", "/enrolments/**", "/caseload/**", "/follow-ups/**",
            "/families/**", "/family-cases/**", "/reviews-115/**"};
    private static final String[] CASEWORK_API = {"/api/v1/persons/**", "/api/v1/referrals/**", "/api/v1/enrolments/**",
            "/api/v1/caseload/**", "/api/v1/follow-ups/**", "/api/v1/families/**", "/api/v1/family-cases/**", "/api/v1/reviews-115/**"};

    static List<String> publicPaths() {
        return List.of(PUBLIC);
    }
}
