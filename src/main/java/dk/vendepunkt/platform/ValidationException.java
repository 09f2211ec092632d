package dk.vendepunkt.platform;

import java.util.List;

/**
 * A request the domain refuses, with the field(s) that are wrong (400 on the API, messages on forms).
 * Each error's message is a message-bundle code.
 */
public class ValidationException extends RuntimeException {

    private final List<FieldProblem> problems;

    public ValidationException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public static ValidationException of(String field, String code, Object... args) {
        return new ValidationException(List.of(FieldProblem.of(field, code, args)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public record FieldProblem(String field, String code, Object[] args) {
        public static FieldProblem of(String field, String code, Object... args) {
            return new FieldProblem(field, code, args);
        }

        @Override
        public String toString() {
            return field + ":" + code;
        }
    }
}
