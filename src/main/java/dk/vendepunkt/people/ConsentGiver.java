package dk.vendepunkt.people;

/** Who gave a consent: the person themself, or a guardian (named, with or without parental authority). */
public enum ConsentGiver {
    PERSON, GUARDIAN
}
