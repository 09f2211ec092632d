package dk.vendepunkt.economics;

import java.time.LocalDate;
import java.util.List;

/**
 * The measured success rate the cost-benefit calculation uses: the programme's
 * {@value #MEASURE} measure at a date, in total and per discharge cohort, with Wilson 95 % intervals.
 * Implemented by the module that computes the effect measures; internal figures (not
 * disclosure-controlled), for internal roles.
 */
public interface SuccessRates {

    String MEASURE = "no_new_serious_charge_1y";

    /** The total first (cohort null), then one entry per cohort in ascending order; empty when nothing is known. */
    List<Rate> rates(String programme, LocalDate asOf);

    /** {@code low}/{@code high}: the Wilson 95 % interval; all null-free only when {@code eligible > 0}. */
    record Rate(Integer cohort, long successes, long eligible, Double low, Double high) {
        public Double rate() {
            return eligible == 0 ? null : (double) successes / eligible;
        }
    }
}
