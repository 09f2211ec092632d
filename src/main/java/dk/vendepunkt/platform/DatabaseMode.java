package dk.vendepunkt.platform;

/** Whether this run uses the embedded database (drives defaults such as demo data and development keys). */
public record DatabaseMode(boolean embedded) {}
