package dk.vendepunkt.organisation.internal;

import dk.vendepunkt.organisation.Role;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Operators' side of security: {@code /actuator/prometheus} for HTTP Basic as an administrator or as the
 * configured scrape user ({@code vendepunkt.metrics.username}/{@code .password}, an account that can do nothing
 * else and is not in the staff table), and the failed-login counter {@code vendepunkt.logins.failed}.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

    static final String SCRAPE_ROLE = "METRICS_SCRAPER";

    @Bean
    @Order(0)
    SecurityFilterChain metricsChain(HttpSecurity http, ObjectProvider<AccessDeniedHandler> denied, PasswordEncoder encoder,
                                     @Value("${vendepunkt.metrics.username:}") String username,
                                     @Value("${vendepunkt.metrics.password:}") String password) throws Exception {
        if (!username.isBlank()) {
            if (password.isBlank()) {
                throw new IllegalStateException("vendepunkt.metrics.username is set without vendepunkt.metrics.password");
            }
            var scraper = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                    User.withUsername(username).password(encoder.encode(password)).roles(SCRAPE_ROLE).build()));
            scraper.setPasswordEncoder(encoder);
            http.authenticationProvider(scraper); // tried first; staff accounts through the shared provider
        }
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(Role.ADMIN.name(), SCRAPE_ROLE))
                .httpBasic(Customizer.withDefaults())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        AccessDeniedHandler handler = denied.getIfAvailable();
        if (handler != null) http.exceptionHandling(e -> e.accessDeniedHandler(handler));
        return http.build();
    }

    /** Counts every refused sign-in (form, HTTP Basic, scrape user) by reason: bad_credentials, locked, disabled. */
    @org.springframework.stereotype.Component
    static class FailedLogins {
        private final MeterRegistry meters;

        FailedLogins(MeterRegistry meters) {
            this.meters = meters;
            for (String reason : new String[] {"bad_credentials", "locked", "disabled"}) counter(reason);
        }

        @EventListener
        void failed(AbstractAuthenticationFailureEvent e) {
            counter(switch (e.getException()) {
                case LockedException l -> "locked";
                case DisabledException d -> "disabled";
                default -> "bad_credentials";
            }).increment();
        }

        private Counter counter(String reason) {
            return Counter.builder("vendepunkt.logins.failed").tag("reason", reason)
                    .description("refused sign-ins (login form and HTTP Basic)").register(meters);
        }
    }
}
