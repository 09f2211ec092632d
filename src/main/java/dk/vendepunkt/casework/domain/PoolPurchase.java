package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.ConflictException;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a purchase from the programme's pool (puljekøb). A caseworker requests it for a forløb;
 * a programme manager other than the requester approves it (only within the remaining budget of the
 * year) or rejects it with a reason; an approved purchase is marked paid when the invoice is settled.
 */
public record PoolPurchase(long id, long enrolmentId, String programme, int budgetYear, String purpose, String supplier,
                           BigDecimal amount, PurchaseStatus status, LocalDate requestedOn, String requestedBy,
                           String decidedBy, String decisionNote, LocalDate paidOn, int version) {

    static final int MAX_TEXT = 2000;

    /** What a caseworker asks for. */
    public record Request(String purpose, String supplier, BigDecimal amount, LocalDate requestedOn) {}

    /** Validates a request; the budget year is the year of the request date. */
    public static void validate(Request r, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.purpose() == null || r.purpose().isBlank()) problems.add(new FieldProblem("purpose", "caseplan.purchase.purpose.required", new Object[0]));
        else if (r.purpose().length() > MAX_TEXT) problems.add(new FieldProblem("purpose", "caseplan.text.tooLong", new Object[] {MAX_TEXT}));
        if (r.supplier() == null || r.supplier().isBlank()) problems.add(new FieldProblem("supplier", "caseplan.purchase.supplier.required", new Object[0]));
        else if (r.supplier().length() > 300) problems.add(new FieldProblem("supplier", "caseplan.text.tooLong", new Object[] {300}));
        if (!Dkk.validPositive(r.amount())) problems.add(new FieldProblem("amount", "caseplan.purchase.amount.invalid", new Object[0]));
        if (r.requestedOn() == null) problems.add(new FieldProblem("requestedOn", "caseplan.date.required", new Object[0]));
        else if (r.requestedOn().isAfter(today)) problems.add(new FieldProblem("requestedOn", "caseplan.date.future", new Object[0]));
        if (!problems.isEmpty()) throw new ValidationException(problems);
    }

    /** Who decides: a user with the programme-manager role (checked by the caller as well). */
    public record Decider(String username, boolean programmeManager) {}

    private void checkDecision(Decider by, int expectedVersion) {
        if (!by.programmeManager()) throw new org.springframework.security.access.AccessDeniedException("Only a programme manager decides on pool purchases");
        if (expectedVersion != version) throw ConflictException.stale();
        if (status != PurchaseStatus.REQUESTED) throw new ConflictException("caseplan.purchase.alreadyDecided");
        if (by.username().equals(requestedBy)) throw ValidationException.of("decision", "caseplan.purchase.ownRequest");
    }

    /** Approval: the year must have a budget whose remainder covers the amount. */
    public PurchaseStatus approve(Decider by, int expectedVersion, PoolFigures figures) {
        checkDecision(by, expectedVersion);
        if (!figures.hasBudget()) throw ValidationException.of("decision", "caseplan.purchase.noBudget", budgetYear);
        if (!figures.covers(amount)) throw ValidationException.of("decision", "caseplan.purchase.exceedsBudget", Dkk.format(figures.remaining()));
        return PurchaseStatus.APPROVED;
    }

    /** Rejection needs a reason. */
    public PurchaseStatus reject(Decider by, int expectedVersion, String reason) {
        checkDecision(by, expectedVersion);
        if (reason == null || reason.isBlank()) throw ValidationException.of("reason", "caseplan.purchase.rejectReason.required");
        return PurchaseStatus.REJECTED;
    }

    /** Payment of an approved purchase, on a date not in the future. */
    public PurchaseStatus pay(Decider by, int expectedVersion, LocalDate on, LocalDate today) {
        if (!by.programmeManager()) throw new org.springframework.security.access.AccessDeniedException("Only a programme manager records payments");
        if (expectedVersion != version) throw ConflictException.stale();
        if (status != PurchaseStatus.APPROVED) throw new ConflictException("caseplan.purchase.notApproved");
        if (on == null) throw ValidationException.of("paidOn", "caseplan.date.required");
        if (on.isAfter(today)) throw ValidationException.of("paidOn", "caseplan.date.future");
        if (on.isBefore(requestedOn)) throw ValidationException.of("paidOn", "caseplan.purchase.paidBeforeRequest");
        return PurchaseStatus.PAID;
    }
}
