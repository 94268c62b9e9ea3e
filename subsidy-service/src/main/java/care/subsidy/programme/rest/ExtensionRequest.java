package care.subsidy.programme.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A new end for a version: later (an extension), earlier, or none (null: until the next version).
 *
 * @param source the decision the new end rests on (document, number, article)
 */
public record ExtensionRequest(LocalDate effectiveUntil, @NotBlank @Size(max = 2000) String source) {
}
