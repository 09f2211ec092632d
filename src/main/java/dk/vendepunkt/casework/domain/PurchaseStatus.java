package dk.vendepunkt.casework.domain;

/**
 * A pool purchase's life: requested by a caseworker, approved or rejected by a programme manager,
 * and paid once the supplier's invoice is settled. Approved purchases commit budget, paid ones spend it.
 */
public enum PurchaseStatus {
    REQUESTED, APPROVED, REJECTED, PAID;

    public String labelKey() {
        return "caseplan.purchaseStatus." + name();
    }
}
