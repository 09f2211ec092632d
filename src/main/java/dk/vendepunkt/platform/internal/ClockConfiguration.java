package dk.vendepunkt.platform.internal;

import dk.vendepunkt.platform.Zones;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application, in the municipality's time zone. Code that needs "today" or "now" takes
 * a {@link Clock} by injection ({@code LocalDate.now(clock)}), so tests can move time (see
 * {@code support.TestClock}); ADR 0010.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.system(Zones.ZONE);
    }
}
