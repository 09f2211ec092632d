package dk.vendepunkt.casework.domain;

/** A staff member who may coordinate a forløb (an enabled caseworker or programme manager), and whether they are an exit expert. */
public record Coordinator(long id, boolean exitExpert) {}
