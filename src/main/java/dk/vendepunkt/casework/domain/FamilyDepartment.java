package dk.vendepunkt.casework.domain;

/**
 * The departments (forvaltninger) a family's journals, measures and goals belong to, and a part of the assessment is
 * shared with (seed 003: BUF, SOF, BIF and the others), plus other authorities (police, school, region) as EXTERNAL.
 * The codes are those of the organisation module's departments; the Danish names are in the familywork bundle.
 */
public enum FamilyDepartment {
    BUF, SOF, BIF, KFF, SUF, TMF, OKF, EXTERNAL;

    public String labelKey() {
        return "familywork.department." + name();
    }

    /** The recipient named in the disclosure log (and matched against a consent's recipients): the department's code as written. */
    public String recipient() {
        return this == OKF ? "ØKF" : name();
    }
}
