package dk.vendepunkt.organisation;

/** A forvaltning, e.g. SOF = Socialforvaltningen. */
public record Department(String code, String name) {}
