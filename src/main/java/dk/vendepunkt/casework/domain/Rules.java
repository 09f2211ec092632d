package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Helpers for the policies: a rule answers with the problem it finds, or none. */
final class Rules {

    private Rules() {}

    /** The problems the rules found, in the order the rules are given. */
    @SafeVarargs
    static List<FieldProblem> problems(Optional<FieldProblem>... rules) {
        return Stream.of(rules).flatMap(Optional::stream).toList();
    }

    static Optional<FieldProblem> when(boolean broken, String field, String code, Object... args) {
        return broken ? Optional.of(FieldProblem.of(field, code, args)) : Optional.empty();
    }
}
