package dk.vendepunkt.casework.domain;

/** The screening's outcome. */
public enum ScreeningDecision {
    ACCEPT(ReferralStatus.ACCEPTED), WAITING_LIST(ReferralStatus.WAITING), REJECT(ReferralStatus.REJECTED);

    private final ReferralStatus status;

    ScreeningDecision(ReferralStatus status) {
        this.status = status;
    }

    public ReferralStatus status() {
        return status;
    }
}
