package dk.vendepunkt.outcomes.internal;

import java.util.EnumSet;
import java.util.Set;

/** The contract's code lists. */
public final class Codes {

    private Codes() {}

    public enum Programme { EXIT, KIV, RAMMEMODEL, SSP_PLUS, FAMILY }

    public enum ClosureReason { COMPLETED, DROPPED_OUT, MOVED, IMPRISONED, TRANSFERRED, DECEASED, OTHER }

    public enum FollowUpStatus {
        EDUCATION, EMPLOYMENT, ACTIVATION, NONE;

        static final Set<FollowUpStatus> SUCCESS = EnumSet.of(EDUCATION, EMPLOYMENT, ACTIVATION);
    }

    /** "Serious" in the contract: SSP level 3 (alvorlig) or 4 (personfarlig). */
    static final int SERIOUS_LEVEL = 3;
}
