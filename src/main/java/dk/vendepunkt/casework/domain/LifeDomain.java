package dk.vendepunkt.casework.domain;

/**
 * The life domains of the needs assessment (behovsafklaring) in the Exit programme: the situation
 * and need in each, and the goals of the action plan, are recorded per domain.
 */
public enum LifeDomain {
    /** økonomi */
    ECONOMY,
    /** bolig */
    HOUSING,
    /** uddannelse/beskæftigelse */
    EDUCATION_EMPLOYMENT,
    /** netværk/sociale relationer */
    NETWORK,
    /** misbrug */
    SUBSTANCE_ABUSE,
    /** psykiske forhold */
    MENTAL_HEALTH,
    /** trusselsniveau */
    THREAT_LEVEL,
    /** kriminelle tankemønstre */
    CRIMINAL_THINKING,
    /** fritid */
    LEISURE;

    /** Message-bundle key of the Danish/English label. */
    public String labelKey() {
        return "caseplan.domain." + name();
    }
}
