package dk.vendepunkt.casework;

import java.math.BigDecimal;

/** A programme's pool purchases as one figure, for other modules (economics takes a programme's cost from them). */
public interface PoolSpending {

    /** The sum of the programme's approved and paid pool purchases of the budget year, in DKK (requested and rejected ones do not count). */
    BigDecimal purchased(String programme, int year);
}
