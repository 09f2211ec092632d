package dk.vendepunkt.crimestats.internal;

/** The three age groups of the charges key figure (age at the charge, both ends included). */
public enum AgeGroup {
    UNDER_15(0, 14), AGE_15_17(15, 17), AGE_18_25(18, 25);

    public final int minAge;
    public final int maxAge;

    AgeGroup(int minAge, int maxAge) {
        this.minAge = minAge;
        this.maxAge = maxAge;
    }
}
