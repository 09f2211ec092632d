package dk.vendepunkt.casework.domain;

/** Where a referral came from (the entrances the seeds name for the Exit programme). UI text: {@code channel.<name>}. */
public enum Channel {
    SSP, POLICE, PRISON_SERVICE, JOBCENTRE, SOCIAL_CENTRE, YOUTH_GUIDANCE, PLUS_CENTRE, STREET_WORKER, PRISON, SELF, OTHER
}
