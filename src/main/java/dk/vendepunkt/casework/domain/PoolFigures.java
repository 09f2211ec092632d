package dk.vendepunkt.casework.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * A programme's pool for one year: the budget set by the programme manager, what approved but not yet
 * paid purchases commit, what paid purchases have spent, and what remains. All exact decimals in DKK.
 *
 * @param budget null when no budget has been set for the year (then nothing can be approved)
 */
public record PoolFigures(String programme, int year, BigDecimal budget, BigDecimal committed, BigDecimal spent,
                          BigDecimal requested) {

    /** What a purchase contributes to the figures. */
    public record Entry(PurchaseStatus status, BigDecimal amount) {}

    public static PoolFigures of(String programme, int year, BigDecimal budget, Collection<Entry> purchases) {
        BigDecimal committed = sum(purchases, PurchaseStatus.APPROVED);
        BigDecimal spent = sum(purchases, PurchaseStatus.PAID);
        BigDecimal requested = sum(purchases, PurchaseStatus.REQUESTED);
        return new PoolFigures(programme, year, budget == null ? null : budget.setScale(2, RoundingMode.UNNECESSARY),
                committed, spent, requested);
    }

    private static BigDecimal sum(Collection<Entry> purchases, PurchaseStatus status) {
        return purchases.stream().filter(p -> p.status() == status).map(Entry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.UNNECESSARY);
    }

    public boolean hasBudget() {
        return budget != null;
    }

    /** Budget − committed − spent (negative when over-committed, e.g. after the budget was lowered); null without budget. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public BigDecimal remaining() {
        return budget == null ? null : budget.subtract(committed).subtract(spent);
    }

    /** Share of the budget used (committed + spent), in per cent with one decimal; null without a positive budget. */
    @com.fasterxml.jackson.annotation.JsonProperty
    public BigDecimal usedPercent() {
        if (budget == null || budget.signum() == 0) return null;
        return committed.add(spent).multiply(BigDecimal.valueOf(100)).divide(budget, 1, RoundingMode.HALF_UP);
    }

    /**
     * Validates a budget the programme manager sets: zero or positive, at most two decimals, for a year
     * from 2000 up to next year.
     */
    public static void validateBudget(int year, BigDecimal amount, java.time.LocalDate today) {
        java.util.List<dk.vendepunkt.platform.ValidationException.FieldProblem> problems = new java.util.ArrayList<>();
        if (year < 2000 || year > today.getYear() + 1) {
            problems.add(new dk.vendepunkt.platform.ValidationException.FieldProblem("year", "caseplan.pool.year.range", new Object[] {today.getYear() + 1}));
        }
        if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(Dkk.MAX) > 0) {
            problems.add(new dk.vendepunkt.platform.ValidationException.FieldProblem("amount", "caseplan.pool.amount.invalid", new Object[0]));
        }
        if (!problems.isEmpty()) throw new dk.vendepunkt.platform.ValidationException(problems);
    }

    /** Whether an amount can still be approved within the budget. */
    public boolean covers(BigDecimal amount) {
        return budget != null && remaining().compareTo(amount) >= 0;
    }
}
