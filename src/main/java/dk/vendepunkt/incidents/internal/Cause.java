package dk.vendepunkt.incidents.internal;

/** Why an incident happened: unrest or crisis in an area (effect goal 4), or anything else. */
public enum Cause {
    UNREST, CRISIS, OTHER;

    public boolean unrestOrCrisis() {
        return this != OTHER;
    }
}
