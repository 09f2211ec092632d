package dk.vendepunkt.casework.domain;

/** The overall risk/need level of an assessment, from the instrument's bands over the total score. */
public enum RiskLevel {
    LOW, MODERATE, HIGH, VERY_HIGH;

    public String labelKey() {
        return "caseplan.risk." + name();
    }
}
