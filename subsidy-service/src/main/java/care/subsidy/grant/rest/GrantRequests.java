package care.subsidy.grant.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.UUID;

public final class GrantRequests {

    private GrantRequests() {
    }

    /** 卫健 designates a childcare institution 示范性 and decides its grant (seed 000 §20). */
    public record Demonstration(@NotNull UUID institutionId,
                                @NotNull @Positive Long amountFen,
                                @NotBlank @Size(max = 500) String reason,
                                @NotBlank @Size(max = 60) String decisionNumber) {
    }

    /** Rate × beds/托位 filed since the institution's last capacity subsidy. */
    public record Capacity(@NotNull UUID institutionId,
                           @NotBlank @Size(max = 500) String reason) {
    }
}
