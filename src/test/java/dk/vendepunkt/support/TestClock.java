package dk.vendepunkt.support;

import dk.vendepunkt.platform.Zones;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system clock until a test moves it. A test that calls {@link #advance}
 * or {@link #setTo} must call {@link #reset} afterwards (the context, and so this clock, is shared by every
 * integration test in the JVM).
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final ZoneId zone;

    public TestClock() {
        this(Zones.ZONE);
    }

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Moves this clock (and so the application's "now") forward by {@code by}. */
    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    /** Makes "now" the given instant; time runs on from there. */
    public void setTo(Instant now) {
        offset.set(Duration.between(Instant.now(), now));
    }

    /** Back to the system clock. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        TestClock c = new TestClock(other);
        c.offset.set(offset.get());
        return c;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /** Registers the test clock as the application's clock for every integration test. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
