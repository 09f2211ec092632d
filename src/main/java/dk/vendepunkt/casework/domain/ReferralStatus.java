package dk.vendepunkt.casework.domain;

/** RECEIVED = awaiting screening; WAITING = on the waiting list; ACCEPTED = enrolled; REJECTED = refused with a reason. */
public enum ReferralStatus {
    RECEIVED, WAITING, ACCEPTED, REJECTED;

    public boolean open() {
        return this == RECEIVED || this == WAITING;
    }
}
