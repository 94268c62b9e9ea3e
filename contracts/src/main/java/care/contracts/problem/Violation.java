package care.contracts.problem;

/** One field that failed validation: its JSON path and a message for a person. */
public record Violation(String field, String message) {
}
