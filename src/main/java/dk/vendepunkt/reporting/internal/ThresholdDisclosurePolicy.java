package dk.vendepunkt.reporting.internal;

import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.reporting.Disclosure;
import dk.vendepunkt.reporting.DisclosurePolicy;
import dk.vendepunkt.reporting.DisclosureProperties;
import dk.vendepunkt.reporting.ReportFormat;
import dk.vendepunkt.reporting.SuppressedTable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@link DisclosurePolicy} with the configured threshold and internal roles ({@link DisclosureProperties});
 * the suppression itself is {@link DisclosureControl}.
 */
@Component
public class ThresholdDisclosurePolicy implements DisclosurePolicy {

    private final DisclosureProperties properties;

    public ThresholdDisclosurePolicy(DisclosureProperties properties) {
        this.properties = properties;
    }

    @Override
    public int threshold() {
        return properties.threshold();
    }

    @Override
    public Disclosure resolve(String requested) {
        String v = requested == null ? "" : requested.strip();
        if (v.isEmpty() || v.equalsIgnoreCase("public")) {
            return Disclosure.PUBLIC;
        }
        if (!v.equalsIgnoreCase("internal")) {
            throw ValidationException.of("disclosure", "report.disclosure.unknown", ReportFormat.excerpt(requested));
        }
        if (!mayUseInternal()) {
            throw new AccessDeniedException("internal figures");
        }
        return Disclosure.INTERNAL;
    }

    @Override
    public boolean mayUseInternal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority a : auth.getAuthorities()) {
            String name = a.getAuthority();
            if (name != null && name.startsWith("ROLE_") && properties.internalRoles().contains(name.substring(5))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean suppressRate(long successes, long eligible) {
        return DisclosureControl.rateSensitive(successes, eligible, threshold());
    }

    @Override
    public boolean[] suppressRates(long[] successes, long[] eligible, Disclosure disclosure) {
        if (successes.length != eligible.length) {
            throw new IllegalArgumentException("one eligible count per row");
        }
        return disclosure == Disclosure.INTERNAL ? new boolean[successes.length + 1]
                : DisclosureControl.suppressRates(successes, eligible, threshold());
    }

    @Override
    public boolean suppressCount(long count) {
        return count > 0 && count < threshold();
    }

    @Override
    public SuppressedTable suppress(long[][] cells) {
        return DisclosureControl.suppress(cells, threshold(), true, true);
    }

    @Override
    public SuppressedTable column(long[] values, Disclosure disclosure) {
        long[][] cells = new long[Math.max(values.length, 1)][1];
        for (int i = 0; i < values.length; i++) {
            cells[i][0] = values[i];
        }
        return disclosure == Disclosure.INTERNAL ? SuppressedTable.unsuppressed(cells, false, true)
                : DisclosureControl.suppress(cells, threshold(), false, true);
    }

    @Override
    public SuppressedTable apply(long[][] cells, Disclosure disclosure) {
        return disclosure == Disclosure.INTERNAL ? SuppressedTable.unsuppressed(cells, true, true) : suppress(cells);
    }
}
