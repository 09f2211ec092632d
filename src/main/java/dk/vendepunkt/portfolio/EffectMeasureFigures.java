package dk.vendepunkt.portfolio;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Hook for effect goals tracked by an effect measure computed from personal data (e.g.
 * {@code no_serious_conviction_2y_completed} of the EXIT programme). The module that owns the effect
 * measures implements it; the portfolio module never reads personal data itself. Figures returned for
 * {@code publicVersion = true} must already have passed disclosure control (a suppressed figure is
 * {@link Figure#suppressed()}); without an implementation such goals show "no data".
 */
public interface EffectMeasureFigures {

    /**
     * @param measureId     the effect measure's id, e.g. {@code no_serious_conviction_2y_completed}
     * @param asOf          the date the figure is computed for
     * @param publicVersion true for figures that leave the system (disclosure-controlled)
     */
    Optional<Figure> latest(String measureId, LocalDate asOf, boolean publicVersion);

    /** A rate (0–1) or other value; {@code suppressed} when withheld by disclosure control. */
    record Figure(Double value, LocalDate asOf, boolean suppressed, String label) {}
}
