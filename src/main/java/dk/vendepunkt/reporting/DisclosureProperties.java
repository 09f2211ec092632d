package dk.vendepunkt.reporting;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Statistical disclosure control settings ({@code vendepunkt.disclosure.*}).
 *
 * @param threshold     counts 1 … threshold−1 are suppressed in public figures (default 5)
 * @param internalRoles roles (without ROLE_) that may ask for unsuppressed ({@code internal}) figures
 */
@ConfigurationProperties("vendepunkt.disclosure")
public record DisclosureProperties(@DefaultValue("5") int threshold,
                                   @DefaultValue({"ADMIN", "PROGRAMME_MANAGER", "ANALYST"}) Set<String> internalRoles) {

    public DisclosureProperties {
        if (threshold < 1) {
            throw new IllegalArgumentException("vendepunkt.disclosure.threshold must be at least 1");
        }
        internalRoles = Set.copyOf(internalRoles);
    }
}
