package dk.vendepunkt.safetyindex.internal;

/** The five categories of need for a safety-creating effort, plus too few respondents. */
public enum Category {
    MARKANT, INTENSIVERET, ORDINAER, REDUCERET, MINIMAL, INSUFFICIENT_DATA;

    /** MARKANT or INTENSIVERET: the districts the halving goal counts. */
    public boolean highNeed() {
        return this == MARKANT || this == INTENSIVERET;
    }

    /** ORDINAER or better: where effect goal 3 wants the MARKANT districts to end up. */
    public boolean ordinaryOrBetter() {
        return this == ORDINAER || this == REDUCERET || this == MINIMAL;
    }

    public String messageCode() {
        return "safety.category." + name();
    }
}
