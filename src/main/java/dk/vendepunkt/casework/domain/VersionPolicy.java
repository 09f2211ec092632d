package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.util.Optional;

/** Optimistic locking: every change names the version it was made from (the store refuses a stale one with 409). */
public final class VersionPolicy {

    private VersionPolicy() {}

    public static Optional<FieldProblem> required(Integer basedOn) {
        return Rules.when(basedOn == null, "version", "common.version.required");
    }
}
