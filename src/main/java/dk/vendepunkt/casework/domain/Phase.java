package dk.vendepunkt.casework.domain;

/** A phase of a programme, as stored in {@code cw_programme_phase}. */
public record Phase(String code, String name, int position, boolean initial, boolean closing) {}
