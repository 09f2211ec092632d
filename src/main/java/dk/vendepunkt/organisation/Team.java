package dk.vendepunkt.organisation;

/** A team of staff; persons and forløb belong to teams. */
public record Team(long id, String name, String departmentCode, String description, int version) {}
