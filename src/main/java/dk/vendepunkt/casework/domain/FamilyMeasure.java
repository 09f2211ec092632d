package dk.vendepunkt.casework.domain;

/** The measures a goal of the family action plan can name (seed 003); OTHER needs a text. Danish names in the bundle. */
public enum FamilyMeasure {
    PARENT_GROUP, MENTOR, LEISURE_JOB, SCHOOL_SUPPORT, PARENTING_PROGRAMME, FAMILY_THERAPY, OTHER;

    public String labelKey() {
        return "familywork.measure." + name();
    }
}
