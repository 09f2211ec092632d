package dk.vendepunkt.portfolio.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dk.vendepunkt.reporting.DisclosureProperties;
import dk.vendepunkt.reporting.internal.ThresholdDisclosurePolicy;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which values of personal-data indicators are withheld in the public report. */
class PortfolioDisclosureTest {

    static PortfolioDisclosure withThreshold(int t) {
        return new PortfolioDisclosure(new ThresholdDisclosurePolicy(new DisclosureProperties(t, Set.of("ANALYST"))));
    }

    @Test
    void smallCountsAndSharesAreWithheldZeroAndLargeCountsAreNot() {
        PortfolioDisclosure d = withThreshold(5);
        assertThat(d.withhold(new BigDecimal("0"))).isFalse();
        assertThat(d.withhold(new BigDecimal("1"))).isTrue();
        assertThat(d.withhold(new BigDecimal("4.000"))).isTrue();
        assertThat(d.withhold(new BigDecimal("5"))).isFalse();
        assertThat(d.withhold(new BigDecimal("1200"))).isFalse();
        // a share: numerator and denominator unknown, so never published from a personal-data indicator
        assertThat(d.withhold(new BigDecimal("0.62"))).isTrue();
        assertThat(d.withhold(new BigDecimal("37.5"))).isTrue();
        assertThat(d.withhold(null)).isFalse();
        assertThat(withThreshold(10).withhold(new BigDecimal("7"))).isTrue();
    }
}
