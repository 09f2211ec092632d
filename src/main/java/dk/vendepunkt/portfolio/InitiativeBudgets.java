package dk.vendepunkt.portfolio;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * The initiatives' budgets per year, for other modules (economics takes a programme's cost from them
 * when the user chooses). No personal data.
 */
public interface InitiativeBudgets {

    /** An initiative by its reference and name. */
    record Initiative(String ref, String name) {}

    /** The sum of an initiative's budget lines (drift and anlæg) in one year. */
    record YearBudget(String ref, String name, int year, BigDecimal amountDkk) {}

    /** All initiatives, by name. */
    List<Initiative> initiatives();

    /** One entry per initiative of {@code refs} that has budget lines in {@code year}, in the order of {@code refs}. */
    List<YearBudget> budgets(Collection<String> refs, int year);
}
