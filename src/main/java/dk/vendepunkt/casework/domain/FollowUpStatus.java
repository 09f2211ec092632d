package dk.vendepunkt.casework.domain;

/** Status after discharge (contract codes). ACTIVATION = uddannelses- eller beskæftigelsesfremmende aktivitet. */
public enum FollowUpStatus {
    EDUCATION, EMPLOYMENT, ACTIVATION, NONE
}
