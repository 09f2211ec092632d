package dk.vendepunkt.casework.domain;

/** Why a forløb ended (contract codes). COMPLETED = selvhjulpen/gennemført. */
public enum ClosureReason {
    COMPLETED, DROPPED_OUT, MOVED, IMPRISONED, TRANSFERRED, DECEASED, OTHER;

    /** Follow-ups make no sense after a death: no tasks are scheduled for DECEASED. */
    public boolean schedulesFollowUps() {
        return this != DECEASED;
    }
}
