package care.subsidy.finance.rest;

import care.subsidy.finance.domain.PaymentResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Many results in one request, as a finance system posts a bank's day file. Each item carries its own
 * Idempotency-Key and is applied exactly as {@code POST /instructions/{id}/result} would apply it.
 */
public record BulkResultRequest(@NotNull @Size(min = 1, max = BulkResultRequest.MAX_ITEMS)
                                List<@NotNull @Valid Item> results) {

    public static final int MAX_ITEMS = 1000;

    /** One result: the fields of {@link ResultRequest} plus the instruction and the key. */
    @Schema(name = "BulkResultItem")
    public record Item(
            @NotNull UUID instructionId,
            @NotBlank @Size(max = 200) String idempotencyKey,
            @NotNull PaymentResult.Outcome outcome,
            @NotNull @Positive @Max(1_000_000_000L) Long amountFen,
            @Size(min = 1, max = 64) @Pattern(regexp = "[\\p{Alnum}\\-_/.]+", message = "letters, digits and - _ / . only")
            String bankReference,
            LocalDate paidOn,
            @Size(min = 1, max = 500) String reason) {

        /** The same result as the single-result body, so a key replays the same way whichever endpoint first used it. */
        public PaymentResult result() {
            return new PaymentResult(outcome, amountFen, bankReference, paidOn, reason);
        }
    }
}
