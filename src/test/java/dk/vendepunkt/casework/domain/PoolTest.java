package dk.vendepunkt.casework.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class PoolTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    static final PoolPurchase.Decider MANAGER = new PoolPurchase.Decider("leder", true);

    static BigDecimal dkk(String s) {
        return new BigDecimal(s);
    }

    static PoolFigures figures(String budget, PoolFigures.Entry... entries) {
        return PoolFigures.of("EXIT", 2025, budget == null ? null : dkk(budget), List.of(entries));
    }

    static PoolPurchase purchase(String amount, PurchaseStatus status) {
        return new PoolPurchase(1, 2, "EXIT", 2025, "Udredning", "Privat psykolog", dkk(amount), status,
                TODAY.minusDays(10), "exit", null, null, null, 3);
    }

    @Test
    void committedSpentAndRemainingAreExactDecimals() {
        PoolFigures f = figures("100000.00",
                new PoolFigures.Entry(PurchaseStatus.APPROVED, dkk("0.10")),
                new PoolFigures.Entry(PurchaseStatus.APPROVED, dkk("0.20")),
                new PoolFigures.Entry(PurchaseStatus.PAID, dkk("33333.33")),
                new PoolFigures.Entry(PurchaseStatus.PAID, dkk("33333.34")),
                new PoolFigures.Entry(PurchaseStatus.REQUESTED, dkk("500")),
                new PoolFigures.Entry(PurchaseStatus.REJECTED, dkk("99999")));
        assertThat(f.committed()).isEqualByComparingTo("0.30").hasScaleOf(2);
        assertThat(f.spent()).isEqualByComparingTo("66666.67");
        assertThat(f.requested()).isEqualByComparingTo("500.00");
        assertThat(f.remaining()).isEqualTo(dkk("33333.03"));
        assertThat(f.usedPercent()).isEqualByComparingTo("66.7");
        assertThat(f.covers(dkk("33333.03"))).isTrue();
        assertThat(f.covers(dkk("33333.04"))).isFalse();
    }

    @Test
    void withoutABudgetNothingRemainsAndOverCommitmentIsNegative() {
        PoolFigures none = figures(null, new PoolFigures.Entry(PurchaseStatus.PAID, dkk("10")));
        assertThat(none.hasBudget()).isFalse();
        assertThat(none.remaining()).isNull();
        assertThat(none.covers(dkk("0.01"))).isFalse();
        PoolFigures over = figures("100", new PoolFigures.Entry(PurchaseStatus.APPROVED, dkk("150.50")));
        assertThat(over.remaining()).isEqualByComparingTo("-50.50");
    }

    @Test
    void aProgrammeManagerOtherThanTheRequesterApprovesWithinTheRemainingBudget() {
        PoolPurchase p = purchase("1000.00", PurchaseStatus.REQUESTED);
        assertThat(p.approve(MANAGER, 3, figures("1000"))).isEqualTo(PurchaseStatus.APPROVED);
        assertThatThrownBy(() -> p.approve(MANAGER, 3, figures("999.99")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().getFirst().code()).isEqualTo("caseplan.purchase.exceedsBudget"));
        assertThatThrownBy(() -> p.approve(MANAGER, 3, figures(null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().getFirst().code()).isEqualTo("caseplan.purchase.noBudget"));
        assertThatThrownBy(() -> p.approve(new PoolPurchase.Decider("mentor", false), 3, figures("5000")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> p.approve(new PoolPurchase.Decider("exit", true), 3, figures("5000")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().getFirst().code()).isEqualTo("caseplan.purchase.ownRequest"));
        assertThatThrownBy(() -> p.approve(MANAGER, 2, figures("5000"))).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyRequestedPurchasesAreDecidedAndRejectionNeedsAReason() {
        assertThatThrownBy(() -> purchase("10", PurchaseStatus.APPROVED).approve(MANAGER, 3, figures("5000")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> purchase("10", PurchaseStatus.REJECTED).reject(MANAGER, 3, "nej")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> purchase("10", PurchaseStatus.REQUESTED).reject(MANAGER, 3, " ")).isInstanceOf(ValidationException.class);
        assertThat(purchase("10", PurchaseStatus.REQUESTED).reject(MANAGER, 3, "Kan dækkes af kerneydelser")).isEqualTo(PurchaseStatus.REJECTED);
    }

    @Test
    void onlyApprovedPurchasesArePaidOnADateBetweenRequestAndToday() {
        assertThat(purchase("10", PurchaseStatus.APPROVED).pay(MANAGER, 3, TODAY, TODAY)).isEqualTo(PurchaseStatus.PAID);
        assertThatThrownBy(() -> purchase("10", PurchaseStatus.REQUESTED).pay(MANAGER, 3, TODAY, TODAY)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> purchase("10", PurchaseStatus.APPROVED).pay(MANAGER, 3, TODAY.plusDays(1), TODAY)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> purchase("10", PurchaseStatus.APPROVED).pay(MANAGER, 3, TODAY.minusDays(11), TODAY)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> purchase("10", PurchaseStatus.APPROVED).pay(new PoolPurchase.Decider("x", false), 3, TODAY, TODAY))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void requestsAreValidated() {
        assertThatThrownBy(() -> PoolPurchase.validate(new PoolPurchase.Request(" ", null, dkk("1.234"), TODAY.plusDays(1)), TODAY))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().stream().map(p -> p.field()))
                        .containsExactlyInAnyOrder("purpose", "supplier", "amount", "requestedOn"));
        PoolPurchase.validate(new PoolPurchase.Request("Kørekort", "Køreskole", dkk("12500.50"), TODAY), TODAY);
        assertThatThrownBy(() -> PoolPurchase.validate(new PoolPurchase.Request("x", "y", dkk("0"), TODAY), TODAY))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void budgetsAreZeroOrPositiveWithOere() {
        PoolFigures.validateBudget(2010, dkk("0"), TODAY);
        PoolFigures.validateBudget(2026, dkk("250000.25"), TODAY);
        assertThatThrownBy(() -> PoolFigures.validateBudget(2027, dkk("-1"), TODAY))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).hasSize(2));
        assertThatThrownBy(() -> PoolFigures.validateBudget(2020, dkk("1.001"), TODAY)).isInstanceOf(ValidationException.class);
    }

    @Test
    void danishAmountsAreParsedExactly() {
        assertThat(Dkk.parse("1.234,50")).contains(dkk("1234.50"));
        assertThat(Dkk.parse("1234,5")).contains(dkk("1234.50"));
        assertThat(Dkk.parse("1234.50")).contains(dkk("1234.50"));
        assertThat(Dkk.parse("12.500")).contains(dkk("12500.00"));
        assertThat(Dkk.parse("2 500 kr.")).contains(dkk("2500.00"));
        assertThat(Dkk.parse("1,234")).isEmpty();
        assertThat(Dkk.parse("abc")).isEmpty();
        assertThat(Dkk.format(dkk("1234567.5"))).isEqualTo("1.234.567,50");
    }
}
