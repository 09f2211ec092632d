package dk.vendepunkt.organisation;

/** What a staff user may do. A user has one or more roles; authority names are {@code ROLE_<name>}. */
public enum Role {
    /** users, teams, roles, reference data, imports, retention, audit log */
    ADMIN,
    /** capacity, waiting list, pool budget, programme results; sees the forløb of own teams */
    PROGRAMME_MANAGER,
    /** SSP+ consultant, exit expert, mentor: persons and forløb of own teams only */
    CASEWORKER,
    /** aggregates only, never a person */
    ANALYST,
    /** committee member / evaluator: published reports only */
    READER,
    /** data protection officer (databeskyttelsesrådgiver): audit log, subject access, break-the-glass review,
     *  retention preview; no case content otherwise */
    DPO;

    public String authority() {
        return "ROLE_" + name();
    }
}
