package dk.vendepunkt.casework.domain;

import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.ValidationException.FieldProblem;
import java.util.List;

/**
 * What a domain operation decided: accepted, with the new state and the events the change produces (in the order
 * they are to be stored or published), or rejected with the problems (message-bundle codes per field). Nothing is
 * written or published by the domain itself: the service stores the state and hands on the events.
 */
public sealed interface Decision<T> {

    record Accepted<T>(T result, List<Object> events) implements Decision<T> {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected<T>(List<FieldProblem> problems) implements Decision<T> {
        public Rejected {
            if (problems.isEmpty()) throw new IllegalArgumentException("a rejection names at least one problem");
            problems = List.copyOf(problems);
        }
    }

    static <T> Decision<T> accept(T result, List<Object> events) {
        return new Accepted<>(result, events);
    }

    static <T> Decision<T> reject(List<FieldProblem> problems) {
        return new Rejected<>(problems);
    }

    /** The accepted decision; a rejection is thrown as a {@link ValidationException} (400 on the API, messages on forms). */
    default Accepted<T> orThrow() {
        return switch (this) {
            case Accepted<T> a -> a;
            case Rejected<T> r -> throw new ValidationException(r.problems());
        };
    }
}
