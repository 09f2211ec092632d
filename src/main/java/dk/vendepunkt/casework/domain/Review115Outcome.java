package dk.vendepunkt.casework.domain;

/** What a §115 review decided about a person on the police's list (Danish names: {@code review115.outcome.*}). */
public enum Review115Outcome {
    /** Ingen handling */
    NO_ACTION,
    /** Kontakt til familien */
    CONTACT_FAMILY,
    /** Henvis til kerneteamet: publishes {@link dk.vendepunkt.casework.ReferredToCoreTeam} */
    REFER_CORE_TEAM,
    /** Allerede kendt (en sag findes) */
    ALREADY_KNOWN,
    /** Underretning */
    NOTIFICATION_OF_CONCERN;

    public String labelKey() {
        return "review115.outcome." + name();
    }
}
