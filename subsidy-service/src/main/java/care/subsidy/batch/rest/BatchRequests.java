package care.subsidy.batch.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public final class BatchRequests {

    private BatchRequests() {
    }

    /** Generate the batch of a programme for a month (YYYY-MM). */
    public record Generate(@NotBlank @Size(max = 40) String programmeCode,
                           @NotBlank @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be YYYY-MM")
                           String period) {
    }

    public record Approve(@Size(max = 500) String note) {
    }

    public record Reject(@NotBlank @Size(max = 500) String reason) {
    }
}
