package care.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One field that failed validation: its JSON path and a message for a person. {@code row} is set only where one
 * request carries many records (a spreadsheet upload: the row as the spreadsheet numbers it) and left out otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(Integer row, String field, String message) {

    public Violation(String field, String message) {
        this(null, field, message);
    }
}
