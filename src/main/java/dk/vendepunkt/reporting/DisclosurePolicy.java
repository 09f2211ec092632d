package dk.vendepunkt.reporting;

import dk.vendepunkt.platform.ValidationException;

/**
 * The one place that decides what an aggregate may show. Every published table or figure that derives
 * from personal data goes through here: rates via {@link #suppressRate}, count tables via
 * {@link #suppress(long[][])}. The threshold and the roles that may see internal figures are
 * {@link DisclosureProperties}.
 */
public interface DisclosurePolicy {

    int threshold();

    /**
     * The disclosure a request asked for ({@code public} when null or blank). {@code internal} is only
     * granted to the configured roles; anyone else gets 403.
     *
     * @throws ValidationException of the parameter {@code disclosure} (400) for a value other than public/internal
     */
    Disclosure resolve(String requested);

    /** Whether the current user may see unsuppressed figures. */
    boolean mayUseInternal();

    /** A rate successes/eligible is withheld when either the successes or the failures are below the threshold. */
    boolean suppressRate(long successes, long eligible);

    /**
     * The rates of a breakdown (rows successes[i] of eligible[i]) and of its total, the sums: which are withheld
     * (the last flag is the total's). The eligible counts are published and are not sensitive; the successes and
     * failures are. Each rate is withheld by {@link #suppressRate}, then further rows, or the total, until no
     * withheld rate's successes can be narrowed by the sum identity to fewer than threshold values. With
     * {@code INTERNAL} nothing is withheld.
     */
    boolean[] suppressRates(long[] successes, long[] eligible, Disclosure disclosure);

    /** Whether a single count would be withheld (1 … threshold−1; zero is not sensitive). */
    boolean suppressCount(long count);

    /** A table of counts with row, column and grand totals, primary and secondary suppression applied. */
    SuppressedTable suppress(long[][] cells);

    /**
     * One column of counts with its total (e.g. counts per category) under the disclosure: {@code PUBLIC}
     * suppressed so the total reveals nothing, {@code INTERNAL} as it is. No values is one row of 0, so the
     * total is 0.
     */
    SuppressedTable column(long[] values, Disclosure disclosure);

    /** Applies the disclosure: {@code INTERNAL} gives the table unsuppressed. */
    SuppressedTable apply(long[][] cells, Disclosure disclosure);
}
