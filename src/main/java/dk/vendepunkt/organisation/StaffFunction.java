package dk.vendepunkt.organisation;

/** The job a caseworker does; informational, authorisation is by {@link Role} and team. */
public enum StaffFunction {
    SSP_CONSULTANT, EXIT_EXPERT, MENTOR, COORDINATOR, CORE_TEAM_MEMBER
}
