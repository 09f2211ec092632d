package dk.vendepunkt.casework.domain;

/** The need for support in one life domain, as the caseworker judges it. */
public enum NeedLevel {
    NONE, LOW, MODERATE, HIGH;

    public String labelKey() {
        return "caseplan.need." + name();
    }
}
