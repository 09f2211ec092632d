package dk.vendepunkt.casework.domain;

/** Who owns an action of the action plan: one of the three departments of the Exit programme, or an external partner. */
public enum ResponsibleDepartment {
    /** Socialforvaltningen */
    SOF,
    /** Børne- og Ungdomsforvaltningen */
    BUF,
    /** Beskæftigelses- og Integrationsforvaltningen */
    BIF,
    /** politi, Kriminalforsorgen, private suppliers, … */
    EXTERNAL;

    public String labelKey() {
        return "caseplan.department." + name();
    }
}
