package dk.vendepunkt.casework.domain;

/** Progress of an action in the action plan. */
public enum ActionStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED;

    public String labelKey() {
        return "caseplan.actionStatus." + name();
    }
}
