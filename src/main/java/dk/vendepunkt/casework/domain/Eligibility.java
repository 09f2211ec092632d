package dk.vendepunkt.casework.domain;

/** Whether a person's age fits a programme's limits. */
public enum Eligibility {
    ELIGIBLE, TOO_YOUNG, TOO_OLD;

    public boolean eligible() {
        return this == ELIGIBLE;
    }
}
