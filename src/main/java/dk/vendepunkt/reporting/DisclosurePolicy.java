package dk.vendepunkt.reporting;

import dk.vendepunkt.platform.ValidationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that decides what an aggregate may show. Every published table or figure that derives
 * from personal data goes through here: rates via {@link #suppressRate}, count tables via
 * {@link #suppress(long[][])}.
 */
@Component
public class DisclosurePolicy {

    private final DisclosureProperties properties;

    public DisclosurePolicy(DisclosureProperties properties) {
        this.properties = properties;
    }

    public int threshold() {
        return properties.threshold();
    }

    /**
     * The disclosure a request asked for ({@code public} when null or blank). {@code internal} is only
     * granted to the configured roles; anyone else gets 403.
     *
     * @throws ValidationException of the parameter {@code disclosure} (400) for a value other than public/internal
     */
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

    /** Whether the current user may see unsuppressed figures. */
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

    /** A rate successes/eligible is withheld when either the successes or the failures are below the threshold. */
    public boolean suppressRate(long successes, long eligible) {
        return DisclosureControl.rateSensitive(successes, eligible, threshold());
    }

    /**
     * The rates of a breakdown (rows successes[i] of eligible[i]) and of its total, the sums: which are withheld
     * (the last flag is the total's). The eligible counts are published and are not sensitive; the successes and
     * failures are. Each rate is withheld by {@link #suppressRate}, then further rows, or the total, until no
     * withheld rate's successes can be narrowed by the sum identity to fewer than threshold values. With
     * {@code INTERNAL} nothing is withheld.
     */
    public boolean[] suppressRates(long[] successes, long[] eligible, Disclosure disclosure) {
        if (successes.length != eligible.length) {
            throw new IllegalArgumentException("one eligible count per row");
        }
        return disclosure == Disclosure.INTERNAL ? new boolean[successes.length + 1]
                : DisclosureControl.suppressRates(successes, eligible, threshold());
    }

    /** Whether a single count would be withheld (1 … threshold−1; zero is not sensitive). */
    public boolean suppressCount(long count) {
        return count > 0 && count < threshold();
    }

    /** A table of counts with row, column and grand totals, primary and secondary suppression applied. */
    public SuppressedTable suppress(long[][] cells) {
        return DisclosureControl.suppress(cells, threshold(), true, true);
    }

    /**
     * One column of counts with its total (e.g. counts per category) under the disclosure: {@code PUBLIC}
     * suppressed so the total reveals nothing, {@code INTERNAL} as it is. No values is one row of 0, so the
     * total is 0.
     */
    public SuppressedTable column(long[] values, Disclosure disclosure) {
        long[][] cells = new long[Math.max(values.length, 1)][1];
        for (int i = 0; i < values.length; i++) {
            cells[i][0] = values[i];
        }
        return disclosure == Disclosure.INTERNAL ? SuppressedTable.unsuppressed(cells, false, true)
                : DisclosureControl.suppress(cells, threshold(), false, true);
    }

    /** Applies the disclosure: {@code INTERNAL} gives the table unsuppressed. */
    public SuppressedTable apply(long[][] cells, Disclosure disclosure) {
        return disclosure == Disclosure.INTERNAL ? SuppressedTable.unsuppressed(cells, true, true) : suppress(cells);
    }
}
