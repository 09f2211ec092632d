package dk.vendepunkt.reporting;

/** Which figures a caller sees: suppressed ({@code PUBLIC}, the default) or all ({@code INTERNAL}). */
public enum Disclosure {
    PUBLIC, INTERNAL
}
